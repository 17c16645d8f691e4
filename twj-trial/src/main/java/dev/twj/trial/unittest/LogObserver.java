package dev.twj.trial.unittest;

import dev.twj.internet.defer.Defer;
import dev.twj.logger.Global;
import dev.twj.python.failure.Failure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Observes the global log publisher and catches any errors. Port of trial's
 * {@code _synctest._LogObserver}.
 *
 * <p>An event is an error if it carries a {@link Failure} as {@code log_failure} (what
 * {@code Logger.failure} emits; Twisted's legacy bridge marks every such event {@code isError}),
 * or is marked {@code isError} and carries a {@code failure} (the legacy shape).
 *
 * <p>One difference from trial: an "Unhandled error in Deferred" report is made when the garbage
 * collector finds the Deferred, which on the JVM may be during a later test. Such a report carries
 * {@link Defer#UNHANDLED_SINCE_KEY}; if the Deferred's failure dates from before the running test
 * started, the error is not caught here (the global log still shows it), so it does not fail a test
 * that had nothing to do with it. A Deferred the running test dropped is still caught when it is
 * collected during that test, and always with {@code --force-gc}.
 */
final class LogObserver {
    /** The one observer shared by every test case, as trial's {@code _logObserver}. */
    static final LogObserver INSTANCE = new LogObserver();

    private final List<Failure> errors = new ArrayList<>();
    private final List<Class<?>> ignored = new ArrayList<>();
    private int added;
    /** The {@link System#nanoTime} each running test (innermost last) was added at. */
    private final Deque<Long> startedAt = new ArrayDeque<>();

    /** The observer method: called whenever an event is logged. */
    void gotEvent(Map<String, Object> event) {
        Failure failure = null;
        if (event.get("log_failure") instanceof Failure f) {
            failure = f;
        } else if (Boolean.TRUE.equals(event.get("isError"))
                && event.get("failure") instanceof Failure f) {
            failure = f;
        }
        if (failure == null) {
            return;
        }
        synchronized (this) {
            if (event.get(Defer.UNHANDLED_SINCE_KEY) instanceof Long since
                    && !startedAt.isEmpty() && since - startedAt.peekLast() < 0) {
                return;
            }
            if (ignored.isEmpty() || failure.check(ignored.toArray(new Class<?>[0])) == null) {
                errors.add(failure);
            }
        }
    }

    private final dev.twj.logger.ILogObserver observer = this::gotEvent;

    synchronized void add() {
        startedAt.addLast(System.nanoTime());
        if (added == 0) {
            Global.globalLogPublisher().addObserver(observer);
        }
        added++;
    }

    synchronized void remove() {
        startedAt.pollLast();
        added--;
        if (added == 0) {
            Global.globalLogPublisher().removeObserver(observer);
        }
    }

    /** Does not store any errors with any of the given types. */
    synchronized void ignoreErrors(Class<?>... errorTypes) {
        ignored.addAll(List.of(errorTypes));
    }

    /** Stops ignoring any errors we might currently be ignoring. */
    synchronized void clearIgnores() {
        ignored.clear();
    }

    /**
     * Flushes errors from the list of caught errors: all of them if no types are given, else those
     * of the given types.
     */
    synchronized List<Failure> flushErrors(Class<?>... errorTypes) {
        List<Failure> flushed = new ArrayList<>();
        if (errorTypes.length == 0) {
            flushed.addAll(errors);
            errors.clear();
            return flushed;
        }
        List<Failure> remainder = new ArrayList<>();
        for (Failure f : errors) {
            (f.check(errorTypes) != null ? flushed : remainder).add(f);
        }
        errors.clear();
        errors.addAll(remainder);
        return flushed;
    }

    /** Returns a copy of the errors caught so far. */
    synchronized List<Failure> getErrors() {
        return List.copyOf(errors);
    }
}
