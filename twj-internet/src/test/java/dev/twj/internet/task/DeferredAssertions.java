package dev.twj.internet.task;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Deferred;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * trial's Deferred assertions for the tests of this package, until twj-trial provides them: same
 * names and behaviour as {@code twisted.trial._synctest.SynchronousTestCase}.
 * {@link #successResultOf} and {@link #failureResultOf} consume the result.
 */
final class DeferredAssertions {
    private DeferredAssertions() {}

    /** Returns the result {@code d} has fired with, consuming it; fails if it has none or failed. */
    @SuppressWarnings("unchecked")
    static <T> T successResultOf(Deferred<T> d) {
        List<Object> results = new ArrayList<>();
        d.addBoth(r -> {
            results.add(r);
            return null;
        });
        if (results.isEmpty()) {
            fail("Success result expected on " + d + ", found no result instead");
        }
        Object result = results.get(0);
        if (result instanceof Failure failure) {
            fail("Success result expected on " + d + ", found failure result instead:\n"
                    + failure.getTraceback());
        }
        return (T) result;
    }

    /**
     * Returns the failure {@code d} has failed with, consuming it; fails if it has none, if it
     * succeeded, or if the failure is none of {@code expectedTypes} (when any are given).
     */
    static Failure failureResultOf(Deferred<?> d, Class<?>... expectedTypes) {
        List<Object> results = new ArrayList<>();
        d.addBoth(r -> {
            results.add(r);
            return null;
        });
        if (results.isEmpty()) {
            fail("Failure result expected on " + d + ", found no result instead");
        }
        Object result = results.get(0);
        if (!(result instanceof Failure failure)) {
            fail("Failure result expected on " + d + ", found success result (" + result + ") instead");
            throw new AssertionError("unreachable");
        }
        if (expectedTypes.length > 0 && failure.check(expectedTypes) == null) {
            fail("Failure of type " + Arrays.toString(expectedTypes) + " expected on " + d
                    + ", found type " + failure.type() + " instead: " + failure.getTraceback());
        }
        return failure;
    }

    /** Fails if {@code d} has a result; leaves {@code d} untouched. */
    static void assertNoResult(Deferred<?> d) {
        if (d.hasResult() && !(d.result() instanceof Deferred)) {
            fail("No result expected on " + d + ", found " + d.result() + " instead");
        }
    }

    /**
     * trial's "return a Deferred from the test": runs {@code clock}'s calls, soonest first, until
     * {@code d} has fired, as the reactor would while trial waits; fails if the calls run out
     * first. Then {@link #successResultOf} or {@link #failureResultOf} checks the result.
     */
    static void runUntilFired(Clock clock, Deferred<?> d) {
        int steps = 0;
        while (!d.called()) {
            if (clock.getDelayedCalls().isEmpty()) {
                fail("no delayed calls left and " + d + " has not fired");
            }
            if (++steps > 100_000) {
                fail("Deferred " + d + " did not fire after 100000 clock steps");
            }
            clock.advance(Math.max(0, clock.getDelayedCalls().get(0).getTime() - clock.seconds()));
        }
    }
}
