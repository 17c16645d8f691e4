package dev.twj.python.threadpool;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Port of {@code twisted.test.test_threadpool.RaceConditionTests}. */
@Timeout(60)
class RaceConditionTests {
    /** Python's {@code threading.Event}. */
    static final class Event {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean set;

        void set() {
            lock.lock();
            try {
                set = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void clear() {
            lock.lock();
            try {
                set = false;
            } finally {
                lock.unlock();
            }
        }

        boolean isSet() {
            lock.lock();
            try {
                return set;
            } finally {
                lock.unlock();
            }
        }

        void await(long seconds) {
            long nanos = TimeUnit.SECONDS.toNanos(seconds);
            lock.lock();
            try {
                while (!set && nanos > 0) {
                    nanos = changed.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }
    }

    private ThreadPool threadpool;
    private Event event;

    @BeforeEach
    void setUp() {
        threadpool = new ThreadPool(0, 10, null);
        event = new Event();
        threadpool.start();
    }

    @AfterEach
    void done() {
        event.set(); // let any thread still waiting finish, so stop() returns
        threadpool.stop();
        threadpool = null;
    }

    /** A reasonable number of seconds to time out. */
    static long getTimeout() {
        return 5;
    }

    /**
     * If multiple threads are waiting on an event (via blocking on something in a callable passed
     * to {@code callInThread}), and there is spare capacity in the threadpool, sending another
     * callable which will cause those to un-block to {@code callInThread} will reliably run that
     * callable and un-block the blocked threads promptly.
     *
     * <p>This is not really a unit test, it is a stress-test.
     */
    @Test
    public void test_synchronization() {
        long timeout = getTimeout();
        threadpool.callInThread(event::set);
        event.await(timeout);
        event.clear();
        for (int i = 0; i < 3; i++) {
            threadpool.callInThread(() -> event.await(timeout));
        }
        threadpool.callInThread(event::set);
        event.await(timeout);
        if (!event.isSet()) {
            event.set();
            fail("'set' did not run in thread; timed out waiting on 'wait'.");
        }
    }
}
