package dev.twj.internet.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.threadpool.ThreadPool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Java-only tests of {@link Threads}, on a reactor running in its own thread. */
@Timeout(60)
class ThreadsBehaviourTests {
    private SelectReactor reactor;
    private Thread loop;

    @BeforeEach
    void startReactor() throws InterruptedException {
        reactor = new SelectReactor();
        CountDownLatch running = new CountDownLatch(1);
        reactor.callWhenRunning(running::countDown);
        loop = new Thread(() -> reactor.run(false), "reactor");
        loop.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
    }

    @AfterEach
    void stopReactor() throws InterruptedException {
        reactor.callFromThread(reactor::stop);
        loop.join(10_000);
        assertFalse(loop.isAlive());
    }

    @Test
    public void blockingCallFromThreadRefusesToRunInTheReactorThread() throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        reactor.callFromThread(() -> {
            try {
                Threads.blockingCallFromThread(reactor, () -> "never");
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        assertTrue(thrown.get(10, TimeUnit.SECONDS) instanceof IllegalStateException);
    }

    @Test
    public void blockingCallFromThreadRunsInTheReactorThreadAndReturnsAPlainResult() {
        String result = Threads.blockingCallFromThread(reactor, () -> Thread.currentThread().getName());
        assertEquals("reactor", result);
    }

    @Test
    public void blockingCallFromThreadRethrowsWhatTheFunctionThrowsEvenChecked() {
        IOException e = new IOException("checked");
        Exception thrown = assertThrows(Exception.class, () -> Threads.blockingCallFromThread(reactor, () -> {
            throw e;
        }));
        assertSame(e, thrown);
    }

    @Test
    public void blockingCallFromThreadDeferredReturnsTheDeferredsResult() {
        Integer result = Threads.blockingCallFromThreadDeferred(reactor, () -> {
            Deferred<Integer> d = new Deferred<>();
            reactor.callLater(0.01, () -> d.callback(42));
            return d;
        });
        assertEquals(42, result);
    }

    @Test
    public void deferToThreadPoolRunsInThePoolAndFiresInTheReactorThread() throws Exception {
        ThreadPool pool = new ThreadPool(0, 2, "behaviour");
        pool.start();
        try {
            CompletableFuture<List<String>> names = new CompletableFuture<>();
            reactor.callFromThread(() -> Threads.deferToThreadPool(reactor, pool, () -> Thread.currentThread().getName())
                    .addCallback(worker -> names.complete(List.of(worker, Thread.currentThread().getName()))));
            List<String> got = names.get(10, TimeUnit.SECONDS);
            assertTrue(got.get(0).startsWith("PoolThread-behaviour-"), got.get(0));
            assertEquals("reactor", got.get(1));
        } finally {
            pool.stop();
        }
    }

    @Test
    public void threadPoolWithMaxZeroHoldsWorkUntilItMayRunThreads() throws Exception {
        ThreadPool pool = new ThreadPool(0, 0, null);
        pool.start();
        try {
            List<String> ran = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(1);
            pool.callInThread(() -> {
                ran.add("work");
                done.countDown();
            });
            assertEquals(1, pool.queued());
            assertEquals(0, pool.threadCount());
            pool.adjustPoolsize(0, 1);
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("work"), ran);
        } finally {
            pool.stop();
        }
    }
}
