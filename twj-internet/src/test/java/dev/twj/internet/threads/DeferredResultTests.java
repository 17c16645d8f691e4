package dev.twj.internet.threads;

import static dev.twj.internet.threads.GlobalReactorSpinner.assertFailure;
import static dev.twj.internet.threads.GlobalReactorSpinner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.selectreactor.SelectReactor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Test {@link Threads}. Port of {@code twisted.test.test_threads.DeferredResultTests}, on the
 * global reactor, run by {@link GlobalReactorSpinner} as trial runs it.
 */
@Timeout(300)
class DeferredResultTests {
    private final SelectReactor reactor = Reactor.reactor();

    @BeforeEach
    void setUp() {
        reactor.suggestThreadPoolSize(8);
    }

    @AfterEach
    void tearDown() {
        reactor.suggestThreadPoolSize(0);
    }

    @AfterAll
    static void cleanThreads() {
        GlobalReactorSpinner.cleanThreads();
    }

    /** {@code callMultipleInThread} calls multiple functions in a thread. */
    @Test
    public void test_callMultiple() {
        List<Integer> l = new ArrayList<>();
        int n = 10;
        Deferred<Object> d = new Deferred<>();
        List<Runnable> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = i;
            calls.add(() -> l.add(x));
        }
        calls.add(() -> reactor.callFromThread(() -> {
            assertEquals(IntStream.range(0, n).boxed().toList(), l);
            d.callback(null);
        }));
        Threads.callMultipleInThread(calls);
        waitFor(d);
    }

    /**
     * {@code deferToThread} executes the function passed, and correctly handles the positional
     * and keyword arguments given.
     */
    @Test
    public void test_deferredResult() {
        int x = 3;
        int y = 4;
        Deferred<Integer> d = Threads.deferToThread(() -> x + y);
        assertEquals(7, waitFor(d));
    }

    /** A new exception type. */
    static final class NewError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * {@code deferToThread} returns a failure object with an appropriate exception instance when
     * the called function raises an exception.
     */
    @Test
    public void test_deferredFailure() {
        Deferred<Object> d = Threads.deferToThread(() -> {
            throw new NewError();
        });
        assertFailure(d, NewError.class);
    }

    /**
     * A successful {@code deferToThread} followed by a one that raises an exception correctly
     * results in a failure.
     */
    @Test
    public void test_deferredFailureAfterSuccess() {
        // set up a condition that causes cReactor to hang. These conditions can also be set by
        // other tests when the full test suite is run in alphabetical order.
        Deferred<Object> d = Threads.deferToThread(() -> null);
        Deferred<Integer> d2 = d.addCallbackDeferred(ign -> Threads.deferToThread(() -> 1 / zero()));
        assertFailure(d2, ArithmeticException.class);
    }

    private static int zero() {
        return 0;
    }
}
