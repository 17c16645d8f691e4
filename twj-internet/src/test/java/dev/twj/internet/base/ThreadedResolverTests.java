package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.DNSLookupError;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorThreads;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.task.Clock;
import dev.twj.python.failure.Failure;
import dev.twj.python.threadpool.ThreadPool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tests for {@link ThreadedResolver}. Port of
 * {@code twisted.internet.test.test_base.ThreadedResolverTests}.
 *
 * <p>Twisted patches {@code socket.gethostbyname}; here the resolver is given the fake lookup
 * through its package-private constructor.
 */
@Timeout(60)
class ThreadedResolverTests {
    /**
     * A fake reactor implementation which just supports enough reactor APIs for
     * {@link ThreadedResolver}.
     */
    static final class FakeReactor implements IReactorTime, IReactorThreads {
        final Clock clock = new Clock();
        final ThreadPool threadpool = new ThreadPool();
        final BlockingQueue<Runnable> threadCalls = new LinkedBlockingQueue<>();

        FakeReactor() {
            threadpool.start();
        }

        @Override
        public void callFromThread(Runnable callable) {
            threadCalls.add(callable);
        }

        void runThreadCalls() throws InterruptedException {
            Runnable f = threadCalls.poll(30, TimeUnit.SECONDS);
            assertNotNull(f, "no thread call within 30 seconds");
            f.run();
        }

        void stop() {
            threadpool.stop();
        }

        @Override
        public ThreadPool getThreadPool() {
            return threadpool;
        }

        @Override
        public double seconds() {
            return clock.seconds();
        }

        @Override
        public IDelayedCall callLater(double delay, Runnable callable) {
            return clock.callLater(delay, callable);
        }

        @Override
        public List<IDelayedCall> getDelayedCalls() {
            return clock.getDelayedCalls();
        }

        @Override
        public void callInThread(Runnable callable) {}

        @Override
        public void suggestThreadPoolSize(int size) {}
    }

    private final List<FakeReactor> reactors = new ArrayList<>();

    private FakeReactor fakeReactor() {
        FakeReactor reactor = new FakeReactor();
        reactors.add(reactor);
        return reactor;
    }

    @AfterEach
    void stopReactors() {
        for (FakeReactor r : reactors) {
            r.stop();
        }
    }

    /**
     * {@code getHostByName} returns a Deferred which fires with the value returned by the call
     * to {@code gethostbyname} in the threadpool of the reactor passed to the constructor.
     */
    @Test
    public void test_success() throws Exception {
        String ip = "10.0.0.17";
        String name = "foo.bar.example.com";
        int timeout = 30;
        FakeReactor reactor = fakeReactor();
        List<String> lookedUp = new ArrayList<>();
        List<String> resolvedTo = new ArrayList<>();
        ThreadedResolver resolver = new ThreadedResolver(reactor, n -> {
            lookedUp.add(n);
            return ip;
        });
        Deferred<String> d = resolver.getHostByName(name, List.of(timeout));
        d.addCallback(resolvedTo::add);
        reactor.runThreadCalls();
        assertEquals(List.of(name), lookedUp);
        assertEquals(List.of(ip), resolvedTo);
        // Make sure that any timeout-related stuff gets cleaned up.
        reactor.clock.advance(timeout + 1);
        assertEquals(List.of(), reactor.clock.getDelayedCalls());
    }

    /**
     * {@code getHostByName} returns a Deferred which fires a Failure if the call to
     * {@code gethostbyname} raises an exception.
     */
    @Test
    public void test_failure() throws Exception {
        int timeout = 30;
        FakeReactor reactor = fakeReactor();
        List<Failure> failedWith = new ArrayList<>();
        ThreadedResolver resolver = new ThreadedResolver(reactor, n -> {
            throw new IOException("ENOBUFS (this is a funny joke)");
        });
        Deferred<String> d = resolver.getHostByName("some.name", List.of(timeout));
        d.addErrback(f -> {
            f.trap(DNSLookupError.class);
            failedWith.add(f);
            return null;
        });
        reactor.runThreadCalls();
        assertEquals(1, failedWith.size());
        // Make sure that any timeout-related stuff gets cleaned up.
        reactor.clock.advance(timeout + 1);
        assertEquals(List.of(), reactor.clock.getDelayedCalls());
    }

    /**
     * If {@code gethostbyname} does not complete before the specified timeout elapsed, the
     * Deferred returned by {@code getHostByName} fails with {@link DNSLookupError}.
     */
    @Test
    public void test_timeout() throws Exception {
        int timeout = 10;
        FakeReactor reactor = fakeReactor();
        BlockingQueue<Exception> result = new LinkedBlockingQueue<>();
        ThreadedResolver resolver = new ThreadedResolver(reactor, n -> {
            throw result.take();
        });
        List<Failure> failedWith = new ArrayList<>();
        Deferred<String> d = resolver.getHostByName("some.name", List.of(timeout));
        d.addErrback(f -> {
            f.trap(DNSLookupError.class);
            failedWith.add(f);
            return null;
        });
        reactor.clock.advance(timeout - 1);
        assertEquals(List.of(), failedWith);
        reactor.clock.advance(1);
        assertEquals(1, failedWith.size());
        assertTrue(failedWith.get(0).getErrorMessage().contains("timeout error"));
        // Eventually the gethostbyname does finish - in this case, with an exception. Nobody
        // cares, though.
        result.add(new IOException("The I/O was errorful"));
    }
}
