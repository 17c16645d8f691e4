package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.twj.python.failure.Failure;
import org.junit.jupiter.api.Test;

/**
 * Tests for the function {@link Deferred#addTimeout}.
 *
 * <p>Port of {@code twisted.test.test_defer.DeferredAddTimeoutTests}; {@link FakeClock} plays
 * {@code twisted.internet.task.Clock}. Where Twisted types a Deferred {@code Deferred[None]} but
 * lets a timeout function or errback put another value on it, the Java test types it
 * {@code Deferred<Object>}.
 */
class DeferredAddTimeoutTests {
    /**
     * Private function to be used to pass as an alternate onTimeoutCancel value to
     * timeoutDeferred.
     */
    private static Object _overrideFunc(Object v, double t) {
        return "OVERRIDDEN";
    }

    /**
     * {@link Deferred#addTimeout} returns its own Deferred so it can be called in a callback
     * chain.
     */
    @Test
    public void test_timeoutChainable() {
        Deferred<Void> d = new Deferred<>();
        Deferred<String> chained = d.addTimeout(5, new FakeClock()).addCallback(ignored -> "done");
        d.callback(null);
        assertSame(d, chained);
        assertEquals("done", successResultOf(chained));
    }

    /**
     * The Deferred callbacks with the result if it succeeds before the timeout. No cancellation
     * happens after the callback either, which could also cancel inner deferreds.
     */
    @Test
    public void test_successResultBeforeTimeout() {
        FakeClock clock = new FakeClock();
        Deferred<String> d = new Deferred<>();
        d.addTimeout(10, clock);

        // addTimeout is added first so that if d is timed out, d would be canceled before
        // innerDeferred gets returned from an callback on d.
        Deferred<Void> innerDeferred = new Deferred<>();
        String[] dCallbacked = {null};

        d.addCallbackDeferred(results -> {
            dCallbacked[0] = results;
            return innerDeferred;
        });
        d.callback("results");

        // d is callbacked immediately, before innerDeferred is returned from the callback on d.
        assertNotNull(dCallbacked[0]);
        assertEquals("results", dCallbacked[0]);

        // The timeout never happens - if it did, d would have been cancelled, which would cancel
        // innerDeferred too.
        clock.advance(15);
        assertNoResult(innerDeferred);
    }

    /**
     * The Deferred callbacks with the result if it succeeds before the timeout, even if a custom
     * {@code onTimeoutCancel} function is provided. No cancellation happens after the callback
     * either, which could also cancel inner deferreds.
     */
    @Test
    public void test_successResultBeforeTimeoutCustom() {
        FakeClock clock = new FakeClock();
        Deferred<String> d = new Deferred<>();
        d.addTimeout(10, clock, DeferredAddTimeoutTests::_overrideFunc);

        // addTimeout is added first so that if d is timed out, d would be canceled before
        // innerDeferred gets returned from an callback on d.
        Deferred<Void> innerDeferred = new Deferred<>();
        String[] dCallbacked = {null};

        d.addCallbackDeferred(results -> {
            dCallbacked[0] = results;
            return innerDeferred;
        });
        d.callback("results");

        // d is callbacked immediately, before innerDeferred is returned from the callback on d.
        assertNotNull(dCallbacked[0]);
        assertEquals("results", dCallbacked[0]);

        // The timeout never happens - if it did, d would have been cancelled, which would cancel
        // innerDeferred too.
        clock.advance(15);
        assertNoResult(innerDeferred);
    }

