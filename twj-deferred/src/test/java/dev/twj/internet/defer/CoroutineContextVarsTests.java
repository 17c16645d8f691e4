package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.Defer.ensureDeferred;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.contextvars.ContextVar;
import dev.twj.contextvars.Token;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.test.test_defer.CoroutineContextVarsTests}: every step of an
 * inlineCallbacks body runs in the {@link dev.twj.contextvars.Context} captured when it started.
 * Python's {@code @inlineCallbacks def f()} called as {@code f()} is {@code inlineCallbacks(() ->
 * ...)} evaluated at the call.
 *
 * <p>Not ported yet: {@code test_asyncWithLock}, {@code test_asyncWithSemaphore} and
 * {@code test_asyncWithLockException}, which need {@code DeferredLock} and
 * {@code DeferredSemaphore} (not on this branch).
 */
class CoroutineContextVarsTests {
    private static int zero = 0;

    /**
     * When an inlineCallbacks function is called, the context is taken from when it was first
     * called. When it resumes, the same context is applied.
     */
    @Test
    public void test_withInlineCallbacks() {
        FakeClock clock = new FakeClock();

        ContextVar<Integer> var = new ContextVar<>("testvar");
        var.set(1);

        // This Deferred will set its own context to 3 when it is called (its result becomes the
        // Token that set returns, hence Deferred<Object>)
        Deferred<Object> mutatingDeferred = new Deferred<>();
        mutatingDeferred.addCallback(ignored -> var.set(3));

        Deferred<Object> mutatingDeferredThatFails = new Deferred<>();
        mutatingDeferredThatFails.addCallback(ignored -> var.set(4));
        mutatingDeferredThatFails.addCallback(ignored -> 1 / zero);

        Supplier<Deferred<Void>> yieldingDeferred = () -> Defer.inlineCallbacks(() -> {
            Deferred<Boolean> d = new Deferred<>();
            clock.callLater(1, () -> d.callback(true));
            await(d);
            var.set(3);
            return null;
        });

        // context is 1 when the function is defined
        Supplier<Deferred<Boolean>> testFunction = () -> Defer.inlineCallbacks(() -> {
            // Expected to be 2
            assertEquals(2, var.get());

            // Does not mutate the context
            await(Defer.succeed(1));

            // Expected to be 2
            assertEquals(2, var.get());

            // mutatingDeferred mutates it to 3, but only in its Deferred chain
            clock.callLater(1, () -> mutatingDeferred.callback(true));
            await(mutatingDeferred);

            // When it resumes, it should still be 2
            assertEquals(2, var.get());

            // mutatingDeferredThatFails mutates it to 3, but only in its
            // Deferred chain
            clock.callLater(1, () -> mutatingDeferredThatFails.callback(1));
            try {
                await(mutatingDeferredThatFails);
                throw new Exception("???? should have failed");
            } catch (ArithmeticException e) {
                assertEquals(2, var.get());
            }

            // IMPLEMENTATION DETAIL: Because inlineCallbacks must be at every
            // level, an inlineCallbacks function yielding another
            // inlineCallbacks function will NOT mutate the outer one's context,
            // as it is copied when the inner one is ran and mutated there.
            await(yieldingDeferred.get());
            assertEquals(2, var.get());

            return true;
        });

        // The inlineCallbacks context is 2 when it's called
        var.set(2);
        Deferred<Boolean> d = testFunction.get();

        // Advance the clock so mutatingDeferred triggers
        clock.advance(1);

        // Advance the clock so that mutatingDeferredThatFails triggers
        clock.advance(1);

        // Advance the clock so that yieldingDeferred triggers
        clock.advance(1);

        assertTrue(successResultOf(d));
    }

    /**
     * When an inlineCallbacks function resumes, we should be able to reset() a contextvar that
     * was set when it was first called.
     */
    @Test
    public void test_resetWithInlineCallbacks() {
        FakeClock clock = new FakeClock();

        ContextVar<Integer> var = new ContextVar<>("testvar");

        Supplier<Deferred<Void>> yieldingDeferred = () -> Defer.inlineCallbacks(() -> {
            // first try setting the var
            Token<Integer> token = var.set(3);

            // after a sleep, try resetting it
            Deferred<Boolean> d = new Deferred<>();
            clock.callLater(1, () -> d.callback(true));
            await(d);
            assertEquals(3, var.get());

            var.reset(token);
            // it should have gone back to what we started with (2)
            assertEquals(2, var.get());
            return null;
        });

        // we start off with the var set to 2
        var.set(2);
        Deferred<Void> d = yieldingDeferred.get();

        // Advance the clock so that yieldingDeferred triggers
        clock.advance(1);
        successResultOf(d);
    }

    /**
     * When a coroutine is called, the context is taken from when it was first called. When it
     * resumes, the same context is applied.
     */
    @Test
    public void test_contextvarsWithAsyncAwait() {
        FakeClock clock = new FakeClock();

        ContextVar<Integer> var = new ContextVar<>("testvar");
        var.set(1);

        // This Deferred will set its own context to 3 when it is called (its result becomes the
        // Token that set returns, hence Deferred<Object>)
        Deferred<Object> mutatingDeferred = new Deferred<>();
        mutatingDeferred.addCallback(ignored -> var.set(3));

        Deferred<Object> mutatingDeferredThatFails = new Deferred<>();
        mutatingDeferredThatFails.addCallback(ignored -> var.set(4));
        mutatingDeferredThatFails.addCallback(ignored -> 1 / zero);

        Supplier<Coroutine<Void>> asyncFuncAwaitingDeferred = () -> coroutine(() -> {
            Deferred<Boolean> d = new Deferred<>();
            clock.callLater(1, () -> d.callback(true));
            await(d);
            var.set(3);
            return null;
        });

        // context is 1 when the function is defined
        Supplier<Coroutine<Boolean>> testFunction = () -> coroutine(() -> {
            // Expected to be 2
            assertEquals(2, var.get());

            // Does not mutate the context
            await(Defer.succeed(1));

            // Expected to be 2
            assertEquals(2, var.get());

            // mutatingDeferred mutates it to 3, but only in its Deferred chain
            clock.callLater(0, () -> mutatingDeferred.callback(true));
            await(mutatingDeferred);

            // When it resumes, it should still be 2
            assertEquals(2, var.get());

            // mutatingDeferredThatFails mutates it to 3, but only in its
            // Deferred chain
            clock.callLater(1, () -> mutatingDeferredThatFails.callback(true));
            try {
                await(mutatingDeferredThatFails);
                throw new Exception("???? should have failed");
            } catch (ArithmeticException e) {
                assertEquals(2, var.get());
            }

            // If we await another async def-defined function, it will be able
            // to mutate the outer function's context, it is *not* frozen and
            // restored inside the function call.
            await(asyncFuncAwaitingDeferred.get());
            assertEquals(3, var.get());

            return true;
        });

        // The inlineCallbacks context is 2 when it's called
        var.set(2);
        Deferred<Boolean> d = ensureDeferred(testFunction.get());

        // Advance the clock so mutatingDeferred triggers
        clock.advance(1);

        // Advance the clock so that mutatingDeferredThatFails triggers
        clock.advance(1);

        // Advance the clock so that asyncFuncAwaitingDeferred triggers
        clock.advance(1);

        assertTrue(successResultOf(d));
    }
}
