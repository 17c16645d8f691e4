package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Format;
import dev.twj.logger.LogLevel;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Twisted's {@code twisted.internet.test.reactormixins.ReactorBuilder}: the tests of a builder
 * subclass are written once against {@link #buildReactor()}, and a concrete class per reactor
 * implementation (named as Twisted's generated ones, {@code <Builder>_SelectReactorTests})
 * supplies {@link #reactorFactory()}.
 *
 * <p>As trial does, a test fails if it logged an error that it did not
 * {@linkplain #flushLoggedErrors flush}. After each test the reactors it built are cleaned up:
 * descriptors disconnected, timed calls cancelled, thread pool stopped.
 */
abstract class ReactorBuilder {
    /** Seconds {@link #runReactor(ReactorBase)} lets the reactor run (trial's default is 120). */
    static final double DEFAULT_TIMEOUT = 60;

    private final List<ReactorBase> built = new ArrayList<>();
    private final Set<Map<String, Object>> flushed = Collections.newSetFromMap(new IdentityHashMap<>());
    private CapturedLogs logs;

    /** Creates a new reactor of the implementation under test. */
    protected abstract ReactorBase reactorFactory();

    @BeforeEach
    final void captureLogs() {
        logs = CapturedLogs.capture();
    }

    @AfterEach
    final void unbuildReactorsAndCheckLogs() {
        try {
            for (ReactorBase reactor : built) {
                unbuildReactor(reactor);
            }
            Defer.collectUnhandledErrors();
            StringBuilder errors = new StringBuilder();
            for (Map<String, Object> event : logs.events()) {
                Object level = event.get("log_level");
                if (!flushed.contains(event) && (event.containsKey("log_failure")
                        || level == LogLevel.error || level == LogLevel.critical)) {
                    errors.append(Format.formatEvent(event)).append('\n');
                }
            }
            if (errors.length() > 0) {
                fail("errors were logged during the test:\n" + errors);
            }
        } finally {
            logs.close();
        }
    }

    private static void unbuildReactor(ReactorBase reactor) {
        reactor.disconnectAll();
        for (IDelayedCall c : reactor.getDelayedCalls()) {
            c.cancel();
        }
        reactor.stopThreadPool();
    }

    /** Creates and returns a reactor using {@link #reactorFactory()}; it is cleaned up after the test. */
    ReactorBase buildReactor() {
        ReactorBase reactor = reactorFactory();
        built.add(reactor);
        return reactor;
    }

    /** Runs the reactor for at most {@link #DEFAULT_TIMEOUT} seconds. */
    void runReactor(ReactorBase reactor) {
        runReactor(reactor, DEFAULT_TIMEOUT);
    }

    /**
     * Runs the reactor for at most {@code timeout} seconds: if it still runs then, it is stopped
     * and the test fails.
     */
    void runReactor(ReactorBase reactor, double timeout) {
        boolean[] timedOut = {false};
        IDelayedCall timedOutCall = reactor.callLater(timeout, () -> {
            timedOut[0] = true;
            reactor.stop();
        });
        reactor.run();
        if (timedOut[0]) {
            fail("reactor still running after " + timeout + " seconds");
        } else if (timedOutCall.active()) {
            timedOutCall.cancel();
        }
    }

    /**
     * Returns the failures of the given types logged so far in this test, and marks them as
     * expected (trial's {@code flushLoggedErrors}).
     */
    List<Failure> flushLoggedErrors(Class<?>... types) {
        List<Failure> result = new ArrayList<>();
        for (Map<String, Object> event : logs.events()) {
            if (event.get("log_failure") instanceof Failure f && !flushed.contains(event)
                    && (types.length == 0 || f.check(types) != null)) {
                flushed.add(event);
                result.add(f);
            }
        }
        return result;
    }
}
