package dev.twj.trial.unittest;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.AlreadyCalledError;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.defer.TimeoutError;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.util.DirtyReactorAggregateError;
import dev.twj.trial.util.Janitor;
import dev.twj.trial.util.Util;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unit test whose test methods, {@code setUp}, {@code tearDown} and cleanups may return a
 * {@link Deferred}: the runner waits for it and takes its failure, if any, as the method's error.
 * Port of {@code twisted.trial.unittest.TestCase}; adds {@link #assertFailure}.
 *
 * <pre>{@code
 * final class FetchTests extends TestCase {
 *     public Deferred<String> setUp() { return client.connect(); }
 *
 *     public Deferred<?> test_missing() {
 *         return assertFailure(client.fetch("nope"), NotFound.class);
 *     }
 * }
 * }</pre>
 *
 * <p>Waiting: when a method returns a Deferred that has not fired, the runner runs the global
 * reactor ({@link Reactor#reactor()}) until it fires, then crashes the reactor (trial's
 * {@code _wait}). If it has not fired after {@link #getTimeout()} seconds (120 by default; set it
 * with {@link Timeout @Timeout(seconds)} on the method or class, or override {@code getTimeout}),
 * the Deferred is errbacked with {@code defer.TimeoutError("<test> (<method>) still running at
 * <timeout> secs")}, which fails the test, as trial does (an errback rather than
 * {@code cancel()}: Twisted's {@code test_errorPropagation} checks the test's Deferred gets the
 * TimeoutError). Unlike trial, each fixture and cleanup has its own timeout.
 *
 * <p>After each test, trial's janitor ({@link Janitor}) cancels the delayed calls still pending,
 * removes the readers and writers still in the reactor (listening ports, connections) and stops
 * the reactor's thread pool; each pending call or selectable makes the test fail with a
 * {@link DirtyReactorAggregateError} listing them, and the next test starts with a clean reactor.
 *
 * <p>Known limitation: a test that calls {@code reactor.stop()} (trial swaps it for
 * {@code crash} while it waits) leaves the reactor not restartable for the tests after it.
 *
 * <p>As in trial, a {@code FailTest} raised by {@code setUp} or {@code tearDown} of a
 * {@code TestCase} is reported as an error (a {@code SynchronousTestCase} reports it as a
 * failure).
 */
public class TestCase extends SynchronousTestCase {
    /** Creates a test case for the no-op {@link #runTest} method. */
    public TestCase() {}

    /**
     * Fails if {@code deferred} does not errback with one of {@code expectedFailures} (with any
     * exception if none are given). Returns the Deferred with callbacks added, whose result is the
     * exception: return it from the test so that the runner checks it.
     */
    public final <T> Deferred<Throwable> assertFailure(
            Deferred<T> deferred, Class<?>... expectedFailures) {
        return deferred.addCallbacks(
                ignore -> {
                    throw new FailTest("did not catch an error, instead got " + repr(ignore));
                },
                failure -> {
                    if (expectedFailures.length == 0 || failure.check(expectedFailures) != null) {
                        return failure.value();
                    }
                    throw new FailTest("\nExpected: " + Arrays.toString(expectedFailures)
                            + "\nGot:\n" + failure);
                });
    }

    @Override
    boolean fixtureFailuresAreErrors() {
        return true;
    }

    /**
     * Returns the timeout of this test in seconds: the {@link Timeout} of the test method, else of
     * its class (or a superclass), else {@link Util#DEFAULT_TIMEOUT_DURATION}. Port of trial's
     * {@code getTimeout}; override it to decide at run time.
     */
    public double getTimeout() {
        Method method = findMethod(getClass(), methodName());
        Timeout timeout = method == null ? null : method.getAnnotation(Timeout.class);
        if (timeout == null) {
            timeout = getClass().getAnnotation(Timeout.class);
        }
        return timeout == null ? Util.DEFAULT_TIMEOUT_DURATION : timeout.value();
    }

    @Override
    boolean caseCleanup(IReporter result) {
        try {
            return new Janitor(this, result).postCaseCleanup();
        } catch (RuntimeException e) {
            result.addError(this, new Failure(e));
            return false;
        }
    }

    @Override
    void classCleanup(IReporter result) {
        try {
            new Janitor(this, result).postClassCleanup();
        } catch (RuntimeException e) {
            result.addError(this, new Failure(e));
        }
    }

    /**
     * Waits for a returned Deferred, running the reactor until it fires or times out: its failure
     * is thrown as the method's error.
     */
    @Override
    void waitFor(String what, Object returned) throws Throwable {
        if (returned instanceof Deferred<?> d) {
            waitForDeferred(what, d);
        }
    }

    private <T> void waitForDeferred(String what, Deferred<T> d) throws Throwable {
        List<Object> results = new ArrayList<>(1);
        d.addBoth(r -> {
            // As trial's append: the result is taken here, so a failure is handled (returning
            // it would leave it unhandled, and reported when the Deferred is collected).
            results.add(r);
            return null;
        });
        if (results.isEmpty()) {
            double timeout = getTimeout();
            SelectReactor reactor = Reactor.reactor();
            TimeoutError[] timedOut = new TimeoutError[1];
            IDelayedCall call = reactor.callLater(timeout, () -> {
                TimeoutError e = new TimeoutError(
                        this + " (" + what + ") still running at " + timeout + " secs");
                try {
                    d.errback(new Failure(e));
                } catch (AlreadyCalledError already) {
                    // Called, but its callback chain is paused on another Deferred.
                    reactor.crash();
                    timedOut[0] = e;
                }
            });
            d.addBoth(r -> {
                if (call.active()) {
                    call.cancel();
                }
                return r;
            });
            wait(d, results);
            if (timedOut[0] != null) {
                throw timedOut[0];
            }
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("the reactor stopped before " + d + " (" + what
                    + ") fired: was it crashed or stopped by the test?");
        }
        if (results.get(0) instanceof Failure f) {
            throw f.value();
        }
    }

    private static boolean waiting;

    /**
     * Runs the global reactor until {@code d} fires (trial's {@code _wait}); {@code results}
     * receives its result.
     *
     * @throws IllegalStateException if called while waiting ({@code _wait} is not reentrant)
     */
    private static void wait(Deferred<?> d, List<Object> results) {
        if (waiting) {
            throw new IllegalStateException("_wait is not reentrant");
        }
        SelectReactor reactor = Reactor.reactor();
        waiting = true;
        try {
            if (!results.isEmpty()) {
                return;
            }
            d.addBoth(r -> {
                reactor.crash();
                return r;
            });
            reactor.run(false);
        } finally {
            waiting = false;
        }
    }
}
