package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link Deferred#cancel} with and without a {@link Canceller}.
 *
 * <p>Port of {@code twisted.test.test_defer.DeferredCancellerTests}.
 */
class DeferredCancellerTests {
    /** Twisted's {@code GenericError}, an error no code under test raises by itself. */
    static final class GenericError extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private Object callbackResults;
    private Failure errbackResults;
    private int cancellerCallCount;

    @BeforeEach
    void setUp() {
        callbackResults = null;
        errbackResults = null;
        cancellerCallCount = 0;
    }

    @AfterEach
    void tearDown() {
        // Sanity check that the canceller was called at most once.
        assertTrue(cancellerCallCount == 0 || cancellerCallCount == 1,
                "canceller called " + cancellerCallCount + " times");
    }

    private <T> T callback(T data) {
        callbackResults = data;
        return data;
    }

    private Object errback(Failure error) {
        errbackResults = error;
        return null;
    }

    /** A Deferred without a canceller must errback with a CancelledError and not callback. */
    @Test
    public void test_noCanceller() {
        Deferred<Void> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        d.cancel();
        assertNotNull(errbackResults);
        assertEquals(CancelledError.class, errbackResults.type());
        assertNull(callbackResults);
    }

    /**
     * A Deferred without a canceller, when cancelled must allow a single extra call to callback,
     * and raise AlreadyCalledError if callbacked or errbacked thereafter.
     */
    @Test
    public void test_raisesAfterCancelAndCallback() {
        Deferred<Void> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        d.cancel();

        // A single extra callback should be swallowed.
        d.callback(null);

        // But a second call to callback or errback is not.
        assertThrows(AlreadyCalledError.class, () -> d.callback(null));
        assertThrows(AlreadyCalledError.class, () -> d.errback(new Exception()));
    }

    /**
     * A Deferred without a canceller, when cancelled must allow a single extra call to errback,
     * and raise AlreadyCalledError if callbacked or errbacked thereafter.
     */
    @Test
    public void test_raisesAfterCancelAndErrback() {
        Deferred<Void> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        d.cancel();

        // A single extra errback should be swallowed.
        d.errback(new Exception());

        // But a second call to callback or errback is not.
        assertThrows(AlreadyCalledError.class, () -> d.callback(null));
        assertThrows(AlreadyCalledError.class, () -> d.errback(new Exception()));
    }

    /**
     * A Deferred without a canceller, when cancelled and then callbacked, ignores multiple cancels
     * thereafter.
     */
    @Test
    public void test_noCancellerMultipleCancelsAfterCancelAndCallback() {
        Deferred<Void> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        d.cancel();
        Failure currentFailure = errbackResults;
        // One callback will be ignored.
        d.callback(null);
        // Cancel should have no effect.
        d.cancel();
        assertSame(currentFailure, errbackResults);
    }

    /**
     * A Deferred without a canceller, when cancelled and then errbacked, ignores multiple cancels
     * thereafter.
     */
    @Test
    public void test_noCancellerMultipleCancelsAfterCancelAndErrback() {
        Deferred<Void> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        d.cancel();
        assertNotNull(errbackResults);
        assertEquals(CancelledError.class, errbackResults.type());
        Failure currentFailure = errbackResults;
        // One errback will be ignored.
        d.errback(new GenericError());
        // I.e., we should still have a CancelledError.
        assertEquals(CancelledError.class, errbackResults.type());
        d.cancel();
        assertSame(currentFailure, errbackResults);
    }

    /**
     * Calling cancel multiple times on a deferred with no canceller results in a CancelledError.
     * Subsequent calls to cancel do not cause an error.
     */
    @Test
    public void test_noCancellerMultipleCancel() {
        Deferred<Void> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        d.cancel();
        assertNotNull(errbackResults);
        assertEquals(CancelledError.class, errbackResults.type());
        Failure currentFailure = errbackResults;
        d.cancel();
        assertSame(currentFailure, errbackResults);
    }

    /**
     * Verify that calling cancel multiple times on a deferred with a canceller that does not
     * errback results in a CancelledError and that subsequent calls to cancel do not cause an
     * error and that after all that, the canceller was only called once.
     */
    @Test
    public void test_cancellerMultipleCancel() {
        Deferred<Void> d = new Deferred<>(dd -> cancellerCallCount++);
        d.addCallbacks(this::callback, this::errback);
        d.cancel();
        assertNotNull(errbackResults);
        assertEquals(CancelledError.class, errbackResults.type());
        Failure currentFailure = errbackResults;
        d.cancel();
        assertSame(currentFailure, errbackResults);
        assertEquals(1, cancellerCallCount);
    }

