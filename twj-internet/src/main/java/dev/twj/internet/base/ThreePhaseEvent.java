package dev.twj.internet.base;

import dev.twj.internet.defer.Deferred;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The triggers of one system event type, in three phases. Port of
 * {@code twisted.internet.base._ThreePhaseEvent}.
 *
 * <p>Firing runs the "before" triggers in order; those that return a Deferred are waited for.
 * Then the "during" triggers run, then the "after" ones. A trigger that throws is logged and the
 * others still run. A trigger added to a phase while that phase runs runs in the same firing.
 */
final class ThreePhaseEvent {
    /** A trigger and the phase it was added to: the handle removeTrigger takes. */
    record Handle(String phase, Callable<?> callable, long id) {}

    private static final Logger log = new Logger(ThreePhaseEvent.class);

    private final List<Handle> before = new ArrayList<>();
    private final List<Handle> during = new ArrayList<>();
    private final List<Handle> after = new ArrayList<>();
    private List<Handle> finishedBefore = new ArrayList<>();
    private String state = "BASE";
    private long nextId;

    private List<Handle> phase(String phase) {
        return switch (phase) {
            case "before" -> before;
            case "during" -> during;
            case "after" -> after;
            default -> throw new IllegalArgumentException(
                    "invalid phase: " + phase + " (expected before, during or after)");
        };
    }

    Handle addTrigger(String phase, Callable<?> callable) {
        Handle handle = new Handle(phase, callable, nextId++);
        phase(phase).add(handle);
        return handle;
    }

    void removeTrigger(Handle handle) {
        if ("BEFORE".equals(state) && "before".equals(handle.phase())
                && finishedBefore.contains(handle)) {
            // As Twisted: removing an already-fired before trigger is ignored (Twisted warns).
            return;
        }
        if (!phase(handle.phase()).remove(handle)) {
            throw new IllegalArgumentException("no such trigger: " + handle);
        }
    }

    void fireEvent() {
        state = "BEFORE";
        finishedBefore = new ArrayList<>();
        List<Deferred<?>> beforeResults = new ArrayList<>();
        while (!before.isEmpty()) {
            Handle h = before.remove(0);
            finishedBefore.add(h);
            try {
                Object result = h.callable().call();
                if (result instanceof Deferred<?> d) {
                    beforeResults.add(d);
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.failure("Unhandled error in system event trigger", new Failure(t));
            }
        }
        // Twisted: DeferredList(beforeResults).addCallback(self._continueFiring). The results
        // pass through untouched, so a failed before-trigger Deferred is still reported as
        // unhandled, as with a DeferredList that does not consume errors.
        int[] waiting = {beforeResults.size()};
        if (waiting[0] == 0) {
            continueFiring();
            return;
        }
        for (Deferred<?> d : beforeResults) {
            d.addBoth(r -> {
                if (--waiting[0] == 0) {
                    continueFiring();
                }
                return r;
            });
        }
    }

    private void continueFiring() {
        state = "BASE";
        finishedBefore = new ArrayList<>();
        for (List<Handle> phase : List.of(during, after)) {
            while (!phase.isEmpty()) {
                Handle h = phase.remove(0);
                try {
                    h.callable().call();
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable t) {
                    log.failure("Unhandled error in system event trigger", new Failure(t));
                }
            }
        }
    }
}
