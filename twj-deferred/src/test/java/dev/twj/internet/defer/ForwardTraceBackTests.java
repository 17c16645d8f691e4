package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.Defer.inlineCallbacks;
import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.internet.test.test_inlinecb.ForwardTraceBackTests}: the traceback of a
 * failure coming out of chained bodies names every body.
 *
 * <p>Java spelling: each generator is a method whose body is a lambda, so its frames read
 * {@code lambda$erroring$0}; Twisted's {@code "in erroring"} is {@code "$erroring$"} here. The
 * awaiting bodies' frames come from the exception's stack trace (the inner body runs nested in
 * the outer one's continuation) and from the {@code AwaitedAt} entry that {@code await} adds.
 * {@code yield "forcing generator"} (a plain value, sent straight back) has no Java form and is
 * left out.
 *
 * <p>Not ported: {@code test_reraiseTracebacksFromDeferred}, which counts the frames of a Python
 * traceback object.
 */
class ForwardTraceBackTests {
    private static Deferred<Object> erroring() {
        return inlineCallbacks(() -> {
            // yield "forcing generator"
            throw new Exception("Error Marker");
        });
    }

    private static Deferred<Object> calling() {
        return inlineCallbacks(() -> await(erroring()));
    }

    /**
     * Chained inlineCallbacks are forwarding the traceback information from generator to
     * generator.
     *
     * <p>A first simple test with a couple of inline callbacks.
     */
    @Test
    public void test_forwardTracebacks() {
        Deferred<Object> d = calling();
        Failure f = failureResultOf(d);
        String tb = f.getTraceback();
        assertTrue(tb.contains("$erroring$"), tb);
        assertTrue(tb.contains("$calling$"), tb);
        assertTrue(tb.contains("Error Marker"), tb);
    }

    private static Coroutine<Object> erroringCoro(FakeClock clock) {
        return coroutine(() -> {
            Deferred<String> d = new Deferred<>();
            clock.callLater(0, () -> d.callback("value"));
            await(d);
            throw new Exception("Error Marker");
        });
    }

    private static Deferred<Object> callingCoro(FakeClock clock) {
        return inlineCallbacks(() -> await(Deferred.fromCoroutine(erroringCoro(clock))));
    }

    /**
     * Chained inlineCallback and coroutine are forwarding the traceback information from
     * coroutine to generator.
     *
     * <p>{@code getValueViaDeferred} fires through {@code reactor.callLater(0, ...)}; here a
     * {@link FakeClock} stands for the reactor, advanced by the test instead of returning the
     * Deferred to trial.
     */
    @Test
    public void test_forwardTracebacksCoro() {
        FakeClock clock = new FakeClock();
        Deferred<Object> d = callingCoro(clock);
        assertNoResult(d);
        clock.advance(0);

        Failure f = failureResultOf(d);
        String tb = f.getTraceback();
        assertTrue(tb.contains("$erroringCoro$"), tb);
        assertTrue(tb.contains("$callingCoro$"), tb);
        assertTrue(tb.contains("Error Marker"), tb);
    }

    private static Deferred<Object> calling3() {
        return inlineCallbacks(() -> await(erroring()));
    }

    private static Deferred<Object> calling2() {
        return inlineCallbacks(() -> await(calling3()));
    }

    private static Deferred<Object> callingLots() {
        return inlineCallbacks(() -> await(calling2()));
    }

    /**
     * Several Chained inlineCallbacks gives information about all generators.
     *
     * <p>A wider test with a 4 chained inline callbacks.
     */
    @Test
    public void test_forwardLotsOfTracebacks() {
        Deferred<Object> d = callingLots();
        Failure f = failureResultOf(d);
        String tb = f.getTraceback();
        assertTrue(tb.contains("$erroring$"), tb);
        assertTrue(tb.contains("$callingLots$"), tb);
        assertTrue(tb.contains("$calling2$"), tb);
        assertTrue(tb.contains("$calling3$"), tb);
        assertTrue(tb.contains("Error Marker"), tb);
        assertTrue(f.getTraceback().contains("$erroring$"));
    }

    private static Coroutine<Object> calling3Coro() {
        return coroutine(() -> await(erroring()));
    }

    private static Deferred<Object> calling2Coro() {
        return inlineCallbacks(() -> await(Deferred.fromCoroutine(calling3Coro())));
    }

    private static Deferred<Object> callingLotsCoro() {
        return inlineCallbacks(() -> await(calling2Coro()));
    }

    /**
     * Several chained inlineCallbacks mixed with coroutines gives information about all
     * generators.
     *
     * <p>A wider test with a 4 chained inline callbacks.
     */
    @Test
    public void test_forwardLotsOfTracebacksCoro() {
        Deferred<Object> d = callingLotsCoro();
        Failure f = failureResultOf(d);
        String tb = f.getTraceback();
        assertTrue(tb.contains("$erroring$"), tb);
        assertTrue(tb.contains("$callingLotsCoro$"), tb);
        assertTrue(tb.contains("$calling2Coro$"), tb);
        assertTrue(tb.contains("$calling3Coro$"), tb);
        assertTrue(tb.contains("Error Marker"), tb);
        assertTrue(f.getTraceback().contains("$erroring$"));
    }
}
