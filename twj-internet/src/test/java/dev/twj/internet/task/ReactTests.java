package dev.twj.internet.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ReactorNotRunning;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorCore;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.logger.CapturedLogs;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.test.test_task.ReactTests}: tests for {@link Task#react}.
 *
 * <p>Twisted's {@code sys.exit} raises {@code SystemExit} and its tests catch it; here the exit
 * callback throws {@link SystemExit} and the tests catch that. Not ported:
 * {@code test_defaultReactor} (it installs the fake reactor as the global one; twj's global
 * reactor is a {@code SelectReactor} installed at most once per JVM, so a fake cannot be installed
 * from a test; {@code react(main, argv...)} uses {@code Reactor.reactor()}).
 */
class ReactTests {
    private CapturedLogs logs;

    @BeforeEach
    void setUp() {
        logs = CapturedLogs.capture();
    }

    @AfterEach
    void tearDown() {
        logs.close();
    }

    /** Twisted's {@code _FakeReactor}: a reactor that runs a {@link Clock}'s calls in order. */
    static final class FakeReactor implements IReactorCore, IReactorTime {
        private boolean running;
        private final Clock clock = new Clock();
        private List<Runnable> whenRunning = new ArrayList<>();
        private Map<String, List<Callable<?>>> shutdownTriggers = new HashMap<>(
                Map.of("before", new ArrayList<>(), "during", new ArrayList<>()));

        @Override
        public IDelayedCall callLater(double delay, Runnable callable) {
            return clock.callLater(delay, callable);
        }

        @Override
        public double seconds() {
            return clock.seconds();
        }

        @Override
        public List<IDelayedCall> getDelayedCalls() {
            return clock.getDelayedCalls();
        }

        @Override
        public Object callWhenRunning(Runnable callable) {
            if (whenRunning == null) {
                callable.run();
            } else {
                whenRunning.add(callable);
            }
            return null;
        }

        @Override
        public Object addSystemEventTrigger(String phase, String eventType, Callable<?> callable) {
            if (!phase.equals("before") && !phase.equals("during")) {
                throw new AssertionError(phase);
            }
            assertEquals("shutdown", eventType);
            shutdownTriggers.get(phase).add(callable);
            return null;
        }

        /**
         * Call timed events until there are no more or the reactor is stopped.
         *
         * @throws IllegalStateException when no timed events are left and the reactor is still
         *     running (Twisted's RuntimeError)
         */
        @Override
        public void run() {
            running = true;
            List<Runnable> calls = whenRunning;
            whenRunning = null;
            for (Runnable callable : calls) {
                callable.run();
            }
            while (running) {
                List<IDelayedCall> delayed = getDelayedCalls();
                if (delayed.isEmpty()) {
                    throw new IllegalStateException("No DelayedCalls left");
                }
                double next = delayed.stream().mapToDouble(IDelayedCall::getTime).min().orElseThrow();
                clock.advance(next - seconds());
            }
            Map<String, List<Callable<?>>> triggers = shutdownTriggers;
            shutdownTriggers = null;
            List<Callable<?>> all = new ArrayList<>(triggers.get("before"));
            all.addAll(triggers.get("during"));
            for (Callable<?> trigger : all) {
                try {
                    trigger.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        /** Stop the reactor. */
        @Override
        public void stop() {
            if (!running) {
                throw new ReactorNotRunning();
            }
            running = false;
        }

        @Override
        public boolean running() {
            return running;
        }

        @Override
        public Deferred<String> resolve(String name, List<Integer> timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void crash() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void iterate(double delay) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void fireSystemEvent(String eventType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeSystemEventTrigger(Object triggerID) {
            throw new UnsupportedOperationException();
        }
    }

    /** The exit callback: raises like Python's {@code sys.exit}. */
    private static final IntConsumer EXIT = code -> {
        throw new SystemExit(code);
    };

    private static SystemExit react(Task.ReactMain<? super FakeReactor> main, List<?> argv, FakeReactor r) {
        return assertThrows(SystemExit.class, () -> Task.react(main, argv, r, EXIT));
    }

    private int flushLoggedErrors(Class<?> type) {
        int n = 0;
        for (Map<String, Object> event : logs.events()) {
            if (event.get("log_failure") instanceof Failure f && type.isInstance(f.value())) {
                n++;
            }
        }
        return n;
    }

    static final class ExpectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * react runs the reactor until the Deferred returned by the function it is passed is called
     * back, then stops it.
     */
    @Test
    public void test_runsUntilAsyncCallback() {
        List<Boolean> timePassed = new ArrayList<>();
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> {
            Deferred<Void> finished = new Deferred<>();
            reactor.callLater(1, () -> timePassed.add(true));
            reactor.callLater(2, () -> finished.callback(null));
            return finished;
        }, List.of(), r);
        assertEquals(0, exitError.code());
        assertEquals(List.of(true), timePassed);
        assertEquals(2, r.seconds());
    }

    /**
     * react returns quickly if the Deferred returned by the function it is passed has already
     * been called back at the time it is returned.
     */
    @Test
    public void test_runsUntilSyncCallback() {
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> Defer.succeed(null), List.of(), r);
        assertEquals(0, exitError.code());
        assertEquals(0, r.seconds());
    }

    /**
     * react runs the reactor until the Deferred returned by the function it is passed is
     * errbacked, then it stops the reactor and reports the error.
     */
    @Test
    public void test_runsUntilAsyncErrback() {
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> {
            Deferred<Void> finished = new Deferred<>();
            reactor.callLater(1, () -> finished.errback(new Failure(new ExpectedException())));
            return finished;
        }, List.of(), r);
        assertEquals(1, exitError.code());
        assertEquals(1, flushLoggedErrors(ExpectedException.class));
    }

    /**
     * react returns quickly if the Deferred returned by the function it is passed has already
     * been errbacked at the time it is returned.
     */
    @Test
    public void test_runsUntilSyncErrback() {
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> Defer.fail(new ExpectedException()), List.of(), r);
        assertEquals(1, exitError.code());
        assertEquals(0, r.seconds());
        assertEquals(1, flushLoggedErrors(ExpectedException.class));
    }

    /**
     * react doesn't try to stop the reactor if the Deferred the function it is passed is called
     * back after the reactor has already been stopped.
     */
    @Test
    public void test_singleStopCallback() {
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> {
            reactor.callLater(1, reactor::stop);
            Deferred<Void> finished = new Deferred<>();
            reactor.addSystemEventTrigger("during", "shutdown", () -> {
                finished.callback(null);
                return null;
            });
            return finished;
        }, List.of(), r);
        assertEquals(1, r.seconds());
        assertEquals(0, exitError.code());
    }

    /**
     * react doesn't try to stop the reactor if the Deferred the function it is passed is
     * errbacked after the reactor has already been stopped.
     */
    @Test
    public void test_singleStopErrback() {
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> {
            reactor.callLater(1, reactor::stop);
            Deferred<Void> finished = new Deferred<>();
            reactor.addSystemEventTrigger("during", "shutdown", () -> {
                finished.errback(new Failure(new ExpectedException()));
                return null;
            });
            return finished;
        }, List.of(), r);
        assertEquals(1, exitError.code());
        assertEquals(1, r.seconds());
        assertEquals(1, flushLoggedErrors(ExpectedException.class));
    }

    /**
     * react passes the elements of the list it is passed as positional arguments to the function
     * it is passed.
     */
    @Test
    public void test_arguments() {
        List<Object> args = new ArrayList<>();
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> {
            Object x = argv[0];
            Object y = argv[1];
            Object z = argv[2];
            args.addAll(List.of(x, y, z));
            return Defer.succeed(null);
        }, List.of(1, 2, 3), r);
        assertEquals(0, exitError.code());
        assertEquals(List.of(1, 2, 3), args);
    }

    /**
     * react forwards the exit code specified by the SystemExit error returned by the passed
     * function, if any.
     */
    @Test
    public void test_exitWithDefinedCode() {
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> Defer.fail(new SystemExit(23)), List.of(), r);
        assertEquals(23, exitError.code());
    }

    /** react handles when the reactor is stopped just before the returned Deferred fires. */
    @Test
    public void test_synchronousStop() {
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> {
            Deferred<Void> d = new Deferred<>();
            reactor.callWhenRunning(() -> {
                reactor.stop();
                d.callback(null);
            });
            return d;
        }, List.of(), r);
        assertEquals(0, exitError.code());
    }

    /** react handles when the reactor is stopped and the returned Deferred doesn't fire. */
    @Test
    public void test_asynchronousStop() {
        FakeReactor r = new FakeReactor();
        SystemExit exitError = react((reactor, argv) -> {
            reactor.callLater(1, reactor::stop);
            return new Deferred<Void>();
        }, List.of(), r);
        assertEquals(0, exitError.code());
    }
}
