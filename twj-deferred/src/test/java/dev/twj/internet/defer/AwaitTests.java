package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.Defer.ensureDeferred;
import static dev.twj.internet.defer.Defer.fail;
import static dev.twj.internet.defer.Defer.maybeDeferred;
import static dev.twj.internet.defer.Defer.succeed;
import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tests for using Deferreds in conjunction with PEP-492: port of
 * {@code twisted.internet.test.test_defer_await.AwaitTests}. Python's {@code async def} function
 * is a Java function returning a {@link Coroutine}; {@code await d} is {@link Defer#await}.
 *
 * <p>Not ported: {@code test_awaitReturnsIterable} ({@code Deferred.__await__} returning an
 * iterator is Python's await protocol; Java has none).
 */
class AwaitTests {
    /** A specific sample exception for testing. */
    static final class SampleException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** {@link Deferred#fromCoroutine} will turn a coroutine into a {@link Deferred}. */
    @Test
    public void test_deferredFromCoroutine() {
        Supplier<Coroutine<String>> run2 = () -> coroutine(() -> {
            Deferred<String> d = succeed("foo");
            String res = await(d);
            return res;
        });
        Supplier<Coroutine<String>> run = () -> coroutine(() -> {
            Deferred<String> d = succeed("bar");
            await(d);
            String res = await(run2.get());
            return res;
        });

        // It's a coroutine...
        Object r = run.get();
        assertInstanceOf(Coroutine.class, r);

        // Now it's a Deferred.
        Deferred<String> d = Deferred.fromCoroutine(r);
        assertInstanceOf(Deferred.class, d);

        // The Deferred has the result we want.
        String res = successResultOf(d);
        assertEquals("foo", res);
    }

    /** {@link Deferred#fromCoroutine} allows a function to {@code await} on a {@link Deferred}. */
    @Test
    public void test_basic() {
        Supplier<Coroutine<String>> run = () -> coroutine(() -> {
            Deferred<String> d = succeed("foo");
            String res = await(d);
            return res;
        });

        Deferred<String> d = Deferred.fromCoroutine(run.get());
        String res = successResultOf(d);
        assertEquals("foo", res);
    }

    /** {@link Defer#ensureDeferred} allows a function to {@code await} on a {@link Deferred}. */
    @Test
    public void test_basicEnsureDeferred() {
        Supplier<Coroutine<String>> run = () -> coroutine(() -> {
            Deferred<String> d = succeed("foo");
            String res = await(d);
            return res;
        });

        Deferred<String> d = ensureDeferred(run.get());
        String res = successResultOf(d);
        assertEquals("foo", res);
    }

    /**
     * An exception in a coroutine scheduled with {@link Deferred#fromCoroutine} will cause the
     * returned {@link Deferred} to fire with a failure.
     */
    @Test
    public void test_exception() {
        Supplier<Coroutine<Object>> run = () -> coroutine(() -> {
            Deferred<String> d = succeed("foo");
            await(d);
            throw new IllegalArgumentException("Oh no!");
        });

        Deferred<Object> d = Deferred.fromCoroutine(run.get());
        Failure res = failureResultOf(d);
        assertSame(IllegalArgumentException.class, res.value().getClass());
        assertEquals("Oh no!", res.value().getMessage());
    }

    private static Object raises() throws SampleException {
        throw new SampleException();
    }

    private static Coroutine<Object> doomed(Deferred<Object> it) {
        return coroutine(() -> await(it));
    }

    /**
     * When a Deferred is awaited upon that has already failed with a Failure that has a
     * traceback, both the place that the synchronous traceback comes from and the awaiting line
     * are shown in the traceback.
     */
    @Test
    public void test_synchronousDeferredFailureTraceback() {
        Deferred<Object> it = maybeDeferred(AwaitTests::raises);

        Failure failure = failureResultOf(Deferred.fromCoroutine(doomed(it)));

        // Java frames read "at Class.method(File.java:line)"; the body is lambda$doomed$N.
        assertTrue(failure.getTraceback().contains("$doomed$"), failure.getTraceback());
        assertTrue(failure.getTraceback().contains(".raises("), failure.getTraceback());
    }

    private static Failure returnsFailure() {
        try {
            throw new SampleException();
        } catch (SampleException e) {
            return new Failure(e);
        }
    }

    /**
     * When a Deferred is awaited upon that later fails with a Failure that has a traceback, both
     * the place that the synchronous traceback comes from and the awaiting line are shown in the
     * traceback.
     */
    @Test
    public void test_asyncDeferredFailureTraceback() {
        Deferred<Object> it = new Deferred<>();

        Deferred<Object> started = Deferred.fromCoroutine(doomed(it));
        assertNoResult(started);
        it.errback(returnsFailure());
        Failure failure = failureResultOf(started);
        assertTrue(failure.getTraceback().contains("$doomed$"), failure.getTraceback());
        assertTrue(failure.getTraceback().contains(".returnsFailure("), failure.getTraceback());
    }

    /**
     * A coroutine scheduled with {@link Deferred#fromCoroutine} that awaits a {@link Deferred}
     * suspends its execution until the inner {@link Deferred} fires.
     */
    @Test
    public void test_twoDeep() {
        FakeClock reactor = new FakeClock();
        List<Integer> sections = new ArrayList<>();

        Supplier<Coroutine<String>> runone = () -> coroutine(() -> {
            sections.add(2);
            Deferred<Integer> d = new Deferred<>();
            reactor.callLater(1, () -> d.callback(2));
            await(d);
            sections.add(3);
            return "Yay!";
        });

        Supplier<Coroutine<String>> run = () -> coroutine(() -> {
            sections.add(1);
            String result = await(runone.get());
            sections.add(4);
            Deferred<Integer> d = new Deferred<>();
            reactor.callLater(1, () -> d.callback(1));
            await(d);
            sections.add(5);
            return result;
        });

        Deferred<String> d = Deferred.fromCoroutine(run.get());

        reactor.advance(0.9);
        assertEquals(List.of(1, 2), sections);

        reactor.advance(0.1);
        assertEquals(List.of(1, 2, 3, 4), sections);

        reactor.advance(0.9);
        assertEquals(List.of(1, 2, 3, 4), sections);

        reactor.advance(0.1);
        assertEquals(List.of(1, 2, 3, 4, 5), sections);

        String res = successResultOf(d);
        assertEquals("Yay!", res);
    }

    /** Awaiting an already failed Deferred will raise the exception. */
    @Test
    public void test_reraise() {
        Supplier<Coroutine<Integer>> test = () -> coroutine(() -> {
            try {
                await(fail(new IllegalArgumentException("Boom")));
            } catch (IllegalArgumentException e) {
                assertEquals("Boom", e.getMessage());
                return 1;
            }
            return 0;
        });

        int res = successResultOf(Deferred.fromCoroutine(test.get()));
        assertEquals(1, res);
    }

    /** Awaiting a paused & chained Deferred will give the result when it has one. */
    @Test
    public void test_chained() {
        FakeClock reactor = new FakeClock();

        Supplier<Coroutine<String>> test = () -> coroutine(() -> {
            Deferred<String> d = new Deferred<>();
            Deferred<String> d2 = new Deferred<>();
            Deferred<String> chained = d.addCallbackDeferred(ignored -> d2);

            d.callback(null);
            reactor.callLater(0, () -> d2.callback("bye"));
            return await(chained);
        });

        Deferred<String> d = Deferred.fromCoroutine(test.get());
        reactor.advance(0.1);

        String res = successResultOf(d);
        assertEquals("bye", res);
    }
}
