package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.Defer.ensureDeferred;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    // Python's "async with lock:" is, in a Java body, "await(lock.acquire()); try { ... } finally
    // { lock.release(); }": the three tests below are written that way.

    /** DeferredLock can be used as an asynchronous context manager. */
    @Test
    public void test_asyncWithLock() {
        successResultOf(Defer.inlineCallbacks(() -> {
            DeferredLock lock = new DeferredLock();
            Deferred<DeferredLock> d;
            await(lock.acquire());
            try {
                assertTrue(lock.locked());
                d = lock.acquire();
                d.addCallback(ignored -> {
                    lock.release();
                    return null;
                });
                assertTrue(lock.locked());
                assertFalse(d.called());
            } finally {
                lock.release();
            }
            assertTrue(d.called());
            await(d);
            assertFalse(lock.locked());
            return null;
        }));
    }

    /** DeferredSemaphore can be used as an asynchronous context manager. */
    @Test
    public void test_asyncWithSemaphore() {
        successResultOf(Defer.inlineCallbacks(() -> {
            DeferredSemaphore sem = new DeferredSemaphore(3);
            await(sem.acquire());
            try {
                assertEquals(2, sem.tokens());
                Deferred<DeferredSemaphore> d1;
                Deferred<DeferredSemaphore> d2;
                await(sem.acquire());
                try {
                    assertEquals(1, sem.tokens());
                    d1 = sem.acquire();
                    d2 = sem.acquire();
                    assertEquals(0, sem.tokens());
                    assertTrue(d1.called());
                    assertFalse(d2.called());
                } finally {
                    sem.release();
                }
                assertEquals(0, sem.tokens());
                assertTrue(d2.called());
                d1.addCallback(ignored -> {
                    sem.release();
                    return null;
                });
                d2.addCallback(ignored -> {
                    sem.release();
                    return null;
                });
                await(d1);
                await(d2);
                assertEquals(2, sem.tokens());
            } finally {
                sem.release();
            }
            assertEquals(3, sem.tokens());
            return null;
        }));
    }

    /** DeferredLock correctly propagates exceptions when used as an asynchronous context manager. */
    @Test
    public void test_asyncWithLockException() {
        successResultOf(Defer.inlineCallbacks(() -> {
            DeferredLock lock = new DeferredLock();
            Exception e = assertThrows(Exception.class, () -> {
                await(lock.acquire());
                try {
                    assertTrue(lock.locked());
                    throw new Exception("some specific exception");
                } finally {
                    lock.release();
                }
            });
            assertEquals("some specific exception", e.getMessage());
            assertFalse(lock.locked());
            return null;
        }));
    }
}
