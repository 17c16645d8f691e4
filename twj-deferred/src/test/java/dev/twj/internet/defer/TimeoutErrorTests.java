package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.twj.python.failure.Failure;
import org.junit.jupiter.api.Test;

/**
 * Tests for the {@code twisted.internet.defer} timeout code.
 *
 * <p>Port of {@code twisted.test.test_defer.TimeoutErrorTests}. Twisted's deprecation is a
 * {@code DeprecationWarning} emitted at run time and caught with {@code flushWarnings}; Java's is
 * the {@link Deprecated} annotation (kept at run time) and a {@code @deprecated} javadoc tag
 * carrying Twisted's message, so the test reads the annotation.
 */
class TimeoutErrorTests {
    /** {@link Defer#timeout} is deprecated. */
    @Test
    @SuppressWarnings("deprecation")
    public void test_deprecatedTimeout() throws NoSuchMethodException {
        Deferred<Object> deferred = new Deferred<>();
        Defer.timeout(deferred);
        Failure failure = failureResultOf(deferred, TimeoutError.class);
        assertEquals("Callback timed out", failure.getErrorMessage());

        Deprecated deprecated =
                Defer.class.getMethod("timeout", Deferred.class).getAnnotation(Deprecated.class);
        assertNotNull(deprecated, "Defer.timeout is not @Deprecated");
        assertEquals("Twisted 17.1.0", deprecated.since());
    }
}
