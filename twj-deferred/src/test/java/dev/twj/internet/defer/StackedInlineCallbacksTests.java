package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.Defer.inlineCallbacks;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.internet.test.test_inlinecb.StackedInlineCallbacksTests}: chains of
 * inlineCallbacks bodies (and coroutines) awaiting each other.
 *
 * <p>Java spelling: an {@code @inlineCallbacks def f(x)} is an {@code IntFunction} returning
 * {@code inlineCallbacks(() -> ...)}; an {@code async def} one returns {@code coroutine(() ->
 * ...)}; {@code yield coro} inside an inlineCallbacks generator wraps the coroutine in its own
 * Deferred, so it is {@code await(Deferred.fromCoroutine(coro))}; {@code returnValue(x)} is
 * {@code return x}. The expectation tuples are two-element lists.
 */
class StackedInlineCallbacksTests {
    /** A (Deferred, value) pair: fired with the value, or failed if it is an exception. */
    private record Pending(Deferred<Integer> d, Object x) {}

    /**
     * Given a list of {@link Deferred}, value tuples, invokes each {@link Deferred} with the
     * corresponding value. Depending on whether value is an exception, either callback or errback
     * is called.
     */
    private static void runCallbacksOnDeferreds(List<Pending> deferredList) {
        // Python's for loop also visits the entries appended while it runs.
        for (int i = 0; i < deferredList.size(); i++) {
            Pending p = deferredList.get(i);
            if (p.x() instanceof Exception e) {
                p.d().errback(e);
            } else {
                p.d().callback((Integer) p.x());
            }
        }
    }

    private static List<Object> e(String what, int x) {
        return List.of(what, x);
    }

