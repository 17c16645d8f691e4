package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Java-only tests of DeferredLock, DeferredSemaphore and DeferredQueue: ordering, limits,
 * release on failure, and cancellation.
 */
class ConcurrencyPrimitivesBehaviourTests {

    private static <T> Callback<T, T> record(List<String> order, String name) {
        return r -> {
            order.add(name);
            return r;
        };
    }

    @Test
    public void lockServesWaitersInFifoOrder() {
        DeferredLock lock = new DeferredLock();
        List<String> order = new ArrayList<>();
        lock.acquire().addCallback(record(order, "first"));
        for (String name : List.of("a", "b", "c", "d")) {
            lock.acquire().addCallback(record(order, name));
        }
        assertEquals(List.of("first"), order);
        assertEquals(4, lock.waiting().size());
        for (int i = 0; i < 4; i++) {
            lock.release();
            assertTrue(lock.locked());
        }
        assertEquals(List.of("first", "a", "b", "c", "d"), order);
        lock.release();
        assertFalse(lock.locked());
        assertEquals(List.of(), lock.waiting());
    }

    @Test
    public void semaphoreServesWaitersInFifoOrder() {
        DeferredSemaphore sem = new DeferredSemaphore(2);
        List<String> order = new ArrayList<>();
        sem.acquire().addCallback(record(order, "x"));
        sem.acquire().addCallback(record(order, "y"));
        for (String name : List.of("a", "b", "c")) {
            sem.acquire().addCallback(record(order, name));
        }
        assertEquals(List.of("x", "y"), order);
        assertEquals(0, sem.tokens());
        sem.release();
        sem.release();
        assertEquals(List.of("x", "y", "a", "b"), order);
        sem.release();
        assertEquals(List.of("x", "y", "a", "b", "c"), order);
        assertEquals(0, sem.tokens());
        sem.release();
        sem.release();
        assertEquals(2, sem.tokens());
        assertEquals(2, sem.limit());
    }

    @Test
    public void queueServesGettersAndObjectsInFifoOrder() {
        DeferredQueue<String> queue = new DeferredQueue<>();
        List<String> got = new ArrayList<>();
        for (String getter : List.of("g1", "g2", "g3")) {
            queue.get().addCallback(x -> got.add(getter + "=" + x));
        }
        queue.put("p1");
        queue.put("p2");
        queue.put("p3");
        queue.put("p4");
        queue.put("p5");
        assertEquals(List.of("g1=p1", "g2=p2", "g3=p3"), got);
        assertEquals(List.of("p4", "p5"), queue.pending());
        assertEquals("p4", successResultOf(queue.get()));
        assertEquals("p5", successResultOf(queue.get()));
    }

    @Test
    public void queueCarriesNull() {
        DeferredQueue<String> queue = new DeferredQueue<>();
        queue.put(null);
        assertEquals(Arrays.asList((String) null), queue.pending());
        assertEquals(null, successResultOf(queue.get()));
    }