    /**
     * The Deferred errbacks with the failure if it fails before the timeout. No cancellation
     * happens after the errback either, which could also cancel inner deferreds.
     */
    @Test
    public void test_failureBeforeTimeout() {
        FakeClock clock = new FakeClock();
        Deferred<Void> d = new Deferred<>();
        d.addTimeout(10, clock);

        // addTimeout is added first so that if d is timed out, d would be canceled before
        // innerDeferred gets returned from an errback on d.
        Deferred<Void> innerDeferred = new Deferred<>();
        Failure[] dErrbacked = {null};
        IllegalArgumentException error = new IllegalArgumentException("fail");

        d.addErrbackDeferred(f -> {
            dErrbacked[0] = f;
            return innerDeferred;
        });
        d.errback(error);

        // d is errbacked immediately, before innerDeferred is returned from the errback on d.
        assertNotNull(dErrbacked[0]);
        assertInstanceOf(Failure.class, dErrbacked[0]);
        assertSame(error, dErrbacked[0].value());

        // The timeout never happens - if it did, d would have been cancelled, which would cancel
        // innerDeferred too.
        clock.advance(15);
        assertNoResult(innerDeferred);
    }

    /**
     * The Deferred errbacks with the failure if it fails before the timeout, even if using a
     * custom {@code onTimeoutCancel} function. No cancellation happens after the errback either,
     * which could also cancel inner deferreds.
     */
    @Test
    public void test_failureBeforeTimeoutCustom() {
        FakeClock clock = new FakeClock();
        Deferred<Void> d = new Deferred<>();
        d.addTimeout(10, clock, DeferredAddTimeoutTests::_overrideFunc);

        // addTimeout is added first so that if d is timed out, d would be canceled before
        // innerDeferred gets returned from an errback on d.
        Deferred<Void> innerDeferred = new Deferred<>();
        Failure[] dErrbacked = {null};
        IllegalArgumentException error = new IllegalArgumentException("fail");

        d.addErrbackDeferred(f -> {
            dErrbacked[0] = f;
            return innerDeferred;
        });
        d.errback(error);

        // d is errbacked immediately, before innerDeferred is returned from the errback on d.
        assertNotNull(dErrbacked[0]);
        assertInstanceOf(Failure.class, dErrbacked[0]);
        assertSame(error, dErrbacked[0].value());

        // The timeout never happens - if it did, d would have been cancelled, which would cancel
        // innerDeferred too.
        clock.advance(15);
        assertNoResult(innerDeferred);
    }

    /**
     * The Deferred by default errbacks with a {@link TimeoutError} if it times out before
     * callbacking or errbacking.
     */
    @Test
    public void test_timedOut() {
        FakeClock clock = new FakeClock();
        Deferred<Void> d = new Deferred<>();
        d.addTimeout(10, clock);
        assertNoResult(d);

        clock.advance(15);

        failureResultOf(d, TimeoutError.class);
    }

    /**
     * If a custom {@code onTimeoutCancel} function is provided, the Deferred returns the custom
     * function's return value if the Deferred times out before callbacking or errbacking. The
     * custom {@code onTimeoutCancel} function can return a result instead of a failure.
     */
    @Test
    public void test_timedOutCustom() {
        FakeClock clock = new FakeClock();
        Deferred<Object> d = new Deferred<>();
        d.addTimeout(10, clock, DeferredAddTimeoutTests::_overrideFunc);
        assertNoResult(d);

        clock.advance(15);

        assertEquals("OVERRIDDEN", successResultOf(d));
    }

    /**
     * If a cancellation function is provided when the Deferred is initialized, the Deferred
     * returns the cancellation value's non-failure return value when the Deferred times out.
     */
    @Test
    public void test_timedOutProvidedCancelSuccess() {
        FakeClock clock = new FakeClock();
        Deferred<String> d = new Deferred<>(c -> c.callback("I was cancelled!"));
        d.addTimeout(10, clock);
        assertNoResult(d);

        clock.advance(15);

        assertEquals("I was cancelled!", successResultOf(d));
    }

    /**
     * If a cancellation function is provided when the Deferred is initialized, the Deferred
     * returns the cancellation value's non-CancelledError failure when the Deferred times out.
     */
    @Test
    public void test_timedOutProvidedCancelFailure() {
        FakeClock clock = new FakeClock();
        IllegalArgumentException error = new IllegalArgumentException("what!");
        Deferred<Void> d = new Deferred<>(c -> c.errback(error));
        d.addTimeout(10, clock);
        assertNoResult(d);

        clock.advance(15);

        Failure f = failureResultOf(d, IllegalArgumentException.class);
        assertSame(error, f.value());
    }

