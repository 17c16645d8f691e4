package dev.twj.internet.selectreactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ReactorNotRestartable;
import dev.twj.internet.error.ReactorNotRunning;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.logger.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reactor core on a real selector: timed calls, threads and system events. */
@Timeout(30)
class SelectReactorBehaviourTests {
    @Test
    public void timedCallsRunInTimeOrderAndZeroDelayCallsAddedDuringAPassRunInTheNext() {
        SelectReactor reactor = new SelectReactor();
        List<String> order = new ArrayList<>();
        // All three are due by the first pass; a2, added during it with delay 0, waits a pass.
        reactor.callLater(0.002, () -> order.add("c"));
        reactor.callLater(0, () -> {
            order.add("a");
            reactor.callLater(0, () -> {
                order.add("a2");
                reactor.stop();
            });
        });
        reactor.callLater(0, () -> order.add("b"));
        sleepPast(0.003);
        reactor.run();
        assertEquals(List.of("a", "b", "c", "a2"), order);
    }

    private static void sleepPast(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    public void anExceptionInATimedCallIsLoggedAndTheLoopGoesOn() {
        SelectReactor reactor = new SelectReactor();
        List<String> order = new ArrayList<>();
        try (CapturedLogs logs = CapturedLogs.capture()) {
            reactor.callLater(0, () -> {
                throw new IllegalStateException("boom");
            });
            reactor.callLater(0.01, () -> order.add("after"));
            reactor.callLater(0.02, reactor::stop);
            reactor.run();
            assertEquals(List.of("after"), order);
            assertTrue(logs.events().stream().anyMatch(
                    e -> "while handling timed call".equals(e.get("log_format"))));
        }
    }

    @Test
    public void cancelledAndResetCallsBehave() {
        SelectReactor reactor = new SelectReactor();
        List<String> order = new ArrayList<>();
        IDelayedCall cancelled = reactor.callLater(0.01, () -> order.add("cancelled"));
        IDelayedCall moved = reactor.callLater(10, () -> {
            order.add("moved");
            reactor.callLater(0.02, reactor::stop);
        });
        reactor.callLater(0, () -> moved.reset(0.02));
        cancelled.cancel();
        reactor.run();
        assertEquals(List.of("moved"), order);
        assertFalse(moved.active());
    }

    @Test
    public void callFromThreadWakesTheReactorAndRunsInOrder() throws Exception {
        SelectReactor reactor = new SelectReactor();
        List<Integer> seen = new ArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        reactor.callWhenRunning(running::countDown);
        Thread loop = new Thread(reactor::run, "reactor");
        loop.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            int n = i;
            reactor.callFromThread(() -> seen.add(n));
        }
        reactor.callFromThread(reactor::stop);
        loop.join(10_000);
        assertFalse(loop.isAlive());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
    }

    @Test
    public void shutdownWaitsForABeforeTriggerDeferredThenRunsDuringAndAfter() {
        SelectReactor reactor = new SelectReactor();
        List<String> order = new ArrayList<>();
        reactor.addSystemEventTrigger("after", "shutdown", () -> order.add("after"));
        reactor.addSystemEventTrigger("during", "shutdown", () -> order.add("during"));
        reactor.addSystemEventTrigger("before", "shutdown", () -> {
            order.add("before");
            Deferred<Void> d = new Deferred<>();
            reactor.callLater(0.02, () -> {
                order.add("before fired");
                d.callback(null);
            });
            return d;
        });
        reactor.callWhenRunning(reactor::stop);
        reactor.run();
        assertEquals(List.of("before", "before fired", "during", "after"), order);
        assertFalse(reactor.running());
        assertThrows(ReactorNotRestartable.class, reactor::run);
    }

    @Test
    public void stopWhenNotRunningRaises() {
        assertThrows(ReactorNotRunning.class, () -> new SelectReactor().stop());
    }

    @Test
    public void deferredWorkInTheThreadPoolComesBackOnTheReactorThread() {
        SelectReactor reactor = new SelectReactor();
        List<String> threads = new ArrayList<>();
        reactor.callWhenRunning(() -> reactor.callInThread(() -> {
            String worker = Thread.currentThread().getName();
            reactor.callFromThread(() -> {
                threads.add(worker);
                threads.add(Thread.currentThread().getName());
                reactor.stop();
            });
        }));
        Thread loop = Thread.currentThread();
        reactor.run();
        assertTrue(threads.get(0).startsWith("PoolThread-twisted.internet.reactor-"), threads.get(0));
        assertEquals(loop.getName(), threads.get(1));
    }
}
