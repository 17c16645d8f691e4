package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ReactorAlreadyRunning;
import dev.twj.internet.error.ReactorNotRestartable;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorFDSet;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Builder defining tests relating to {@code IReactorCore.addSystemEventTrigger} and
 * {@code IReactorCore.fireSystemEvent}. Port of
 * {@code twisted.internet.test.test_core.SystemEventTestsBuilder}.
 */
@Timeout(120)
abstract class SystemEventTestsBuilder extends ReactorBuilder {
    /**
     * {@code reactor.stop()} raises {@code RuntimeError} when called when the reactor has not
     * been started.
     */
    @Test
    public void test_stopWhenNotStarted() {
        ReactorBase reactor = buildReactor();
        assertThrows(RuntimeException.class, reactor::stop);
    }

    /**
     * {@code reactor.stop()} raises {@code RuntimeError} when called after the reactor has been
     * stopped.
     */
    @Test
    public void test_stopWhenAlreadyStopped() {
        ReactorBase reactor = buildReactor();
        reactor.callWhenRunning(reactor::stop);
        runReactor(reactor);
        assertThrows(RuntimeException.class, reactor::stop);
    }

    /** Functions are run in the order that they were passed to {@code reactor.callWhenRunning}. */
    @Test
    public void test_callWhenRunningOrder() {
        ReactorBase reactor = buildReactor();
        List<String> events = new ArrayList<>();
        reactor.callWhenRunning(() -> events.add("first"));
        reactor.callWhenRunning(() -> events.add("second"));
        reactor.callWhenRunning(reactor::stop);
        runReactor(reactor);
        assertEquals(List.of("first", "second"), events);
    }

    /**
     * The reactor is not running when "before" "startup" triggers are called and is running when
     * "during" and "after" "startup" triggers are called.
     */
    @Test
    public void test_runningForStartupEvents() {
        ReactorBase reactor = buildReactor();
        Map<String, Boolean> state = new LinkedHashMap<>();
        reactor.addSystemEventTrigger("before", "startup", () -> state.put("before", reactor.running()));
        reactor.addSystemEventTrigger("during", "startup", () -> state.put("during", reactor.running()));
        reactor.addSystemEventTrigger("after", "startup", () -> state.put("after", reactor.running()));
        reactor.callWhenRunning(reactor::stop);
        assertEquals(Map.of(), state);
        runReactor(reactor);
        assertEquals(Map.of("before", false, "during", true, "after", true), state);
    }

    /**
     * Signal handlers are installed in response to the "during" "startup".
     *
     * <p>Twisted patches {@code signal.signal} to see when it is called; the JVM's equivalent,
     * {@code Runtime.addShutdownHook}, cannot be patched, so the triggers read
     * {@link ReactorBase#signalHandlersInstalled()} instead.
     */
    @Test
    public void test_signalHandlersInstalledDuringStartup() {
        ReactorBase reactor = buildReactor();
        String[] phase = {null};
        List<String> sawPhase = new ArrayList<>();
        reactor.addSystemEventTrigger("before", "startup", () -> {
            phase[0] = "before";
            return sawInstalled(reactor, sawPhase, phase[0]);
        });
        reactor.addSystemEventTrigger("after", "startup", () -> {
            phase[0] = "after";
            return sawInstalled(reactor, sawPhase, phase[0]);
        });
        reactor.callWhenRunning(reactor::stop);
        assertEquals(null, phase[0]);
        assertEquals(List.of(), sawPhase);
        runReactor(reactor);
        // Not installed yet in "before"; installed by "after", so during "during".
        assertEquals(List.of("after"), sawPhase);
        assertEquals("after", phase[0]);
        assertFalse(reactor.signalHandlersInstalled(), "uninstalled when run returns");
    }

    private static Object sawInstalled(ReactorBase reactor, List<String> sawPhase, String phase) {
        if (reactor.signalHandlersInstalled()) {
            sawPhase.add(phase);
        }
        return null;
    }

    /**
     * {@code reactor.stop()} fires all three phases of shutdown event triggers before it makes
     * {@code reactor.run()} return.
     */
    @Test
    public void test_stopShutDownEvents() {
        ReactorBase reactor = buildReactor();
        List<List<String>> events = new ArrayList<>();
        reactor.addSystemEventTrigger("before", "shutdown", () -> events.add(List.of("before", "shutdown")));
        reactor.addSystemEventTrigger("during", "shutdown", () -> events.add(List.of("during", "shutdown")));
        reactor.addSystemEventTrigger("after", "shutdown", () -> events.add(List.of("after", "shutdown")));
        reactor.callWhenRunning(reactor::stop);
        runReactor(reactor);
        assertEquals(
                List.of(List.of("before", "shutdown"), List.of("during", "shutdown"),
                        List.of("after", "shutdown")),
                events);
    }

    /** "before" "shutdown" triggers are not run synchronously from {@code reactor.stop}. */
    @Test
    public void test_shutdownFiresTriggersAsynchronously() {
        ReactorBase reactor = buildReactor();
        List<String> events = new ArrayList<>();
        reactor.addSystemEventTrigger("before", "shutdown", () -> events.add("before shutdown"));
        reactor.callWhenRunning(() -> {
            reactor.stop();
            events.add("stopped");
        });
        assertEquals(List.of(), events);
        runReactor(reactor);
        assertEquals(List.of("stopped", "before shutdown"), events);
    }

    /** A file descriptor registered with a real channel, for {@link #test_shutdownDisconnectsCleanly}. */
    private abstract static class PipeDescriptor implements IReadDescriptor {
        final Pipe pipe;