    /**
     * Verify that a Deferred calls its specified canceller when it is cancelled, and that further
     * call/errbacks raise AlreadyCalledError.
     */
    @Test
    public void test_simpleCanceller() {
        Deferred<Void> d = new Deferred<>(dd -> cancellerCallCount++);
        d.addCallbacks(this::callback, this::errback);
        d.cancel();
        assertEquals(1, cancellerCallCount);
        assertNotNull(errbackResults);
        assertEquals(CancelledError.class, errbackResults.type());

        // Test that further call/errbacks are *not* swallowed.
        assertThrows(AlreadyCalledError.class, () -> d.callback(null));
        assertThrows(AlreadyCalledError.class, () -> d.errback(new Exception()));
    }

    /** Verify that a canceller is given the correct deferred argument. */
    @Test
    public void test_cancellerArg() {
        Deferred<?>[] holder = new Deferred<?>[1];
        Deferred<?>[] given = new Deferred<?>[1];
        Deferred<Void> d = new Deferred<>(d1 -> {
            given[0] = d1;
            assertSame(holder[0], d1);
        });
        holder[0] = d;
        d.addCallbacks(this::callback, this::errback);
        d.cancel();
        assertSame(d, given[0]);
    }

    /** Test that cancelling a deferred after it has been callbacked does not cause an error. */
    @Test
    public void test_cancelAfterCallback() {
        Deferred<String> d = new Deferred<>(dd -> {
            cancellerCallCount++;
            dd.errback(new GenericError());
        });
        d.addCallbacks(this::callback, this::errback);
        d.callback("biff!");
        d.cancel();
        assertEquals(0, cancellerCallCount);
        assertNull(errbackResults);
        assertEquals("biff!", callbackResults);
    }

    /**
     * Test that cancelling a Deferred after it has been errbacked does not result in a
     * CancelledError.
     */
    @Test
    public void test_cancelAfterErrback() {
        Deferred<Void> d = new Deferred<>(dd -> {
            cancellerCallCount++;
            dd.errback(new GenericError());
        });
        d.addCallbacks(this::callback, this::errback);
        d.errback(new GenericError());
        d.cancel();
        assertEquals(0, cancellerCallCount);
        assertNotNull(errbackResults);
        assertEquals(GenericError.class, errbackResults.type());
        assertNull(callbackResults);
    }

    /** Test a canceller which errbacks its deferred. */
    @Test
    public void test_cancellerThatErrbacks() {
        Deferred<Void> d = new Deferred<>(dd -> {
            cancellerCallCount++;
            dd.errback(new GenericError());
        });
        d.addCallbacks(this::callback, this::errback);
        d.cancel();
        assertEquals(1, cancellerCallCount);
        assertNotNull(errbackResults);
        assertEquals(GenericError.class, errbackResults.type());
    }

    /** Test a canceller which calls its deferred. */
    @Test
    public void test_cancellerThatCallbacks() {
        Deferred<String> d = new Deferred<>(dd -> {
            cancellerCallCount++;
            dd.callback("hello!");
        });
        d.addCallbacks(this::callback, this::errback);
        d.cancel();
        assertEquals(1, cancellerCallCount);
        assertEquals("hello!", callbackResults);
        assertNull(errbackResults);
    }

    /**
     * Verify that a Deferred, a, which is waiting on another Deferred, b, returned from one of its
     * callbacks, will propagate CancelledError when a is cancelled.
     */
    @Test
    public void test_cancelNestedDeferred() {
        Deferred<Void> b = new Deferred<>(dd -> cancellerCallCount++);
        Deferred<Void> a = new Deferred<>(dd -> assertTrue(false));
        a.callback(null);
        Deferred<Void> chained = a.addCallbackDeferred(data -> b);
        a.cancel();
        chained.addCallbacks(this::callback, this::errback);
        // The cancel count should be one (the cancellation done by B).
        assertEquals(1, cancellerCallCount);
        // B's canceller didn't errback, so Deferred will have called errback with a
        // CancelledError.
        assertNotNull(errbackResults);
        assertEquals(CancelledError.class, errbackResults.type());
    }
}