    /**
     * If the Deferred is manually cancelled before the timeout, it is not re-cancelled (no
     * AlreadyCancelled error, and also no canceling of inner deferreds), and the default
     * {@code onTimeoutCancel} function is not called, preserving the original CancelledError.
     */
    @Test
    public void test_cancelBeforeTimeout() {
        FakeClock clock = new FakeClock();
        Deferred<Void> d = new Deferred<>();
        d.addTimeout(10, clock);

        // addTimeout is added first so that if d is timed out, d would be canceled before
        // innerDeferred gets returned from an errback on d.
        Deferred<Void> innerDeferred = new Deferred<>();
        Failure[] dCanceled = {null};

        d.addErrbackDeferred(f -> {
            dCanceled[0] = f;
            return innerDeferred;
        });
        d.cancel();

        // d is cancelled immediately, before innerDeferred is returned from the errback on d.
        assertNotNull(dCanceled[0]);
        assertInstanceOf(Failure.class, dCanceled[0]);
        assertSame(CancelledError.class, dCanceled[0].type());

        // The timeout never happens - if it did, d would have been cancelled again, which would
        // cancel innerDeferred too.
        clock.advance(15);
        assertNoResult(innerDeferred);
    }

    /**
     * If the Deferred is manually cancelled before the timeout, it is not re-cancelled (no
     * AlreadyCancelled error, and also no canceling of inner deferreds), and the custom
     * {@code onTimeoutCancel} function is not called, preserving the original CancelledError.
     */
    @Test
    public void test_cancelBeforeTimeoutCustom() {
        FakeClock clock = new FakeClock();
        Deferred<Void> d = new Deferred<>();
        d.addTimeout(10, clock, DeferredAddTimeoutTests::_overrideFunc);

        // addTimeout is added first so that if d is timed out, d would be canceled before
        // innerDeferred gets returned from an errback on d.
        Deferred<Void> innerDeferred = new Deferred<>();
        Failure[] dCanceled = {null};

        d.addErrbackDeferred(f -> {
            dCanceled[0] = f;
            return innerDeferred;
        });
        d.cancel();

        // d is cancelled immediately, before innerDeferred is returned from the errback on d.
        assertNotNull(dCanceled[0]);
        assertInstanceOf(Failure.class, dCanceled[0]);
        assertSame(CancelledError.class, dCanceled[0].type());

        // The timeout never happens - if it did, d would have been cancelled again, which would
        // cancel innerDeferred too.
        clock.advance(15);
        assertNoResult(innerDeferred);
    }

    /** A custom translation function can handle a Deferred with a custom cancellation function. */
    @Test
    public void test_providedCancelCalledBeforeTimeoutCustom() {
        FakeClock clock = new FakeClock();
        Deferred<Object> d = new Deferred<>(c -> c.errback(new IllegalArgumentException("what!")));
        d.addTimeout(10, clock, DeferredAddTimeoutTests::_overrideFunc);
        assertNoResult(d);

        clock.advance(15);

        assertEquals("OVERRIDDEN", successResultOf(d));
    }

    /**
     * An errback added before a timeout is added errbacks with a CancelledError when the timeout
     * fires. If the errback returns the CancelledError, it is translated to a TimeoutError by the
     * timeout implementation.
     */
    @Test
    public void test_errbackAddedBeforeTimeout() {
        FakeClock clock = new FakeClock();
        Deferred<Object> d = new Deferred<>();

        Failure[] dErrbacked = {null};

        d.addErrback(f -> {
            dErrbacked[0] = f;
            return f;
        });
        d.addTimeout(10, clock);

        clock.advance(15);

        assertNotNull(dErrbacked[0]);
        assertInstanceOf(Failure.class, dErrbacked[0]);
        assertInstanceOf(CancelledError.class, dErrbacked[0].value());

        failureResultOf(d, TimeoutError.class);
    }

