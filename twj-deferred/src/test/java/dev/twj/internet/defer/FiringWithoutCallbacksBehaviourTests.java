package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import org.junit.jupiter.api.Test;

/**
 * A Deferred fired with no callbacks waiting skips the callback loop when there is nothing for it
 * to do; these pin down that it still does everything the loop would have done.
 */
class FiringWithoutCallbacksBehaviourTests {

    @Test
    void succeedCarriesItsResultAndRunsCallbacksAddedLater() {
        Deferred<Integer> d = Defer.succeed(1);
        assertTrue(d.called());
        assertEquals(1, d.result());
        d.addCallback(x -> x + 1);
        assertEquals(2, d.result());
        assertEquals(0, d.pendingCallbacks());
    }

    @Test
    void firingAChainedDeferredWithNoCallbacksClearsChainedTo() {
        Deferred<Integer> a = new Deferred<>();
        Deferred<Integer> b = new Deferred<>();
        a.chainDeferred(b);
        assertSame(a, b.chainedTo());
        a.callback(1);
        assertNull(b.chainedTo());
        assertEquals(1, b.result());
    }

    @Test
    void pausedDeferredFiredWithNoCallbacksRunsThemOnUnpause() {
        Deferred<Integer> d = new Deferred<>();
        d.pause();
        d.callback(1);
        assertEquals(1, d.result());
        d.addCallback(x -> x + 1);
        assertEquals(1, d.result());
        d.unpause();
        assertEquals(2, d.result());
    }

    @Test
    void failingWithNoCallbacksIsStillTrackedAsUnhandled() {
        Failure failure = new Failure(new IllegalStateException("nobody handles this"));
        Deferred<Integer> d = Defer.fail(failure);
        // What "Unhandled error in Deferred" is reported from when d is collected.
        assertNotNull(d.debugInfo);
        assertSame(failure, d.debugInfo.failResult);
        d.addErrback(f -> 0);
        assertNull(d.debugInfo.failResult);
    }

    @Test
    void succeedingWithNoCallbacksIsNotTracked() {
        Deferred<Integer> d = Defer.succeed(1);
        assertNull(d.debugInfo);
    }

    @Test
    void inDebugModeSucceedingWithNoCallbacksRecordsTheInvoker() {
        boolean was = Defer.getDebugging();
        Defer.setDebugging(true);
        try {
            Deferred<Integer> d = Defer.succeed(1);
            assertNotNull(d.debugInfo);
            assertNotNull(d.debugInfo.invoker);
            assertNull(d.debugInfo.failResult);
        } finally {
            Defer.setDebugging(was);
        }
    }

    @Test
    void callbackReturningAFiredDeferredLeavesItHoldingNull() {
        Deferred<Integer> inner = Defer.succeed(2);
        Deferred<Integer> outer = new Deferred<>();
        outer.addCallbackDeferred(ignored -> inner);
        outer.callback(1);
        assertEquals(2, outer.result());
        assertNull(inner.result());
    }
}