    @Test
    public void semaphoreLimitIsNeverExceeded() {
        int limit = 3;
        DeferredSemaphore sem = new DeferredSemaphore(limit);
        int[] active = {0};
        int[] maxActive = {0};
        List<Deferred<Integer>> work = new ArrayList<>();
        List<Deferred<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            results.add(sem.runDeferred(() -> {
                active[0]++;
                maxActive[0] = Math.max(maxActive[0], active[0]);
                assertTrue(active[0] <= limit, "active " + active[0] + " > limit " + limit);
                Deferred<Integer> d = new Deferred<>();
                work.add(d);
                return d.addCallback(r -> {
                    active[0]--;
                    return r * 10 + n;
                });
            }));
        }
        assertEquals(limit, work.size());
        assertEquals(17, sem.waiting().size());
        // Finish the work in a scrambled order: last started first.
        for (int rounds = 0; rounds < 20; rounds++) {
            for (int i = work.size() - 1; i >= 0; i--) {
                if (!work.get(i).called()) {
                    work.get(i).callback(1);
                    break;
                }
            }
        }
        assertEquals(20, work.size());
        assertEquals(limit, maxActive[0]);
        assertEquals(0, active[0]);
        for (int i = 0; i < 20; i++) {
            assertEquals(10 + i, successResultOf(results.get(i)));
        }
        assertEquals(limit, sem.tokens());
        assertEquals(List.of(), sem.waiting());
    }

    @Test
    public void runReleasesWhenTheFunctionThrows() {
        DeferredLock lock = new DeferredLock();
        IllegalStateException boom = new IllegalStateException("boom");
        Deferred<Object> d = lock.run(() -> {
            throw boom;
        });
        Failure f = failureResultOf(d, IllegalStateException.class);
        assertSame(boom, f.value());
        assertFalse(lock.locked());
    }

    @Test
    public void runReleasesWhenTheDeferredFails() {
        DeferredSemaphore sem = new DeferredSemaphore(1);
        Deferred<String> work = new Deferred<>();
        Deferred<String> d = sem.runDeferred(() -> work);
        assertEquals(0, sem.tokens());
        assertNoResult(d);
        work.errback(new ArithmeticException("later"));
        failureResultOf(d, ArithmeticException.class);
        assertEquals(1, sem.tokens());
    }

    @Test
    public void runReleasesWhenTheFunctionReturnsAFailure() {
        DeferredLock lock = new DeferredLock();
        Deferred<Object> d = lock.run(() -> new Failure(new ArithmeticException("returned")));
        failureResultOf(d, ArithmeticException.class);
        assertFalse(lock.locked());
    }

    @Test
    public void runWaitsForTheLockAndHoldsItUntilTheDeferredFires() {
        DeferredLock lock = new DeferredLock();
        Deferred<DeferredLock> held = lock.acquire();
        List<String> calls = new ArrayList<>();
        Deferred<String> work = new Deferred<>();
        Deferred<String> d = lock.runDeferred(() -> {
            calls.add("run");
            return work;
        });
        assertEquals(List.of(), calls);
        successResultOf(held).release();
        assertEquals(List.of("run"), calls);
        assertTrue(lock.locked());
        work.callback("done");
        assertEquals("done", successResultOf(d));
        assertFalse(lock.locked());
    }

    @Test
    public void cancellingAWaitingRunNeverCallsTheFunction() {
        DeferredLock lock = new DeferredLock();
        lock.acquire();
        List<String> calls = new ArrayList<>();
        Deferred<String> d = lock.run(() -> {
            calls.add("run");
            return "ran";
        });
        d.cancel();
        failureResultOf(d, CancelledError.class);
        assertEquals(List.of(), lock.waiting());
        lock.release();
        assertFalse(lock.locked());
        assertEquals(List.of(), calls);
    }

    @Test
    public void cancelledAcquireLeavesTheWaitingListAndNeverAcquires() {
        DeferredSemaphore sem = new DeferredSemaphore(1);
        sem.acquire();
        Deferred<DeferredSemaphore> d2 = sem.acquire();
        Deferred<DeferredSemaphore> d3 = sem.acquire();
        d2.cancel();
        assertEquals(List.of(d3), sem.waiting());
        sem.release();
        assertSame(sem, successResultOf(d3));
        failureResultOf(d2, CancelledError.class);
        sem.release();
        assertEquals(1, sem.tokens());
    }

    @Test
    public void cancelledWaiterDoesNotConsumeALaterPut() {
        DeferredQueue<String> queue = new DeferredQueue<>();
        Deferred<String> d1 = queue.get();
        Deferred<String> d2 = queue.get();
        d1.cancel();
        assertEquals(List.of(d2), queue.waiting());
        queue.put("x");
        assertEquals("x", successResultOf(d2));
        failureResultOf(d1, CancelledError.class);
        queue.put("y");
        assertEquals(List.of("y"), queue.pending());
    }

    @Test
    public void queueBacklogOverflowThrowsQueueUnderflowAndKeepsTheWaiters() {
        DeferredQueue<String> queue = new DeferredQueue<>(1, 2);
        Deferred<String> d1 = queue.get();
        Deferred<String> d2 = queue.get();
        assertThrows(QueueUnderflow.class, queue::get);
        assertEquals(List.of(d1, d2), queue.waiting());
        // A cancelled getter frees its place in the backlog.
        d1.cancel();
        failureResultOf(d1, CancelledError.class);
        Deferred<String> d3 = queue.get();
        assertEquals(List.of(d2, d3), queue.waiting());
        queue.put("a");
        queue.put("b");
        queue.put("c");
        assertEquals("a", successResultOf(d2));
        assertEquals("b", successResultOf(d3));
        assertThrows(QueueOverflow.class, () -> queue.put("d"));
        assertEquals(List.of("c"), queue.pending());
    }

    @Test
    public void queueRejectsNegativeLimits() {
        assertThrows(IllegalArgumentException.class, () -> new DeferredQueue<String>(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DeferredQueue<String>(0, -1));
    }

    @Test
    public void releasingTooOftenThrows() {
        DeferredLock lock = new DeferredLock();
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("Tried to release an unlocked lock", e.getMessage());
        DeferredSemaphore sem = new DeferredSemaphore(2);
        sem.acquire();
        sem.release();
        assertThrows(IllegalStateException.class, sem::release);
        assertEquals(2, sem.tokens());
    }

    @Test
    public void toStringShowsTheState() {
        DeferredLock lock = new DeferredLock();
        lock.acquire();
        lock.acquire();
        assertEquals("DeferredLock{locked, 1 waiting}", lock.toString());
        DeferredSemaphore sem = new DeferredSemaphore(3);
        sem.acquire();
        assertEquals("DeferredSemaphore{tokens 2/3, 0 waiting}", sem.toString());
        DeferredQueue<String> queue = new DeferredQueue<>(5, DeferredQueue.UNLIMITED);
        queue.put("a");
        assertEquals("DeferredQueue{1 pending, 0 waiting, size 5, backlog unlimited}", queue.toString());
    }

    /** Reflection from outside the package can reach run, runDeferred and waiting. */
    @Test
    public void inheritedMethodsAreDeclaredOnThePublicClasses() throws NoSuchMethodException {
        for (Class<?> c : List.of(DeferredLock.class, DeferredSemaphore.class)) {
            assertSame(c, c.getMethod("run", Callable.class).getDeclaringClass());
            assertSame(c, c.getMethod("runDeferred", Callable.class).getDeclaringClass());
            assertSame(c, c.getMethod("waiting").getDeclaringClass());
        }
    }
}