    /**
     * An errback added before a timeout is added errbacks with a CancelledError when the timeout
     * fires. If the errback suppresses the CancelledError, the deferred successfully completes.
     */
    @Test
    public void test_errbackAddedBeforeTimeoutSuppressesCancellation() {
        FakeClock clock = new FakeClock();
        Deferred<Void> d = new Deferred<>();

        Failure[] dErrbacked = {null};

        d.addErrback(f -> {
            dErrbacked[0] = f;
            f.trap(CancelledError.class);
            return null;
        });
        d.addTimeout(10, clock);

        clock.advance(15);

        assertNotNull(dErrbacked[0]);
        assertInstanceOf(Failure.class, dErrbacked[0]);
        assertInstanceOf(CancelledError.class, dErrbacked[0].value());

        successResultOf(d);
    }

    /**
     * An errback added before a timeout is added with a custom timeout function errbacks with a
     * CancelledError when the timeout fires. The timeout function runs if the errback returns the
     * CancelledError.
     */
    @Test
    public void test_errbackAddedBeforeTimeoutCustom() {
        FakeClock clock = new FakeClock();
        Deferred<Object> d = new Deferred<>();

        Failure[] dErrbacked = {null};

        d.addErrback(f -> {
            dErrbacked[0] = f;
            return f;
        });
        d.addTimeout(10, clock, DeferredAddTimeoutTests::_overrideFunc);

        clock.advance(15);

        assertNotNull(dErrbacked[0]);
        assertInstanceOf(Failure.class, dErrbacked[0]);
        assertInstanceOf(CancelledError.class, dErrbacked[0].value());

        assertEquals("OVERRIDDEN", successResultOf(d));
    }

    /**
     * An errback added before a timeout is added with a custom timeout function errbacks with a
     * CancelledError when the timeout fires. The timeout function runs if the errback suppresses
     * the CancelledError.
     */
    @Test
    public void test_errbackAddedBeforeTimeoutSuppressesCancellationCustom() {
        FakeClock clock = new FakeClock();
        Deferred<Object> d = new Deferred<>();

        Failure[] dErrbacked = {null};

        d.addErrback(f -> {
            dErrbacked[0] = f;
            return null;
        });
        d.addTimeout(10, clock, DeferredAddTimeoutTests::_overrideFunc);

        clock.advance(15);

        assertNotNull(dErrbacked[0]);
        assertInstanceOf(Failure.class, dErrbacked[0]);
        assertInstanceOf(CancelledError.class, dErrbacked[0].value());

        assertEquals("OVERRIDDEN", successResultOf(d));
    }

    /**
     * Given a deferred with a cancellation function that resumes the callback chain, a callback
     * that is added to the deferred before a timeout is added to runs when the timeout fires. The
     * deferred completes successfully, without a TimeoutError.
     */
    @Test
    public void test_callbackAddedToCancelerBeforeTimeout() {
        FakeClock clock = new FakeClock();
        String success = "success";
        Deferred<String> d = new Deferred<>(dd -> dd.callback(success));

        String[] dCallbacked = {null};

        d.addCallback(value -> {
            dCallbacked[0] = value;
            return value;
        });
        d.addTimeout(10, clock);

        clock.advance(15);

        assertEquals(success, dCallbacked[0]);

        assertSame(success, successResultOf(d));
    }

    /**
     * Given a deferred with a cancellation function that resumes the callback chain, a callback
     * that is added to the deferred before a timeout is added to runs when the timeout fires. The
     * deferred completes successfully, without a TimeoutError. The timeout's custom timeout
     * function also runs.
     */
    @Test
    public void test_callbackAddedToCancelerBeforeTimeoutCustom() {
        FakeClock clock = new FakeClock();
        String success = "success";
        Deferred<Object> d = new Deferred<>(dd -> dd.callback(success));

        Object[] dCallbacked = {null};

        d.addCallback(value -> {
            dCallbacked[0] = value;
            return value;
        });
        d.addTimeout(10, clock, DeferredAddTimeoutTests::_overrideFunc);

        clock.advance(15);

        assertEquals(success, dCallbacked[0]);

        assertEquals("OVERRIDDEN", successResultOf(d));
    }
}
