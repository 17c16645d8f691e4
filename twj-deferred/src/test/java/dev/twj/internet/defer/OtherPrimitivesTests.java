package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.test.test_defer.OtherPrimitivesTests}: DeferredLock, DeferredSemaphore
 * and DeferredQueue.
 */
class OtherPrimitivesTests {
    private int counter;

    private Object incr(Object result) {
        counter += 1;
        return null;
    }

    @BeforeEach
    public void setUp() {
        counter = 0;
    }

    /**
     * {@code ImmediateFailureMixin.assertImmediateFailure}: asserts that {@code deferred}'s current
     * result is a Failure of {@code exception}, and handles it.
     */
    private static <E extends Throwable> E assertImmediateFailure(
            Deferred<?> deferred, Class<E> exception) {
        List<Failure> failures = new ArrayList<>();
        deferred.addErrback(f -> {
            failures.add(f);
            return null;
        });
        assertEquals(1, failures.size());
        assertNotNull(failures.get(0).check(exception));
        return exception.cast(failures.get(0).value());
    }

    private Object result;

    private Object helper(Object resultValue, Object returnValue) {
        result = resultValue;
        return returnValue;
    }

    @Test
    public void testLock() {
        DeferredLock lock = new DeferredLock();
        lock.acquire().addCallback(this::incr);
        assertTrue(lock.locked());
        assertEquals(1, counter);

        lock.acquire().addCallback(this::incr);
        assertTrue(lock.locked());
        assertEquals(1, counter);

        lock.release();
        assertTrue(lock.locked());
        assertEquals(2, counter);

        lock.release();
        assertFalse(lock.locked());
        assertEquals(2, counter);

        // Twisted: self.assertRaises(TypeError, lock.run). Calling run without a function does not
        // compile in Java; run(null) throws NullPointerException before acquiring.
        assertThrows(NullPointerException.class, () -> lock.run(null));
        assertFalse(lock.locked());

        Object firstUnique = new Object();
        Object secondUnique = new Object();

        Deferred<Object> controlDeferred = new Deferred<>();

        result = null;

        Deferred<Object> resultDeferred = lock.run(() -> helper(firstUnique, controlDeferred));
        assertTrue(lock.locked());
        assertSame(firstUnique, result);

        resultDeferred.addCallback(r -> helper(r, null));

        lock.acquire().addCallback(this::incr);
        assertTrue(lock.locked());
        assertEquals(2, counter);

        controlDeferred.callback(secondUnique);
        assertSame(secondUnique, result);
        assertTrue(lock.locked());
        assertEquals(3, counter);

        Deferred<Object> d = lock.acquire().addBoth(r -> helper(r, null));
        d.cancel();
        assertInstanceOf(Failure.class, result);
        assertEquals(CancelledError.class, ((Failure) result).type());

        lock.release();
        assertFalse(lock.locked());

        // Twisted's assert_type checks; here the assignments are the type checks. The coroutine
        // variant (returnsCoroInt) has no Java counterpart.
        Deferred<Integer> returnsInt = lock.runDeferred(() -> Defer.succeed(2));
        assertEquals(2, DeferredAssertions.successResultOf(returnsInt));
        assertFalse(lock.locked());
    }

    /**
     * When canceling a Deferred from a DeferredLock that already has the lock, the cancel should
     * have no effect.
     */
    @Test
    public void test_cancelLockAfterAcquired() {
        DeferredLock lock = new DeferredLock();
        Deferred<DeferredLock> d = lock.acquire();
        d.addErrback(f -> fail("Unexpected errback call!"));
        d.cancel();
    }

    /**
     * When canceling a Deferred from a DeferredLock that does not yet have the lock (i.e., the
     * Deferred has not fired), the cancel should cause a CancelledError failure.
     */
    @Test
    public void test_cancelLockBeforeAcquired() {
        DeferredLock lock = new DeferredLock();
        lock.acquire();
        Deferred<DeferredLock> d = lock.acquire();
        d.cancel();
        assertImmediateFailure(d, CancelledError.class);
    }

    private Object helperArg;

    @Test
    public void testSemaphore() {
        int n = 13;
        DeferredSemaphore sem = new DeferredSemaphore(n);

        Deferred<Void> controlDeferred = new Deferred<>();

        helperArg = null;

        List<Object> results = new ArrayList<>();
        Object uniqueObject = new Object();
        Deferred<Void> resultDeferred = sem.runDeferred(() -> {
            helperArg = uniqueObject;
            return controlDeferred;
        });
        resultDeferred.addCallback(r -> {
            results.add(r);
            return null;
        });
        resultDeferred.addCallback(this::incr);
        assertEquals(List.of(), results);
        assertSame(uniqueObject, helperArg);
        controlDeferred.callback(null);
        assertNull(results.remove(results.size() - 1));
        assertEquals(1, counter);

        counter = 0;
        for (int i = 1; i < 1 + n; i++) {
            sem.acquire().addCallback(this::incr);
            assertEquals(i, counter);
        }

        List<Boolean> success = new ArrayList<>();

        Deferred<Object> d = sem.acquire().addCallbacks(r -> {
            success.add(false);
            return null;
        }, r -> {
            success.add(true);
            return null;
        });
        d.cancel();
        assertEquals(List.of(true), success);

        sem.acquire().addCallback(this::incr);
        assertEquals(n, counter);

        sem.release();
        assertEquals(n + 1, counter);

        for (int i = 1; i < 1 + n; i++) {
            sem.release();
            assertEquals(n + 1, counter);
        }
    }

