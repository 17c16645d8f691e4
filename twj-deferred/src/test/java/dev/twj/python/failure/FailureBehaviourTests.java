package dev.twj.python.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java-only behaviour of {@link Failure}: checked exceptions, causes, copies. */
class FailureBehaviourTests {

    @Test
    void trapRethrowsACheckedExceptionAsItIsUndeclared() {
        Exception exception = new IOException("checked");
        Failure f = new Failure(exception);
        Exception untrapped = assertThrows(IOException.class, () -> f.trap(ArithmeticException.class));
        assertSame(exception, untrapped);
    }

    @Test
    void anErrbackThatTrapsSomethingElsePassesTheSameExceptionOn() {
        IOException exception = new IOException("boom");
        List<Object> seen = new ArrayList<>();
        Deferred<Object> d = new Deferred<>();
        d.addErrback(f -> f.trap(IllegalStateException.class));
        d.addErrback(f -> {
            seen.add(f.value());
            return null;
        });
        d.errback(new Failure(exception));
        assertEquals(List.of(exception), seen);
    }

    @Test
    void checkReturnsTheFirstMatchingArgumentExactlyAsPassed() {
        Failure f = new Failure(new UnsupportedOperationException());
        assertEquals(RuntimeException.class, f.check(IOException.class, RuntimeException.class,
                UnsupportedOperationException.class));
        assertEquals(null, f.check(IOException.class));
    }

    @Test
    void aCopyKeepsTheOriginalsCountAsTwistedsExtrapolateDoes() {
        Failure f1 = new Failure(new IllegalStateException());
        Failure f2 = new Failure(f1);
        assertEquals(f1.count(), f2.count());
        assertTrue(new Failure(new IllegalStateException()).count() > f1.count());
    }

    @Test
    void parentsListTheClassHierarchyThenInterfaces() {
        Failure f = new Failure(new UnsupportedOperationException());
        assertEquals(List.of("java.lang.UnsupportedOperationException", "java.lang.RuntimeException",
                "java.lang.Exception", "java.lang.Throwable", "java.lang.Object",
                "java.io.Serializable"), f.parents());
    }

    @Test
    void tracebacksShowCauses() {
        Failure f = new Failure(new IllegalStateException("outer", new IOException("inner")));
        assertTrue(f.getTraceback().contains("Caused by: java.io.IOException: inner"));
        assertTrue(f.getBriefTraceback().contains("Caused by: <class 'java.io.IOException'>: inner\n"));
        String verbose = f.getTraceback("verbose");
        assertTrue(verbose.contains("Caused by:\n"), verbose);
        assertTrue(verbose.contains("java.io.IOException: inner\n*--- End of Failure #"), verbose);
    }

    @Test
    void aBriefTracebackWithoutFramesSaysSo() {
        Failure f = new Failure(new Exception("bare", null, false, false) {
            private static final long serialVersionUID = 1L;
        });
        assertTrue(f.getBriefTraceback().startsWith("Traceback (failure with no frames): <class '"),
                f.getBriefTraceback());
    }

    @Test
    void anUnknownDetailIsRefused() {
        Failure f = new Failure(new IllegalStateException());
        assertThrows(IllegalArgumentException.class, () -> f.getTraceback("noisia"));
    }

    @Test
    void theErrorMessageOfAnExceptionWithoutOneIsEmpty() {
        assertEquals("", new Failure(new IllegalStateException()).getErrorMessage());
        assertEquals("<dev.twj.python.failure.Failure java.lang.IllegalStateException: >",
                new Failure(new IllegalStateException()).toString());
    }
}