    /**
     * Tests the case when a chain of {@code inlineCallbacks} calls end up yielding and blocking on
     * a {@link Deferred}.
     */
    @Test
    public void test_nonCalledDeferredSingleYield() {
        List<Object> expectations = new ArrayList<>();

        // list of deferred to invoke with what results
        List<Pending> deferredList = new ArrayList<>();

        IntFunction<Deferred<Integer>> f1 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f1 enter", x));

            Deferred<Integer> d = new Deferred<>();
            deferredList.add(new Pending(d, x));
            x = await(d);
            x += 1;

            expectations.add(e("f1 exit", x));
            return x;
        });

        IntFunction<Deferred<Integer>> f2 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f2 enter", x));

            x = await(f1.apply(x));
            x += 2;

            expectations.add(e("f2 exit", x));
            return x;
        });

        IntFunction<Deferred<Integer>> f3 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f3 enter", x));

            x = await(f2.apply(x));
            x += 4;

            expectations.add(e("f3 exit", x));
            return x;
        });

        Deferred<Integer> res = f3.apply(1);
        runCallbacksOnDeferreds(deferredList);

        assertEquals(8, successResultOf(res));
        assertEquals(List.of(e("f3 enter", 1), e("f2 enter", 1), e("f1 enter", 1),
                e("f1 exit", 2), e("f2 exit", 4), e("f3 exit", 8)), expectations);
    }

    /**
     * Tests the case when a chain of {@code inlineCallbacks} mixed with coroutine calls end up
     * yielding and blocking on a {@link Deferred}.
     */
    @Test
    public void test_nonCalledDeferredSingleYieldCoro() {
        List<Object> expectations = new ArrayList<>();

        // list of deferred to invoke with what results
        List<Pending> deferredList = new ArrayList<>();

        IntFunction<Deferred<Integer>> f1 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f1 enter", x));

            Deferred<Integer> d = new Deferred<>();
            deferredList.add(new Pending(d, x));
            x = await(d);
            x += 1;

            expectations.add(e("f1 exit", x));
            return x;
        });

        IntFunction<Coroutine<Integer>> f2 = x0 -> coroutine(() -> {
            int x = x0;
            expectations.add(e("f2 enter", x));

            x = await(f1.apply(x));
            x += 2;

            expectations.add(e("f2 exit", x));
            return x;
        });

        IntFunction<Deferred<Integer>> f3 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f3 enter", x));

            x = await(Deferred.fromCoroutine(f2.apply(x)));
            x += 4;

            expectations.add(e("f3 exit", x));
            return x;
        });

        Deferred<Integer> res = f3.apply(1);
        runCallbacksOnDeferreds(deferredList);

        assertEquals(8, successResultOf(res));
        assertEquals(List.of(e("f3 enter", 1), e("f2 enter", 1), e("f1 enter", 1),
                e("f1 exit", 2), e("f2 exit", 4), e("f3 exit", 8)), expectations);
    }

    private static final List<Object> MULTIPLE_YIELDS = List.of(
            e("f3 enter", 1), e("f2 enter", 1), e("f1 enter", 1), e("f1 exit", 2),
            e("f1 enter", 2), e("f1 exit", 3), e("f1 enter", 3), e("f1 exit", 4),
            e("f2 exit", 6), e("f2 enter", 6), e("f1 enter", 6), e("f1 exit", 7),
            e("f1 enter", 7), e("f1 exit", 8), e("f1 enter", 8), e("f1 exit", 9),
            e("f2 exit", 11), e("f2 enter", 11), e("f1 enter", 11), e("f1 exit", 12),
            e("f1 enter", 12), e("f1 exit", 13), e("f1 enter", 13), e("f1 exit", 14),
            e("f2 exit", 16), e("f3 exit", 20));

    /**
     * Tests the case when a chain of {@code inlineCallbacks} calls end up yielding and blocking on
     * a {@link Deferred}. In this case the same decorated function is yielded multiple times.
     */
    @Test
    public void test_nonCalledDeferredMultipleYields() {
        List<Object> expectations = new ArrayList<>();

        // list of deferred to invoke with what results
        List<Pending> deferredList = new ArrayList<>();

        IntFunction<Deferred<Integer>> f1 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f1 enter", x));

            Deferred<Integer> d = new Deferred<>();
            deferredList.add(new Pending(d, x));
            x = await(d);
            x += 1;

            expectations.add(e("f1 exit", x));
            return x;
        });

        IntFunction<Deferred<Integer>> f2 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f2 enter", x));

            x = await(f1.apply(x));
            x = await(f1.apply(x));
            x = await(f1.apply(x));
            x += 2;

            expectations.add(e("f2 exit", x));
            return x;
        });

        IntFunction<Deferred<Integer>> f3 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f3 enter", x));

            x = await(f2.apply(x));
            x = await(f2.apply(x));
            x = await(f2.apply(x));
            x += 4;

            expectations.add(e("f3 exit", x));
            return x;
        });

        Deferred<Integer> res = f3.apply(1);
        runCallbacksOnDeferreds(deferredList);

        assertEquals(20, successResultOf(res));
        assertEquals(MULTIPLE_YIELDS, expectations);
    }

    /**
     * Tests the case when a chain of {@code inlineCallbacks} calls mixed with async function calls
     * end up yielding and blocking on a {@link Deferred}. In this case the same decorated function
     * is yielded multiple times.
     */
    @Test
    public void test_nonCalledDeferredMultipleYieldsCoro() {
        List<Object> expectations = new ArrayList<>();

        // list of deferred to invoke with what results
        List<Pending> deferredList = new ArrayList<>();

        IntFunction<Deferred<Integer>> f1 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f1 enter", x));

            Deferred<Integer> d = new Deferred<>();
            deferredList.add(new Pending(d, x));
            x = await(d);
            x += 1;

            expectations.add(e("f1 exit", x));
            return x;
        });

        IntFunction<Coroutine<Integer>> f2 = x0 -> coroutine(() -> {
            int x = x0;
            expectations.add(e("f2 enter", x));

            x = await(f1.apply(x));
            x = await(f1.apply(x));
            x = await(f1.apply(x));
            x += 2;

            expectations.add(e("f2 exit", x));
            return x;
        });

        IntFunction<Deferred<Integer>> f3 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f3 enter", x));

            x = await(Deferred.fromCoroutine(f2.apply(x)));
            x = await(Deferred.fromCoroutine(f2.apply(x)));
            x = await(Deferred.fromCoroutine(f2.apply(x)));
            x += 4;

            expectations.add(e("f3 exit", x));
            return x;
        });

        Deferred<Integer> res = f3.apply(1);
        runCallbacksOnDeferreds(deferredList);

        assertEquals(20, successResultOf(res));
        assertEquals(MULTIPLE_YIELDS, expectations);
    }

    /**
     * Tests the case when a {@link Deferred} produced from {@code inlineCallbacks} gets a callback
     * added via {@link Deferred#addCallback} and then yielded in a function decorated with
     * {@code inlineCallbacks}. In this case the initial {@link Deferred} already has a value.
     *
     * <p>{@code x = yield x} (a plain value, sent straight back) is {@code x = x} in Java, whose
     * {@code await} takes Deferreds only.
     */
    @Test
    public void test_intermediateAddCallbacksAndNoWaiting() {
        List<Object> expectations = new ArrayList<>();

        IntFunction<Deferred<Integer>> f1 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f1 enter", x));

            // x = yield x
            x += 1;

            expectations.add(e("f1 exit", x));
            return x;
        });

        Callback<Integer, Integer> f2 = x0 -> {
            int x = x0;
            expectations.add(e("f2 enter", x));
            x += 2;
            expectations.add(e("f2 exit", x));
            return x;
        };

        IntFunction<Deferred<Integer>> f3 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f3 enter", x));

            Deferred<Integer> d = f1.apply(x);
            d.addCallback(f2);
            x = await(d);
            x += 4;

            expectations.add(e("f3 exit", x));
            return x;
        });

        assertEquals(8, successResultOf(f3.apply(1)));
        assertEquals(List.of(e("f3 enter", 1), e("f1 enter", 1), e("f1 exit", 2),
                e("f2 enter", 2), e("f2 exit", 4), e("f3 exit", 8)), expectations);
    }

    /**
     * Tests the case when a {@link Deferred} produced from {@code inlineCallbacks} gets a callback
     * added via {@link Deferred#addCallback} and then yielded in a function decorated with
     * {@code inlineCallbacks}. In this case the initial {@link Deferred} does not have a value and
     * blocks entire callback chain.
     */
    @Test
    public void test_intermediateAddCallbacksAndWithWaitingFirstYield() {
        List<Object> expectations = new ArrayList<>();

        // list of deferred to invoke with what results
        List<Pending> deferredList = new ArrayList<>();

        IntFunction<Deferred<Integer>> f1 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f1 enter", x));

            Deferred<Integer> d = new Deferred<>();
            deferredList.add(new Pending(d, x));
            x = await(d);
            x += 1;

            expectations.add(e("f1 exit", x));
            return x;
        });

        Callback<Integer, Integer> f2 = x0 -> {
            int x = x0;
            expectations.add(e("f2 enter", x));
            x += 2;
            expectations.add(e("f2 exit", x));
            return x;
        };

        IntFunction<Deferred<Integer>> f3 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f3 enter", x));

            Deferred<Integer> d = f1.apply(x);
            d.addCallback(f2);
            x = await(d);
            x += 4;

            expectations.add(e("f3 exit", x));
            return x;
        });

        Deferred<Integer> res = f3.apply(1);
        runCallbacksOnDeferreds(deferredList);

        assertEquals(8, successResultOf(res));
        assertEquals(List.of(e("f3 enter", 1), e("f1 enter", 1), e("f1 exit", 2),
                e("f2 enter", 2), e("f2 exit", 4), e("f3 exit", 8)), expectations);
    }

    /**
     * Tests the case when a {@link Deferred} produced from {@code inlineCallbacks} gets a callback
     * added via {@link Deferred#addCallback} and then yielded in a function decorated with
     * {@code inlineCallbacks}. In this case the initial {@link Deferred} does not have a value and
     * blocks the entire callback chain. Additionally, a subsequent {@link Deferred} blocks the
     * entire callback chain again.
     */
    @Test
    public void test_intermediateAddCallbacksAndWithWaitingSecondYield() {
        List<Object> expectations = new ArrayList<>();

        // list of deferred to invoke with what results
        List<Pending> deferredList = new ArrayList<>();

        IntFunction<Deferred<Integer>> f1 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f1 enter", x));

            Deferred<Integer> d = new Deferred<>();
            deferredList.add(new Pending(d, x));
            x = await(d);
            x += 1;

            expectations.add(e("f1 exit", x));
            return x;
        });

        Callback<Integer, Integer> f2 = x0 -> {
            int x = x0;
            expectations.add(e("f2 enter", x));
            x += 2;
            expectations.add(e("f2 exit", x));
            return x;
        };

        IntFunction<Deferred<Integer>> f3 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f3 enter", x));

            x = await(f1.apply(x));
            Deferred<Integer> d = f1.apply(x);
            d.addCallback(f2);
            x = await(d);
            x += 4;

            expectations.add(e("f3 exit", x));
            return x;
        });

        Deferred<Integer> res = f3.apply(1);
        runCallbacksOnDeferreds(deferredList);

        assertEquals(9, successResultOf(res));
        assertEquals(List.of(e("f3 enter", 1), e("f1 enter", 1), e("f1 exit", 2),
                e("f1 enter", 2), e("f1 exit", 3), e("f2 enter", 3), e("f2 exit", 5),
                e("f3 exit", 9)), expectations);
    }

    /** An exception specific to the two tests below. */
    static final class MyException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Tests the case when a function decorated with {@code inlineCallbacks} yields a
     * {@link Deferred} that results in a failure.
     */
    @Test
    public void test_raisesExceptionFromDeferredWithWaitingFirstCallback() {
        List<Object> expectations = new ArrayList<>();

        // list of deferred to invoke with what results
        List<Pending> deferredList = new ArrayList<>();

        IntFunction<Deferred<Integer>> f2 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f2 enter", x));

            Deferred<Integer> d = new Deferred<>();
            deferredList.add(new Pending(d, new MyException()));
            x = await(d);

            // Above line throws an exception. The rest of the function will not
            // be executed, but in case it is (error), it should still work so
            // that assertions at the end of the test work.
            expectations.add(e("f2 exit", x));
            return x;
        });

        IntFunction<Deferred<Integer>> f3 = x0 -> inlineCallbacks(() -> {
            int[] x = {x0};
            expectations.add(e("f3 enter", x[0]));

            assertThrows(MyException.class, () -> x[0] = await(f2.apply(x[0])));
            x[0] += 4;

            expectations.add(e("f3 exit", x[0]));
            return x[0];
        });

        Deferred<Integer> res = f3.apply(1);
        runCallbacksOnDeferreds(deferredList);
        assertEquals(5, successResultOf(res));
        assertEquals(List.of(e("f3 enter", 1), e("f2 enter", 1), e("f3 exit", 5)), expectations);
    }

    /**
     * Tests the case when a function decorated with {@code inlineCallbacks} blocks on a
     * {@link Deferred} produced by another function decorated with {@code inlineCallbacks}. Once
     * that unblocks, a {@link Deferred} that results in an failure is yielded.
     */
    @Test
    public void test_raisesExceptionFromDeferredWithWaitingSecondCallback() {
        List<Object> expectations = new ArrayList<>();

        // list of deferred to invoke with what results
        List<Pending> deferredList = new ArrayList<>();

        IntFunction<Deferred<Integer>> f1 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f1 enter", x));

            Deferred<Integer> d = new Deferred<>();
            deferredList.add(new Pending(d, x));
            x = await(d);
            x += 1;

            expectations.add(e("f1 exit", x));
            return x;
        });

        IntFunction<Deferred<Integer>> f2 = x0 -> inlineCallbacks(() -> {
            int x = x0;
            expectations.add(e("f2 enter", x));

            Deferred<Integer> d = new Deferred<>();
            deferredList.add(new Pending(d, new MyException()));
            x = await(d);

            // Above line throws an exception. The rest of the function will not
            // be executed, but in case it is (error), it should still work so
            // that assertions at the end of the test work.
            expectations.add(e("f2 exit", x));
            return x;
        });

        IntFunction<Deferred<Integer>> f3 = x0 -> inlineCallbacks(() -> {
            int[] x = {x0};
            expectations.add(e("f3 enter", x[0]));

            x[0] = await(f1.apply(x[0]));
            assertThrows(MyException.class, () -> x[0] = await(f2.apply(x[0])));
            x[0] += 4;

            expectations.add(e("f3 exit", x[0]));
            return x[0];
        });

        Deferred<Integer> res = f3.apply(1);
        runCallbacksOnDeferreds(deferredList);
        assertEquals(6, successResultOf(res));
        assertEquals(List.of(e("f3 enter", 1), e("f1 enter", 1), e("f1 exit", 2),
                e("f2 enter", 2), e("f3 exit", 6)), expectations);
    }
}
