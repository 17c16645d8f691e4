package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.logger.CapturedLogs;
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
    void failingWithNoCallbacksIsStillReportedAsUnhandled() {
        Defer.collectUnhandledErrors();
        try (CapturedLogs logs = CapturedLogs.capture()) {
            dropFailedDeferred();
            assertEquals(1, Defer.collectUnhandledErrors());
            assertTrue(!logs.events().isEmpty(), "no \"Unhandled error in Deferred\" logged");
        }
    }

    private static void dropFailedDeferred() {
        Deferred<Integer> d = Defer.fail(new IllegalStateException("nobody handles this"));
        assertTrue(d.hasResult());
    }

    @Test
    void succeedingWithNoCallbacksIsNotReportedAsUnhandled() {
        Defer.collectUnhandledErrors();
        dropSucceededDeferred();
        assertEquals(0, Defer.collectUnhandledErrors());
    }

    private static void dropSucceededDeferred() {
        Deferred<Integer> d = Defer.succeed(1);
        assertTrue(d.hasResult());
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
