package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * trial's Deferred assertions for the tests of twj-deferred, which cannot depend on twj-trial
 * (twj-trial depends on this module). Same names and behaviour as
 * {@code twisted.trial._synctest.SynchronousTestCase}: {@link #successResultOf} and
 * {@link #failureResultOf} consume the result, leaving the Deferred holding null.
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
}
