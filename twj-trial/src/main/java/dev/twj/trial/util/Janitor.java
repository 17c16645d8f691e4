package dev.twj.trial.util;

import dev.twj.internet.Reactor;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IFileDescriptor;
import dev.twj.internet.interfaces.IReactorCore;
import dev.twj.internet.interfaces.IReactorFDSet;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Cleans up the reactor after a test and reports what it found: delayed calls still pending and
 * selectables (listening ports, connections) still registered each make the test fail with a
 * {@link DirtyReactorAggregateError}; the reactor's thread pool is stopped. Port of trial's
 * {@code util._Janitor}; {@code TestCase} runs {@link #postCaseCleanup} and then
 * {@link #postClassCleanup} after every test, as trial does.
 *
 * <p>The reactor is any object: the parts it provides ({@link IReactorCore} to spin it,
 * {@link IReactorTime} for delayed calls, {@link IReactorFDSet} for selectables,
 * {@link ReactorBase} for the thread pool) are cleaned, as Twisted checks {@code providedBy}.
 * Unlike Twisted, child processes are not killed: twj has no {@code spawnProcess} yet.
 */
public final class Janitor {
    private final SynchronousTestCase test;
    private final IReporter result;
    private final Object reactor;

    /** Creates a janitor for {@code test} reporting to {@code result}, on the global reactor. */
    public Janitor(SynchronousTestCase test, IReporter result) {
        this(test, result, null);
    }

    /**
     * Creates a janitor for {@code test} reporting to {@code result}, cleaning {@code reactor}
     * (the global reactor if null).
     */
    public Janitor(SynchronousTestCase test, IReporter result, Object reactor) {
        this.test = test;
        this.result = result;
        this.reactor = reactor;
    }

    private Object getReactor() {
        return reactor != null ? reactor : Reactor.reactor();
    }

    /**
     * Called by trial after each test: cancels the pending delayed calls and, if there were any,
     * reports a {@link DirtyReactorAggregateError} listing them.
     *
     * @return true if the reactor was clean
     */
    public boolean postCaseCleanup() {
        List<String> calls = cleanPending();
        if (!calls.isEmpty()) {
            result.addError(test, new Failure(new DirtyReactorAggregateError(calls)));
            return false;
        }
        return true;
    }

    /**
     * Called by trial after each test (after {@link #postCaseCleanup}): removes every selectable
     * and cancels every pending call, reporting one {@link DirtyReactorAggregateError} for all of
     * them, then stops the reactor's thread pool.
     */
    public void postClassCleanup() {
        List<String> selectStrings = cleanReactor();
        List<String> calls = cleanPending();
        if (!selectStrings.isEmpty() || !calls.isEmpty()) {
            result.addError(test, new Failure(new DirtyReactorAggregateError(calls, selectStrings)));
        }
        cleanThreads();
    }

    /**
     * Spins the reactor twice (to let calls due now run), then cancels every delayed call still
     * pending and returns their descriptions. Twisted's {@code _cleanPending}.
     */
    public List<String> cleanPending() {
        Object r = getReactor();
        if (r instanceof IReactorCore core) {
            core.iterate(0);
            core.iterate(0);
        }
        List<String> delayedCallStrings = new ArrayList<>();
        if (r instanceof IReactorTime time) {
            for (IDelayedCall p : time.getDelayedCalls()) {
                String delayedString = String.valueOf(p);
                if (p.active()) {
                    p.cancel();
                } else {
                    System.out.println("WEIRDNESS! pending timed call not active!");
                }
                delayedCallStrings.add(delayedString);
            }
        }
        return delayedCallStrings;
    }

    /** Stops the reactor's thread pool, if it has one. Twisted's {@code _cleanThreads}. */
    public void cleanThreads() {
        if (getReactor() instanceof ReactorBase base) {
            base.stopThreadPool();
        }
    }

    /**
     * Removes every selectable from the reactor and returns their descriptions. Twisted's
     * {@code _cleanReactor}.
     */
    public List<String> cleanReactor() {
        List<String> strings = new ArrayList<>();
        if (getReactor() instanceof IReactorFDSet fdSet) {
            for (IFileDescriptor sel : fdSet.removeAll()) {
                strings.add(String.valueOf(sel));
            }
        }
        return strings;
    }
}
