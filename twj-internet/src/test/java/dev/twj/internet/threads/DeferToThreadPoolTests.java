package dev.twj.internet.threads;

import static dev.twj.internet.threads.GlobalReactorSpinner.assertFailure;
import static dev.twj.internet.threads.GlobalReactorSpinner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.Deferred;
import dev.twj.python.threadpool.ThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Test {@link Threads#deferToThreadPool}. Port of
 * {@code twisted.test.test_threads.DeferToThreadPoolTests}.
 */
@Timeout(300)
class DeferToThreadPoolTests {
    private ThreadPool tp;

    @BeforeEach
    void setUp() {
        tp = new ThreadPool(0, 8, null);
        tp.start();
    }

    @AfterEach
    void tearDown() {
        tp.stop();
    }

    /**
     * {@code deferToThreadPool} executes the function passed, and correctly handles the
     * positional and keyword arguments given.
     */
    @Test
    public void test_deferredResult() {
        int x = 3;
        int y = 4;
        Deferred<Integer> d = Threads.deferToThreadPool(Reactor.reactor(), tp, () -> x + y);
        assertEquals(7, waitFor(d));
    }

    /** A new exception type. */
    static final class NewError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * {@code deferToThreadPool} returns a failure object with an appropriate exception instance
     * when the called function raises an exception.
     */
    @Test
    public void test_deferredFailure() {
        Deferred<Object> d = Threads.deferToThreadPool(Reactor.reactor(), tp, () -> {
            throw new NewError();
        });
        assertFailure(d, NewError.class);
    }
}
