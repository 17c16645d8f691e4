package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.contextvars.ContextVar;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Java-only behaviour of {@link Defer#inlineCallbacks} and {@link Defer#await}, written once and
 * run against both engines by {@link InlineCallbacksContinuationBehaviourTests} and
 * {@link InlineCallbacksVirtualBehaviourTests}.
 */
abstract class InlineCallbacksBehaviourTests {
    /** The engine under test. */
    abstract InlineCallbacks.Engine engine();

    /** Starts {@code body} on the engine under test. */
    <T> Deferred<T> inlineCallbacks(Callable<? extends T> body) {
        return InlineCallbacks.start(body, engine());
    }

    static <T> T await(Deferred<T> d) {
        return Defer.await(d);
    }

    private static void onSmallStack(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                error.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
    }

    @Test
    public void bodyRunsSynchronouslyUpToTheFirstUnfiredAwait() {
        List<String> events = new ArrayList<>();
        Deferred<String> first = new Deferred<>();
        Deferred<String> second = new Deferred<>();
        Deferred<String> result = inlineCallbacks(() -> {
            events.add("start");
            events.add("fired " + await(Defer.succeed("a")));
            events.add("got " + await(first));
            events.add("got " + await(second));
            return "end";
        });
        events.add("returned");
        assertEquals(List.of("start", "fired a", "returned"), events);
        assertNoResult(result);
        first.callback("b");
        events.add("first fired");
        assertEquals(List.of("start", "fired a", "returned", "got b", "first fired"), events);
        assertNoResult(result);
        second.callback("c");
        assertEquals("end", successResultOf(result));
        assertEquals(List.of("start", "fired a", "returned", "got b", "first fired", "got c"), events);
    }

    @Test
    public void awaitingAFiredDeferredConsumesItsResult() {
        Deferred<Integer> fired = Defer.succeed(1);
        Deferred<Integer> failed = Defer.fail(new ArithmeticException("boom"));
        Deferred<Integer> result = inlineCallbacks(() -> {
            int x = await(fired);
            try {
                await(failed);
            } catch (ArithmeticException e) {
                x += 10;
            }
            return x;
        });
        assertEquals(11, successResultOf(result));
        assertNull(fired.result());
        assertNull(failed.result());
    }

    @Test
    public void awaitOfALaterFiredDeferredConsumesItsResult() {
        Deferred<Integer> later = new Deferred<>();
        Deferred<Integer> result = inlineCallbacks(() -> await(later) + 1);
        later.callback(41);
        assertEquals(42, successResultOf(result));
        assertNull(later.result());
    }

    @Test
    public void checkedExceptionsAreThrownUnwrapped() {
        IOException error = new IOException("disk on fire");
        Deferred<Object> result = inlineCallbacks(() -> {
            try {
                return await(Defer.fail(error));
            } catch (Exception e) {
                return e;
            }
        });
        assertSame(error, successResultOf(result));
        Deferred<Object> uncaught = inlineCallbacks(() -> await(Defer.fail(error)));
        assertSame(error, failureResultOf(uncaught, IOException.class).value());
    }

    @Test
    public void awaitedFailureShowsTheAwaitingLine() {
        Deferred<Object> later = new Deferred<>();
        Deferred<Object> result = inlineCallbacks(() -> awaitingMethod(later));
        later.errback(new IllegalStateException("late"));
        String traceback = failureResultOf(result, IllegalStateException.class).getTraceback();
        assertTrue(traceback.contains("awaitingMethod"), traceback);
    }

    private static Object awaitingMethod(Deferred<Object> d) {
        return await(d);
    }

    /** Checks where the body resumed, relative to the thread that fired its Deferred. */
    abstract void assertResumedOn(Thread bodyThread, Thread firingThread);

    @Test
    public void bodyResumesWhenTheAwaitedDeferredFiresAndBeforeCallbackReturns() throws Exception {
        Deferred<String> d = new Deferred<>();
        List<String> events = new ArrayList<>();
        AtomicReference<Thread> resumedOn = new AtomicReference<>();
        Deferred<String> result = inlineCallbacks(() -> {
            String v = await(d);
            resumedOn.set(Thread.currentThread());
            events.add("resumed");
            return v;
        });
        Thread firer = new Thread(() -> {
            d.callback("x");
            events.add("callback returned");
        });
        firer.start();
        firer.join();
        assertEquals(List.of("resumed", "callback returned"), events);
        assertResumedOn(resumedOn.get(), firer);
        assertEquals("x", successResultOf(result));
    }

    @Test
    public void aHundredThousandSuspendedBodies() {
        int n = 100_000;
        List<Deferred<Integer>> waits = new ArrayList<>(n);
        List<Deferred<Integer>> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Deferred<Integer> d = new Deferred<>();
            waits.add(d);
            int k = i;
            results.add(inlineCallbacks(() -> await(d) + k));
        }
        for (Deferred<Integer> r : results) {
            assertNoResult(r);
        }
        for (int i = 0; i < n; i++) {
            waits.get(i).callback(1);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, successResultOf(results.get(i)));
        }
    }

    @Test
    public void cancellingCancelsTheAwaitedDeferredAndTheBodyMayRecover() {
        List<String> events = new ArrayList<>();
        Deferred<String> awaited = new Deferred<>(d -> events.add("awaited cancelled"));
        Deferred<String> result = inlineCallbacks(() -> {
            try {
                return await(awaited);
            } catch (CancelledError e) {
                events.add("body caught CancelledError");
                return "recovered";
            }
        });
        result.cancel();
        assertEquals(List.of("awaited cancelled", "body caught CancelledError"), events);
        assertEquals("recovered", successResultOf(result));
    }

    @Test
    public void cancellingFailsWithCancelledErrorWhenTheBodyDoesNotCatchIt() {
        Deferred<String> awaited = new Deferred<>();
        Deferred<String> result = inlineCallbacks(() -> await(awaited));
        result.cancel();
        failureResultOf(result, CancelledError.class);
        // The body consumed the awaited Deferred's failure.
        assertTrue(awaited.called());
        assertNull(awaited.result());
    }

    @Test
    public void cancelledBodyMayAwaitAgainAndBeCancelledAgain() {
        Deferred<String> first = new Deferred<>();
        Deferred<String> second = new Deferred<>();
        Deferred<String> result = inlineCallbacks(() -> {
            try {
                return await(first);
            } catch (CancelledError e) {
                return "second: " + await(second);
            }
        });
        result.cancel();
        assertNoResult(result);
        result.cancel();
        failureResultOf(result, CancelledError.class);
        assertTrue(first.called());
        assertTrue(second.called());
    }

    @Test
    public void awaitOutsideABodyThrowsInsteadOfBlocking() {
        Deferred<String> d = new Deferred<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Defer.await(d));
        assertTrue(e.getMessage().contains("outside an inlineCallbacks body"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Defer.await(Defer.coroutine(() -> 1)));
        assertFalse(d.called());
    }

    @Test
    public void awaitInACallbackAddedByAnEndedBodyIsOutsideABody() {
        Deferred<Integer> d = new Deferred<>();
        Deferred<Integer> other = Defer.succeed(5);
        Deferred<Object> result = inlineCallbacks(() -> {
            d.addCallback(x -> Defer.await(other));
            return null;
        });
        successResultOf(result);
        d.callback(1);
        assertSame(IllegalStateException.class, failureResultOf(d).type());
    }

    @Test
    public void deepLoopOfFiredAwaitsUsesNoStack() throws InterruptedException {
        onSmallStack(() -> {
            Deferred<Integer> result = inlineCallbacks(() -> {
                int sum = 0;
                for (int i = 0; i < 1_000_000; i++) {
                    sum += await(Defer.succeed(1));
                }
                return sum;
            });
            assertEquals(1_000_000, successResultOf(result));
        });
    }

    @Test
    public void deepLoopOfResumesUsesNoStack() throws InterruptedException {
        onSmallStack(() -> {
            List<Deferred<Integer>> pending = new ArrayList<>();
            Deferred<Integer> result = inlineCallbacks(() -> {
                int sum = 0;
                for (int i = 0; i < 100_000; i++) {
                    Deferred<Integer> d = new Deferred<>();
                    pending.add(d);
                    sum += await(d);
                }
                return sum;
            });
            for (int i = 0; i < 100_000; i++) {
                pending.get(i).callback(1);
            }
            assertEquals(100_000, successResultOf(result));
        });
    }

    /**
     * A body that ends fires its Deferred from inside the callback that resumed it, so a chain of
     * bodies each awaiting the previous one unwinds recursively, as in Twisted (where the same
     * chain hits Python's recursion limit at a few hundred). A thousand fit in a 1 MiB stack.
     */
    @Test
    public void chainOfAThousandBodiesAwaitingBodies() {
        Deferred<Integer> root = new Deferred<>();
        Deferred<Integer> previous = root;
        for (int i = 0; i < 1_000; i++) {
            Deferred<Integer> awaited = previous;
            previous = inlineCallbacks(() -> await(awaited) + 1);
        }
        root.callback(0);
        assertEquals(1_000, successResultOf(previous));
    }

    @Test
    public void awaitInsideACallbackRunningInTheBodySuspendsThatBody() {
        Deferred<Integer> inner = new Deferred<>();
        List<String> events = new ArrayList<>();
        Deferred<Integer> result = inlineCallbacks(() -> {
            Deferred<Integer> d = new Deferred<>();
            d.addCallback(x -> x + await(inner));
            d.callback(1);
            events.add("callback chain done");
            return await(d);
        });
        assertNoResult(result);
        assertEquals(List.of(), events);
        inner.callback(10);
        assertEquals(List.of("callback chain done"), events);
        assertEquals(11, successResultOf(result));
    }

    @Test
    public void aBodyResumedFromInsideAnotherBodySuspendsItselfOnly() {
        List<String> events = new ArrayList<>();
        Deferred<String> trigger = new Deferred<>();
        Deferred<String> later = new Deferred<>();
        Deferred<String> b = inlineCallbacks(() -> {
            events.add("B got " + await(trigger));
            String v = await(later);
            events.add("B got " + v);
            return "B";
        });
        Deferred<String> a = inlineCallbacks(() -> {
            events.add("A fires trigger");
            trigger.callback("t");
            events.add("A after trigger");
            return "A";
        });
        assertEquals(List.of("A fires trigger", "B got t", "A after trigger"), events);
        assertEquals("A", successResultOf(a));
        assertNoResult(b);
        later.callback("l");
        assertEquals("B", successResultOf(b));
    }

    @Test
    public void awaitOfACoroutineRunsItInPlace() {
        List<String> events = new ArrayList<>();
        Deferred<Integer> d = new Deferred<>();
        Deferred<Integer> result = inlineCallbacks(() -> {
            events.add("outer");
            int v = Defer.await(Defer.coroutine(() -> {
                events.add("inner");
                return await(d) * 2;
            }));
            events.add("outer again");
            return v + 1;
        });
        assertEquals(List.of("outer", "inner"), events);
        d.callback(5);
        assertEquals(11, successResultOf(result));
    }

    @Test
    public void aCoroutineRunsOnce() {
        Coroutine<Integer> c = Defer.coroutine(() -> 1);
        assertEquals(1, successResultOf(Deferred.fromCoroutine(c)));
        assertTrue(c.started());
        assertThrows(IllegalStateException.class, () -> Deferred.fromCoroutine(c));
    }

    @Test
    public void bodyFailureBecomesTheFailureOfTheDeferred() {
        ArithmeticException error = new ArithmeticException("x");
        Deferred<Object> d = new Deferred<>();
        Deferred<Object> result = inlineCallbacks(() -> {
            await(d);
            throw error;
        });
        d.callback(null);
        Failure failure = failureResultOf(result, ArithmeticException.class);
        assertSame(error, failure.value());
    }

    @Test
    public void everyStepRunsInTheContextCapturedAtTheStart() {
        ContextVar<String> var = new ContextVar<>("where");
        var.set("caller");
        Deferred<String> d = new Deferred<>();
        List<String> seen = new ArrayList<>();
        Deferred<String> result = inlineCallbacks(() -> {
            seen.add(var.get());
            var.set("body");
            await(d);
            seen.add(var.get());
            return var.get();
        });
        assertEquals("caller", var.get());
        var.set("changed by the caller");
        d.callback("x");
        assertEquals(List.of("caller", "body"), seen);
        assertEquals("body", successResultOf(result));
        assertEquals("changed by the caller", var.get());
    }

    @Test
    public void bodiesStartedAndResumedOnVirtualThreadsMayBlock() throws Exception {
        Deferred<String> d = new Deferred<>();
        AtomicReference<Deferred<String>> result = new AtomicReference<>();
        Thread starter = Thread.ofVirtual().start(() -> result.set(inlineCallbacks(() -> {
            Thread.sleep(1);
            String v = await(d);
            Thread.sleep(1);
            return v + "!";
        })));
        starter.join();
        assertNoResult(result.get());
        Thread firer = Thread.ofVirtual().start(() -> d.callback("done"));
        firer.join();
        assertEquals("done!", successResultOf(result.get()));
    }

    @Test
    public void aSharedExceptionAwaitedManyTimesKeepsABoundedTrace() {
        IllegalStateException shared = new IllegalStateException("shared");
        for (int i = 0; i < 100; i++) {
            Deferred<Object> result = inlineCallbacks(() -> await(Defer.fail(shared)));
            assertSame(shared, failureResultOf(result).value());
        }
        assertEquals(InlineCallbacks.MAX_AWAITED_AT, shared.getSuppressed().length);
    }

    @Test
    public void awaitOfAFiredButPausedDeferredWaitsForUnpause() {
        Deferred<String> d = Defer.succeed("x");
        d.pause();
        Deferred<String> result = inlineCallbacks(() -> await(d));
        assertNoResult(result);
        d.unpause();
        assertEquals("x", successResultOf(result));
    }

    /** As in Twisted, the first awaiter consumes the result: the second one gets null. */
    @Test
    public void twoBodiesAwaitingOneDeferred() {
        Deferred<String> d = new Deferred<>();
        Deferred<String> first = inlineCallbacks(() -> await(d));
        Deferred<String> second = inlineCallbacks(() -> await(d));
        d.callback("x");
        assertEquals("x", successResultOf(first));
        assertNull(successResultOf(second));
    }
}