        PipeDescriptor() throws IOException {
            pipe = Pipe.open();
            pipe.source().configureBlocking(false);
        }

        @Override
        public SelectableChannel fileno() {
            return pipe.source();
        }

        @Override
        public Object doRead() {
            return null;
        }

        @Override
        public String logPrefix() {
            return getClass().getSimpleName();
        }

        void close() throws IOException {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    /**
     * An {@code IFileDescriptor.connectionLost} implementation which raises an exception does not
     * prevent the remaining {@code IFileDescriptor}s from having their {@code connectionLost}
     * method called.
     *
     * <p>Twisted patches {@code removeAll} to return the problematic descriptor first; here both
     * are registered for real, in that order, which is the order removeAll returns them in.
     */
    @Test
    public void test_shutdownDisconnectsCleanly() throws IOException {
        boolean[] lostOK = {false};
        ReactorBase reactor = buildReactor();
        Assumptions.assumeTrue(reactor instanceof IReactorFDSet, "reactor does not provide IReactorFDSet");
        IReactorFDSet fdset = (IReactorFDSet) reactor;
        PipeDescriptor problematic = new PipeDescriptor() {
            @Override
            public void connectionLost(Failure reason) {
                throw new RuntimeException("simulated connectionLost error");
            }
        };
        PipeDescriptor ok = new PipeDescriptor() {
            @Override
            public void connectionLost(Failure reason) {
                lostOK[0] = true;
            }
        };
        try {
            fdset.addReader(problematic);
            fdset.addReader(ok);
            assertEquals(List.of(problematic, ok), fdset.getReaders());
            reactor.callWhenRunning(reactor::stop);
            runReactor(reactor);
            assertEquals(1, flushLoggedErrors(RuntimeException.class).size());
            assertTrue(lostOK[0]);
        } finally {
            problematic.close();
            ok.close();
        }
    }

    /**
     * {@code reactor.run()} raises {@link ReactorAlreadyRunning} when called when the reactor is
     * already running.
     */
    @Test
    public void test_multipleRun() {
        List<String> events = new ArrayList<>();
        ReactorBase reactor = buildReactor();
        reactor.callWhenRunning(() -> {
            assertThrows(ReactorAlreadyRunning.class, reactor::run);
            events.add("tested");
        });
        reactor.callWhenRunning(reactor::stop);
        runReactor(reactor);
        assertEquals(List.of("tested"), events);
    }

    /**
     * When there is a "before" "startup" trigger which returns an unfired Deferred,
     * {@code reactor.run()} starts the reactor and does not return until after
     * {@code reactor.stop()} is called.
     */
    @Test
    public void test_runWithAsynchronousBeforeStartupTrigger() {
        List<String> events = new ArrayList<>();
        ReactorBase reactor = buildReactor();
        reactor.addSystemEventTrigger("before", "startup", () -> {
            events.add("trigger");
            Deferred<Object> d = new Deferred<>();
            d.addCallback(ignored -> {
                events.add("callback");
                reactor.stop();
                return null;
            });
            reactor.callLater(0, () -> d.callback(null));
            return d;
        });
        runReactor(reactor);
        assertEquals(List.of("trigger", "callback"), events);
    }

    /** {@code reactor.iterate()} does not block. */
    @Test
    public void test_iterate() {
        ReactorBase reactor = buildReactor();
        IDelayedCall t = reactor.callLater(5, reactor::crash);
        long start = System.nanoTime();
        reactor.iterate(0); // Shouldn't block
        double elapsed = (System.nanoTime() - start) / 1e9;
        assertTrue(elapsed < 2);
        t.cancel();
    }

    /** {@code reactor.crash()} stops the reactor and does not fire shutdown triggers. */
    @Test
    public void test_crash() {
        ReactorBase reactor = buildReactor();
        List<List<String>> events = new ArrayList<>();
        reactor.addSystemEventTrigger("before", "shutdown", () -> events.add(List.of("before", "shutdown")));
        reactor.callWhenRunning(() -> reactor.callLater(0, reactor::crash));
        runReactor(reactor);
        assertFalse(reactor.running());
        assertTrue(events.isEmpty(), "Shutdown triggers invoked but they should not have been.");
    }

    /**
     * {@code reactor.run()} restarts the reactor after it has been stopped by
     * {@code reactor.crash()}.
     */
    @Test
    public void test_runAfterCrash() {
        List<Object> events = new ArrayList<>();
        ReactorBase reactor = buildReactor();
        reactor.callWhenRunning(() -> {
            events.add("crash");
            reactor.crash();
        });
        runReactor(reactor);
        reactor.callWhenRunning(() -> {
            events.add(List.of("stop", reactor.running()));
            reactor.stop();
        });
        runReactor(reactor);
        assertEquals(List.of("crash", List.of("stop", true)), events);
    }

    /**
     * {@code reactor.run()} raises {@link ReactorNotRestartable} when called when the reactor is
     * being run after getting stopped priorly.
     */
    @Test
    public void test_runAfterStop() {
        List<String> events = new ArrayList<>();
        ReactorBase reactor = buildReactor();
        reactor.callWhenRunning(reactor::stop);
        reactor.addSystemEventTrigger("after", "shutdown", () -> {
            assertThrows(ReactorNotRestartable.class, reactor::run);
            return events.add("tested");
        });
        runReactor(reactor);
        assertEquals(List.of("tested"), events);
    }
}
