package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.threadpool.ThreadPool;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Builder for defining tests relating to {@code IReactorThreads}. Port of
 * {@code twisted.internet.test.test_threads.ThreadTestsBuilder}.
 */
@Timeout(120)
abstract class ThreadTestsBuilder extends ReactorBuilder {
    /**
     * Runs the garbage collector until {@code ref} is cleared or 10 seconds pass: Python's
     * {@code gc.collect()}, which the JVM does not promise in one call.
     */
    static void collect(WeakReference<?> ref) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.onSpinWait();
        }
    }

    /**
     * {@code reactor.getThreadPool()} returns an instance of {@link ThreadPool} which starts
     * when {@code reactor.run()} is called and stops before it returns.
     */
    @Test
    public void test_getThreadPool() {
        List<Boolean> state = new ArrayList<>();
        ReactorBase reactor = buildReactor();
        ThreadPool pool = reactor.getThreadPool();
        assertFalse(pool.started(), "Pool should not start before reactor.run");
        reactor.callWhenRunning(() -> {
            // Record the state for later assertions
            state.add(pool.started());
            state.add(pool.joined());
            reactor.stop();
        });
        runReactor(reactor, 2);
        assertTrue(state.get(0), "Pool should start after reactor.run");
        assertFalse(state.get(1), "Pool should not be joined before reactor.stop");
        assertTrue(pool.joined(), "Pool should be stopped after reactor.run returns");
    }

    /**
     * {@code reactor.suggestThreadPoolSize()} sets the maximum size of the reactor threadpool.
     */
    @Test
    public void test_suggestThreadPoolSize() {
        ReactorBase reactor = buildReactor();
        reactor.suggestThreadPoolSize(17);
        ThreadPool pool = reactor.getThreadPool();
        assertEquals(17, pool.max());
    }

    /**
     * A function scheduled with {@code callFromThread} invoked from a delayed call is run
     * immediately in the next reactor iteration.
     *
     * <p>When invoked from the reactor thread, previous implementations of callFromThread would
     * skip the wake up step, assuming the reactor would wake up on its own. However, this
     * resulted in the reactor not noticing an insert into the thread queue at the right time (in
     * this case, after the thread queue has been processed for that reactor iteration).
     */
    @Test
    public void test_delayedCallFromThread() {
        ReactorBase reactor = buildReactor();
        // Set up the use of callFromThread being tested.
        reactor.callLater(0, () -> reactor.callFromThread(reactor::stop));
        double before = reactor.seconds();
        runReactor(reactor, 60);
        double after = reactor.seconds();
        // Heuristic, as Twisted's: much less than the 60 second timeout.
        assertTrue(after - before < 30);
    }

    /**
     * A function scheduled with {@code callFromThread} invoked from another thread is run in the
     * reactor thread.
     */
    @Test
    public void test_callFromThread() {
        ReactorBase reactor = buildReactor();
        List<Thread> result = new ArrayList<>();
        Runnable threadCall = () -> {
            result.add(Thread.currentThread());
            reactor.stop();
        };
        reactor.callLater(0, () -> reactor.callInThread(() -> reactor.callFromThread(threadCall)));
        runReactor(reactor, 5);
        assertEquals(List.of(Thread.currentThread()), result);
    }

    /**
     * When the reactor stops, {@code stopThreadPool} drops the reactor's direct reference to its
     * internal threadpool and removes the associated startup and shutdown triggers.
     *
     * <p>This is the case of the thread pool being created before the reactor is run.
     */
    @Test
    public void test_stopThreadPool() {
        ReactorBase reactor = buildReactor();
        WeakReference<ThreadPool> threadpool = new WeakReference<>(reactor.getThreadPool());
        reactor.callWhenRunning(reactor::stop);
        runReactor(reactor);
        collect(threadpool);
        assertNull(threadpool.get());
    }

    /**
     * We must handle the case of shutting down the thread pool when it was started after the
     * reactor was run in a special way.
     *
     * <p>Some implementation background: The thread pool is started with callWhenRunning, which
     * only returns a system trigger ID when it is invoked before the reactor is started.
     *
     * <p>This is the case of the thread pool being created after the reactor is started.
     */
    @Test
    public void test_stopThreadPoolWhenStartedAfterReactorRan() {
        ReactorBase reactor = buildReactor();
        List<WeakReference<ThreadPool>> threadPoolRefs = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            threadPoolRefs.add(new WeakReference<>(reactor.getThreadPool()));
            reactor.stop();
        });
        runReactor(reactor);
        collect(threadPoolRefs.get(0));
        assertNull(threadPoolRefs.get(0).get());
    }

    /**
     * When the reactor has its shutdown event fired before it is run, the thread pool is
     * completely destroyed.
     *
     * <p>For what it's worth, the reason we support this behavior at all is because Trial does
     * this.
     *
     * <p>This is the case of the thread pool being created without the reactor being started at
     * all.
     */
    @Test
    public void test_cleanUpThreadPoolEvenBeforeReactorIsRun() {
        ReactorBase reactor = buildReactor();
        WeakReference<ThreadPool> threadPoolRef = new WeakReference<>(reactor.getThreadPool());
        reactor.fireSystemEvent("shutdown");
        collect(threadPoolRef);
        assertNull(threadPoolRef.get());
    }

    /**
     * The reactor registers itself as the I/O thread when it runs so that {@code isInIOThread}
     * returns true if it is called in the thread the reactor is running in.
     */
    @Test
    public void test_isInIOThread() {
        List<Boolean> results = new ArrayList<>();
        ReactorBase reactor = buildReactor();
        reactor.callWhenRunning(() -> {
            results.add(reactor.isInIOThread());
            reactor.stop();
        });
        runReactor(reactor);
        assertEquals(List.of(true), results);
    }

    /**
     * The reactor registers itself as the I/O thread when it runs so that {@code isInIOThread}
     * returns false if it is called in a different thread than the reactor is running in.
     */
    @Test
    public void test_isNotInIOThread() {
        List<Boolean> results = new ArrayList<>();
        ReactorBase reactor = buildReactor();
        reactor.callInThread(() -> {
            results.add(reactor.isInIOThread());
            reactor.callFromThread(reactor::stop);
        });
        runReactor(reactor);
        assertEquals(List.of(false), results);
    }
}
