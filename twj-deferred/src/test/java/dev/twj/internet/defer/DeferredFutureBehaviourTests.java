package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.SettableFuture;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The Java-only corners of the bridge between Deferreds and Java futures: Guava's
 * {@code ListenableFuture} both ways, stages that are not futures or do not support
 * {@code toCompletableFuture}, the unwrapping of {@link CompletionException} and
 * {@link ExecutionException}, and the thread a Deferred fires on.
 */
class DeferredFutureBehaviourTests {
    /**
     * A {@link CompletionStage} that is not a {@link Future} and whose
     * {@code toCompletableFuture} throws, backed by {@code source}'s minimal stage.
     */
    @SuppressWarnings("unchecked")
    private static <T> CompletionStage<T> bareStage(CompletableFuture<T> source) {
        CompletionStage<T> minimal = source.minimalCompletionStage();
        return (CompletionStage<T>) Proxy.newProxyInstance(
                CompletionStage.class.getClassLoader(),
                new Class<?>[] {CompletionStage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("toCompletableFuture")) {
                        throw new UnsupportedOperationException("toCompletableFuture");
                    }
                    try {
                        return method.invoke(minimal, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * A CompletableFuture that refuses toCompletableFuture, to show fromFuture does not call it.
     */
    private static final class NoConversionFuture<T> extends CompletableFuture<T> {
        @Override
        public CompletableFuture<T> toCompletableFuture() {
            throw new UnsupportedOperationException("toCompletableFuture");
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // fromFuture(CompletionStage)

    /** fromFuture subscribes with whenComplete and never converts the stage. */
    @Test
    public void fromFutureNeverCallsToCompletableFuture() {
        NoConversionFuture<String> future = new NoConversionFuture<>();
        Deferred<String> d = Deferred.fromFuture(future);
        assertNoResult(d);
        future.complete("done");
        assertEquals("done", successResultOf(d));
    }

    /** Cancelling the Deferred cancels a stage that is a Future, without converting it. */
    @Test
    public void fromFutureCancelsAFutureThatRefusesConversion() {
        NoConversionFuture<String> future = new NoConversionFuture<>();
        Deferred<String> d = Deferred.fromFuture(future);
        d.cancel();
        assertTrue(future.isCancelled());
        failureResultOf(d, CancelledError.class);
    }

    /** A stage that is not a Future and cannot be converted still delivers its result. */
    @Test
    public void fromFutureOfAStageThatIsNoFutureFiresWithItsResult() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletionStage<Integer> stage = bareStage(source);
        assertFalse(stage instanceof Future<?>);
        Deferred<Integer> d = Deferred.fromFuture(stage);
        assertNoResult(d);
        source.complete(42);
        assertEquals(42, successResultOf(d));
    }

    /**
     * A stage that cannot be cancelled leaves the Deferred failed with CancelledError; its late
     * result is dropped quietly.
     */
    @Test
    public void cancellingTheDeferredOfAStageThatIsNoFutureFailsItAndDropsTheLateResult() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        Deferred<Integer> d = Deferred.fromFuture(bareStage(source));
        d.cancel();
        assertFalse(source.isDone());
        // The late result does not reach the Deferred, nor raise AlreadyCalledError anywhere.
        assertTrue(source.complete(42));
        failureResultOf(d, CancelledError.class);
    }

    /** A read-only minimal stage, whose cancel throws, does not break the Deferred's cancel. */
    @Test
    public void cancellingTheDeferredOfAMinimalStageFailsIt() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletionStage<Integer> minimal = source.minimalCompletionStage();
        // A minimal stage is a Future whose cancel throws UnsupportedOperationException.
        assertInstanceOf(Future.class, minimal);
        Deferred<Integer> d = Deferred.fromFuture(minimal);
        d.cancel();
        assertFalse(source.isDone());
        source.complete(1);
        failureResultOf(d, CancelledError.class);
    }

    /** A future that is already done gives a Deferred that has already fired. */
    @Test
    public void fromFutureOfACompletedFutureHasFiredAlready() {
        Deferred<String> d = Deferred.fromFuture(CompletableFuture.completedFuture("now"));
        assertEquals("now", successResultOf(d));
    }

    /** A failed future fails the Deferred with the very same exception. */
    @Test
    public void fromFutureFailsWithTheFuturesException() {
        IOException error = new IOException("boom");
        Deferred<Void> d = Deferred.fromFuture(CompletableFuture.failedFuture(error));
        assertSame(error, failureResultOf(d, IOException.class).value());
    }

    /** The CompletionException a dependent stage wraps its source's exception in is unwrapped. */
    @Test
    public void fromFutureUnwrapsCompletionException() {
        IOException error = new IOException("boom");
        CompletableFuture<String> source = new CompletableFuture<>();
        // A dependent stage of a failed future completes with CompletionException(error).
        Deferred<String> d = Deferred.fromFuture(source.thenApply(s -> s + "!"));
        source.completeExceptionally(error);
        assertSame(error, failureResultOf(d, IOException.class).value());
    }

    /** CompletionException and ExecutionException wrappers are unwrapped however nested. */
    @Test
    public void fromFutureUnwrapsNestedCompletionAndExecutionExceptions() {
        IOException error = new IOException("boom");
        CompletableFuture<String> source = new CompletableFuture<>();
        Deferred<String> d = Deferred.fromFuture(source);
        source.completeExceptionally(new CompletionException(new ExecutionException(error)));
        assertSame(error, failureResultOf(d, IOException.class).value());
    }

    /**
     * A future cancelled on its own side fails the Deferred with CancelledError caused by the
     * CancellationException.
     */
    @Test
    public void aCancelledFutureGivesCancelledErrorCausedByItsCancellationException() {
        CompletableFuture<String> source = new CompletableFuture<>();
        Deferred<String> d = Deferred.fromFuture(source);
        source.cancel(true);
        Failure failure = failureResultOf(d, CancelledError.class);
        assertInstanceOf(CancellationException.class, failure.value().getCause());
    }

    /** A cancellation seen through a dependent stage is a CancelledError too. */
    @Test
    public void aCancelledUpstreamFutureGivesCancelledErrorThroughADependentStage() {
        CompletableFuture<String> source = new CompletableFuture<>();
        Deferred<String> d = Deferred.fromFuture(source.thenApply(s -> s));
        source.cancel(false);
        failureResultOf(d, CancelledError.class);
    }

    /** The Deferred's cancel cancels the future with {@code mayInterruptIfRunning} false. */
    @Test
    public void cancellingTheDeferredCancelsTheFutureWithoutInterrupting() {
        AtomicReference<Boolean> mayInterrupt = new AtomicReference<>();
        CompletableFuture<String> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                mayInterrupt.set(mayInterruptIfRunning);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        Deferred<String> d = Deferred.fromFuture(future);
        d.cancel();
        assertEquals(false, mayInterrupt.get());
        failureResultOf(d, CancelledError.class);
    }

    /** The Deferred fires, and runs its callbacks, on the thread that completes the future. */
    @Test
    public void aFutureCompletedOnAnotherThreadFiresTheDeferredOnThatThread() throws Exception {
        CompletableFuture<String> future = new CompletableFuture<>();
        Deferred<String> d = Deferred.fromFuture(future);
        AtomicReference<Thread> firedOn = new AtomicReference<>();
        d.addCallback(r -> {
            firedOn.set(Thread.currentThread());
            return r;
        });
        Thread completer = new Thread(() -> future.complete("there"), "completer");
        completer.start();
        completer.join();
        assertSame(completer, firedOn.get());
        assertEquals("there", successResultOf(d));
    }

    // ---------------------------------------------------------------------------------------------
    // fromFuture(ListenableFuture)

    /** A Guava ListenableFuture delivers its value to the Deferred. */
    @Test
    public void fromListenableFutureFiresWithItsValue() {
        SettableFuture<Integer> future = SettableFuture.create();
        Deferred<Integer> d = Deferred.fromFuture(future);
        assertNoResult(d);
        future.set(5);
        assertEquals(5, successResultOf(d));
    }

    /**
     * A failed ListenableFuture fails the Deferred with its exception, not the ExecutionException.
     */
    @Test
    public void fromListenableFutureUnwrapsExecutionException() {
        IOException error = new IOException("boom");
        SettableFuture<Integer> future = SettableFuture.create();
        Deferred<Integer> d = Deferred.fromFuture(future);
        future.setException(error);
        assertSame(error, failureResultOf(d, IOException.class).value());
    }

    /**
     * A ListenableFuture cancelled on its own side fails the Deferred with CancelledError caused
     * by the CancellationException.
     */
    @Test
    public void cancellingAListenableFutureFailsTheDeferredWithCancelledError() {
        SettableFuture<Integer> future = SettableFuture.create();
        Deferred<Integer> d = Deferred.fromFuture(future);
        future.cancel(false);
        Failure failure = failureResultOf(d, CancelledError.class);
        assertInstanceOf(CancellationException.class, failure.value().getCause());
    }

    /** Cancelling the Deferred cancels the ListenableFuture, which then takes no value. */
    @Test
    public void cancellingTheDeferredCancelsTheListenableFuture() {
        SettableFuture<Integer> future = SettableFuture.create();
        Deferred<Integer> d = Deferred.fromFuture(future);
        d.cancel();
        assertTrue(future.isCancelled());
        assertFalse(future.set(1));
        failureResultOf(d, CancelledError.class);
    }

    // ---------------------------------------------------------------------------------------------
    // asFuture()

    /** asFuture of a fired Deferred is done at once, and the Deferred is left holding null. */
    @Test
    public void asFutureOfAFiredDeferredIsDoneAndConsumesTheResult() {
        Deferred<String> d = Defer.succeed("x");
        CompletableFuture<String> future = d.asFuture();
        assertEquals("x", future.resultNow());
        assertNull(successResultOf(d));
    }

    /**
     * asFuture fails with the failure's exception (wrapped only by get and join), and handles the
     * failure.
     */
    @Test
    public void asFutureFailsWithTheFailuresExceptionAndHandlesIt() {
        IOException error = new IOException("boom");
        Deferred<String> d = Defer.fail(error);
        CompletableFuture<String> future = d.asFuture();
        assertSame(error, future.exceptionNow());
        ExecutionException wrapped = assertThrows(ExecutionException.class, future::get);
        assertSame(error, wrapped.getCause());
        CompletionException joined = assertThrows(CompletionException.class, future::join);
        assertSame(error, joined.getCause());
        // The failure went to the future: the Deferred holds null, not an unhandled failure.
        assertNull(successResultOf(d));
    }

    /** Cancelling a future that is already done does nothing to the Deferred. */
    @Test
    public void cancellingAFutureThatIsDoneDoesNotCancelTheDeferred() {
        boolean[] cancelled = {false};
        Deferred<String> d = new Deferred<>(self -> cancelled[0] = true);
        CompletableFuture<String> future = d.asFuture();
        d.callback("x");
        assertFalse(future.cancel(false));
        assertFalse(cancelled[0]);
        assertEquals("x", future.resultNow());
    }

    /** fromFuture(asFuture()) carries results one way and cancellation the other. */
    @Test
    public void asFutureThenFromFutureRoundTripsResultAndCancellation() {
        Deferred<String> source = new Deferred<>();
        Deferred<String> d = Deferred.fromFuture(source.asFuture());
        source.callback("round");
        assertEquals("round", successResultOf(d));

        boolean[] cancelled = {false};
        Deferred<String> source2 = new Deferred<>(self -> cancelled[0] = true);
        Deferred<String> d2 = Deferred.fromFuture(source2.asFuture());
        d2.cancel();
        assertTrue(cancelled[0]);
        failureResultOf(d2, CancelledError.class);
        // source2 failed with CancelledError, which went to the (cancelled) future.
        assertNull(successResultOf(source2));
    }
}