    /**
     * If the token count passed to DeferredSemaphore is less than one then ValueError
     * (IllegalArgumentException) is raised.
     */
    @Test
    public void test_semaphoreInvalidTokens() {
        assertThrows(IllegalArgumentException.class, () -> new DeferredSemaphore(0));
        assertThrows(IllegalArgumentException.class, () -> new DeferredSemaphore(-1));
    }

    /**
     * When canceling a Deferred from a DeferredSemaphore that already has the semaphore, the
     * cancel should have no effect.
     */
    @Test
    public void test_cancelSemaphoreAfterAcquired() {
        DeferredSemaphore sem = new DeferredSemaphore(1);
        Deferred<DeferredSemaphore> d = sem.acquire();
        d.addErrback(f -> fail("Unexpected errback call!"));
        d.cancel();
    }

    /**
     * When canceling a Deferred from a DeferredSemaphore that does not yet have the semaphore
     * (i.e., the Deferred has not fired), the cancel should cause a CancelledError failure.
     */
    @Test
    public void test_cancelSemaphoreBeforeAcquired() {
        DeferredSemaphore sem = new DeferredSemaphore(1);
        sem.acquire();
        Deferred<DeferredSemaphore> d = sem.acquire();
        d.cancel();
        assertImmediateFailure(d, CancelledError.class);
    }

    private static <T> Callback<T, Void> appendTo(List<T> list) {
        return x -> {
            list.add(x);
            return null;
        };
    }

    private static List<Integer> range(int start, int stop) {
        List<Integer> r = new ArrayList<>();
        for (int i = start; i < stop; i++) {
            r.add(i);
        }
        return r;
    }

    @Test
    public void testQueue() {
        int n = 2;
        int m = 2;
        DeferredQueue<Integer> queue = new DeferredQueue<>(n, m);

        List<Integer> gotten = new ArrayList<>();

        for (int i = 0; i < m; i++) {
            queue.get().addCallback(appendTo(gotten));
        }
        DeferredQueue<Integer> full = queue;
        assertThrows(QueueUnderflow.class, full::get);

        for (int i = 0; i < m; i++) {
            queue.put(i);
            assertEquals(range(0, i + 1), gotten);
        }
        for (int i = 0; i < n; i++) {
            queue.put(n + i);
            assertEquals(range(0, m), gotten);
        }
        assertThrows(QueueOverflow.class, () -> full.put(null));

        List<Integer> gotten2 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            queue.get().addCallback(appendTo(gotten2));
            assertEquals(range(n, n + i + 1), gotten2);
        }

        queue = new DeferredQueue<>();
        List<Integer> gotten3 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            queue.get().addCallback(appendTo(gotten3));
        }
        for (int i = 0; i < n; i++) {
            queue.put(i);
        }
        assertEquals(range(0, n), gotten3);

        DeferredQueue<Integer> sizeZero = new DeferredQueue<>(0, DeferredQueue.UNLIMITED);
        assertThrows(QueueOverflow.class, () -> sizeZero.put(null));

        DeferredQueue<Integer> backlogZero = new DeferredQueue<>(DeferredQueue.UNLIMITED, 0);
        assertThrows(QueueUnderflow.class, backlogZero::get);
    }

    /**
     * When canceling a Deferred from a DeferredQueue that already has a result, the cancel should
     * have no effect.
     */
    @Test
    public void test_cancelQueueAfterSynchronousGet() {
        DeferredQueue<Void> queue = new DeferredQueue<>();
        Deferred<Void> d = queue.get();
        d.addErrback(f -> fail("Unexpected errback call!"));
        queue.put(null);
        d.cancel();
    }

    /**
     * When canceling a Deferred from a DeferredQueue that does not have a result (i.e., the
     * Deferred has not fired), the cancel causes a CancelledError failure. If the queue has a
     * result later on, it doesn't try to fire the deferred.
     */
    @Test
    public void test_cancelQueueAfterGet() {
        DeferredQueue<Void> queue = new DeferredQueue<>();
        Deferred<Void> d = queue.get();
        d.cancel();
        assertImmediateFailure(d, CancelledError.class);

        // If the deferred is still linked with the deferred queue, it will fail with an
        // AlreadyCalledError.
        Deferred<Void> chained = d.addCallbackDeferred(ignore -> {
            queue.put(null);
            return queue.get().addCallback(x -> {
                assertNull(x);
                return null;
            });
        });
        List<Object> done = new ArrayList<>();
        chained.addCallback(appendTo(done));
        assertEquals(1, done.size());
    }
}
