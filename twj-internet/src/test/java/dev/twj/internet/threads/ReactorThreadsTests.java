package dev.twj.internet.threads;

import static dev.twj.internet.threads.GlobalReactorSpinner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tests for the reactor threading API. Port of {@code twisted.test.test_threads.ReactorThreadsTests},
 * on the global reactor, run by {@link GlobalReactorSpinner} as trial runs it.
 */
@Timeout(300)
class ReactorThreadsTests {
    private final SelectReactor reactor = Reactor.reactor();

    @AfterAll
    static void cleanThreads() {
        GlobalReactorSpinner.cleanThreads();
    }

    /** Try to change maximum number of threads. */
    @Test
    public void test_suggestThreadPoolSize() {
        reactor.suggestThreadPoolSize(34);
        assertEquals(34, reactor.getThreadPool().max());
        reactor.suggestThreadPoolSize(4);
        assertEquals(4, reactor.getThreadPool().max());
    }

    /**
     * The reactor's threadpool is only available when the reactor is running, so to have a sane
     * behavior during the tests we make a dummy {@code deferToThread} call.
     */
    private static Deferred<Object> waitForThread() {
        return Threads.deferToThread(() -> null);
    }

    private static boolean await(CountDownLatch latch, long seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Test callInThread functionality: set a latch, and check that it's not in the main thread.
     */
    @Test
    public void test_callInThread() {
        waitFor(waitForThread().addCallback(ign -> {
            CountDownLatch waiter = new CountDownLatch(1);
            List<Boolean> result = Collections.synchronizedList(new ArrayList<>());
            reactor.callInThread(() -> {
                result.add(reactor.isInIOThread());
                waiter.countDown();
            });
            if (!await(waiter, 120)) {
                fail("Timed out waiting for event.");
            } else {
                assertEquals(List.of(false), result);
            }
            return null;
        }));
    }

    /** Fires when both fire, or fails with the first failure: {@code DeferredList(fireOnOneErrback=True)}. */
    private static Deferred<Object> both(Deferred<?> a, Deferred<?> b) {
        Deferred<Object> result = new Deferred<>();
        int[] waiting = {2};
        for (Deferred<?> d : List.of(a, b)) {
            d.addBoth(r -> {
                if (result.called()) {
                    return null;
                }
                if (r instanceof Failure f) {
                    result.errback(f);
                } else if (--waiting[0] == 0) {
                    result.callback(null);
                }
                return null;
            });
        }
        return result;
    }

    /** Test callFromThread functionality: from the main thread, and from another thread. */
    @Test
    public void test_callFromThread() {
        waitFor(waitForThread().addCallbackDeferred(ign -> {
            Deferred<Object> firedByReactorThread = new Deferred<>();
            Deferred<Object> firedByOtherThread = new Deferred<>();
            reactor.callInThread(() -> reactor.callFromThread(() -> firedByOtherThread.callback(null)));
            reactor.callFromThread(() -> firedByReactorThread.callback(null));
            return both(firedByReactorThread, firedByOtherThread);
        }));
    }

    /** Try to make an overflow on the reactor waker using callFromThread. */
    @Test
    public void test_wakerOverflow() {
        waitFor(waitForThread().addCallbackDeferred(ign -> {
            Failure[] failure = {null};
            CountDownLatch waiter = new CountDownLatch(1);
            reactor.callInThread(() -> {
                // Hopefully a hundred thousand queued calls is enough to trigger the error
                // condition
                for (int i = 0; i < 100000; i++) {
                    try {
                        reactor.callFromThread(() -> {});
                    } catch (Throwable t) {
                        failure[0] = new Failure(t);
                        break;
                    }
                }
                waiter.countDown();
            });
            if (!await(waiter, 120)) {
                fail("Timed out waiting for event");
            }
            if (failure[0] != null) {
                return Defer.fail(failure[0]);
            }
            return Defer.succeed(null);
        }));
    }

    /** Utility method to test {@link Threads#blockingCallFromThread}. */
    private List<List<Object>> testBlockingCallFromThread(Callable<?> reactorFunc) {
        CountDownLatch waiter = new CountDownLatch(1);
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        List<Object> errors = Collections.synchronizedList(new ArrayList<>());
        Deferred<Object> d = waitForThread().addCallbackDeferred(ign -> {
            reactor.callInThread(() -> {
                try {
                    results.add(Threads.blockingCallFromThread(reactor, reactorFunc));
                } catch (Exception e) {
                    errors.add(e);
                }
                waiter.countDown();
            });
            return Threads.deferToThread(() -> await(waiter, 120));
        }).addBoth(ign -> {
            if (waiter.getCount() != 0) {
                fail("Timed out waiting for event");
            }
            return List.of(List.copyOf(results), List.copyOf(errors));
        });
        @SuppressWarnings("unchecked")
        List<List<Object>> res = (List<List<Object>>) waitFor(d);
        return res;
    }

    /**
     * Test blockingCallFromThread facility: create a thread, call a function in the reactor
     * using {@code blockingCallFromThread}, and verify the result returned.
     */
    @Test
    public void test_blockingCallFromThread() {
        List<List<Object>> res = testBlockingCallFromThread(() -> Defer.succeed("foo"));
        assertEquals("foo", res.get(0).get(0));
    }

    /**
     * Test blockingCallFromThread as above, but be sure the resulting Deferred is not already
     * fired.
     */
    @Test
    public void test_asyncBlockingCallFromThread() {
        List<List<Object>> res = testBlockingCallFromThread(() -> {
            Deferred<String> d = new Deferred<>();
            reactor.callLater(0.1, () -> d.callback("egg"));
            return d;
        });
        assertEquals("egg", res.get(0).get(0));
    }

    /** Test error report for blockingCallFromThread. */
    @Test
    public void test_errorBlockingCallFromThread() {
        List<List<Object>> res = testBlockingCallFromThread(() -> Defer.fail(new RuntimeException("bar")));
        RuntimeException e = assertInstanceOf(RuntimeException.class, res.get(1).get(0));
        assertEquals("bar", e.getMessage());
    }

    /**
     * Test error report for blockingCallFromThread as above, but be sure the resulting Deferred
     * is not already fired.
     */
    @Test
    public void test_asyncErrorBlockingCallFromThread() {
        List<List<Object>> res = testBlockingCallFromThread(() -> {
            Deferred<String> d = new Deferred<>();
            reactor.callLater(0.1, () -> d.errback(new RuntimeException("spam")));
            return d;
        });
        RuntimeException e = assertInstanceOf(RuntimeException.class, res.get(1).get(0));
        assertEquals("spam", e.getMessage());
    }
}
