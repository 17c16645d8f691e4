package dev.twj.python.threadpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How many workers a pool starts for work given before it starts. Port of
 * {@code twisted.test.test_threadpool.MemoryBackedTests}.
 *
 * <p>Where Java differs: Twisted swaps the pool's {@code Team} for in-memory workers to count
 * them deterministically. The Java pool has no such seam, but its executor starts a thread per
 * work item synchronously in {@code start()} (up to the maximum), so counting its real threads
 * right after {@code start()} is deterministic too.
 */
@Timeout(60)
class MemoryBackedTests {
    /**
     * If a threadpool is told to do work before starting, then upon starting up, it will start
     * enough workers to handle all of the enqueued work that it's been given.
     */
    @Test
    public void test_workBeforeStarting() {
        ThreadPool pool = new ThreadPool(0, 10, null);
        int n = 5;
        for (int x = 0; x < n; x++) {
            pool.callInThread(() -> {});
        }
        assertEquals(0, pool.threadCount());
        pool.start();
        try {
            assertEquals(n, pool.threadCount());
        } finally {
            pool.stop();
        }
    }

    /**
     * If the amount of work before starting exceeds the maximum number of threads allowed to the
     * threadpool, only the maximum count will be started.
     */
    @Test
    public void test_tooMuchWorkBeforeStarting() {
        ThreadPool pool = new ThreadPool(0, 10, null);
        int n = 50;
        for (int x = 0; x < n; x++) {
            pool.callInThread(() -> {});
        }
        assertEquals(0, pool.threadCount());
        pool.start();
        try {
            assertEquals(pool.max(), pool.threadCount());
        } finally {
            pool.stop();
        }
    }
}
