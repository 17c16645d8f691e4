package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link Deferred#asFuture} and
 * {@link Deferred#fromFuture(java.util.concurrent.CompletionStage)}.
 *
 * <p>Port of {@code twisted.test.test_defer.DeferredFutureAdapterTests}. Twisted adapts asyncio
 * Futures bound to an event loop, and runs the loop ({@code callAllSoonCalls}) for their done
 * callbacks; {@link CompletableFuture} runs its dependents synchronously, so there is no loop to
 * run. asyncio's {@code CancelledError} raised by a cancelled Future's {@code result()} is Java's
 * {@link CancellationException} from {@code get()}; a Deferred adapted from a cancelled future
 * fails with twj's {@link CancelledError} (where Twisted's fails with asyncio's), as
 * {@code Deferred.fromFuture} documents.
 */
class DeferredFutureAdapterTests {
    /**
     * {@link Deferred#asFuture} returns a future which fires when the given Deferred does.
     */
    @Test
    public void test_asFuture() {
        Deferred<Integer> d = new Deferred<>();
        CompletableFuture<Integer> aFuture = d.asFuture();
        assertEquals(false, aFuture.isDone());
        d.callback(13);
        assertNull(successResultOf(d));
        assertEquals(13, aFuture.resultNow());
    }

    /**
     * {@link Deferred#asFuture} returns a future which, when cancelled, will cancel the original
     * Deferred.
     */
    @Test
    public void test_asFutureCancelFuture() {
        boolean[] called = {false};
        Deferred<Void> d = new Deferred<>(dprime -> called[0] = true);
        CompletableFuture<Void> aFuture = d.asFuture();
        aFuture.cancel(false);
        assertTrue(called[0]);
        assertNull(successResultOf(d));
        assertThrows(CancellationException.class, aFuture::get);
    }

    /**
     * While futures don't support succeeding in response to cancellation, Deferreds do; if a
     * Deferred is coerced into a success by a future cancellation, that should just be ignored.
     */
    @Test
    public void test_asFutureSuccessCancel() {
        Deferred<Integer> d = new Deferred<>(dprime -> dprime.callback(9));
        CompletableFuture<Integer> aFuture = d.asFuture();
        aFuture.cancel(false);
        assertNull(successResultOf(d));
        assertThrows(CancellationException.class, aFuture::get);
    }

    /**
     * {@link Deferred#asFuture} makes a future fire with an exception when the given Deferred
     * does.
     */
    @Test
    public void test_asFutureFailure() {
        Deferred<Void> d = new Deferred<>();
        Failure theFailure = new Failure(new ArithmeticException());
        CompletableFuture<Void> future = d.asFuture();
        d.errback(theFailure);
        assertInstanceOf(ArithmeticException.class, future.exceptionNow());
    }

    /**
     * {@link Deferred#fromFuture} returns a Deferred that fires when the given future does.
     */
    @Test
    public void test_fromFuture() {
        CompletableFuture<Integer> aFuture = new CompletableFuture<>();
        Deferred<Integer> d = Deferred.fromFuture(aFuture);
        assertNoResult(d);
        aFuture.complete(7);
        assertEquals(7, successResultOf(d));
    }

    /**
     * {@link Deferred#fromFuture} makes a Deferred fire with a {@link CancelledError} when the
     * given future is cancelled.
     */
    @Test
    public void test_fromFutureFutureCancelled() {
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Deferred<Void> d = Deferred.fromFuture(cancelled);
        cancelled.cancel(false);
        assertThrows(CancellationException.class, cancelled::get);
        failureResultOf(d).trap(CancelledError.class);
    }

    /**
     * {@link Deferred#fromFuture} makes a Deferred which, when cancelled, cancels the future it
     * was created from.
     */
    @Test
    public void test_fromFutureDeferredCancelled() {
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Deferred<Void> d = Deferred.fromFuture(cancelled);
        d.cancel();
        assertEquals(true, cancelled.isCancelled());
        assertThrows(CancellationException.class, cancelled::get);
        failureResultOf(d).trap(CancelledError.class);
    }
}
