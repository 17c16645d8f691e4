package dev.twj.internet.threads;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;

/**
 * What trial does for a test that returns a Deferred: runs the global reactor until the Deferred
 * fires, then crashes it so that the next test can run it again.
 */
final class GlobalReactorSpinner {
    private GlobalReactorSpinner() {}

    /** Seconds a test may take, as trial's default timeout. */
    static final double TIMEOUT = 120;

    /**
     * Runs the global reactor until {@code d} fires, and returns its result; if it failed, throws
     * the failure's exception (an assertion error raised in a callback fails the test).
     */
    static Object waitFor(Deferred<?> d) {
        SelectReactor reactor = Reactor.reactor();
        Object[] result = new Object[1];
        boolean[] done = {false};
        d.addBoth(r -> {
            result[0] = r;
            done[0] = true;
            reactor.callLater(0, reactor::crash);
            return null;
        });
        IDelayedCall timeout = reactor.callLater(TIMEOUT, reactor::crash);
        reactor.run(false);
        if (timeout.active()) {
            timeout.cancel();
        }
        if (!done[0]) {
            fail("test timed out after " + TIMEOUT + " seconds");
        }
        if (result[0] instanceof Failure f) {
            throw f.raiseException();
        }
        return result[0];
    }

    /**
     * Runs the global reactor until {@code d} fires and checks that it failed with a
     * {@code type}, which it returns (trial's {@code assertFailure}).
     */
    static <E extends Throwable> E assertFailure(Deferred<?> d, Class<E> type) {
        Object[] outcome = new Object[1];
        Deferred<Object> checked = d.addBoth(r -> {
            outcome[0] = r;
            return null;
        });
        waitFor(checked);
        if (outcome[0] instanceof Failure f) {
            if (f.check(type) == null) {
                throw new AssertionError("expected " + type.getName() + ", got " + f.type().getName(), f.value());
            }
            return type.cast(f.value());
        }
        throw new AssertionError("expected " + type.getName() + ", got result " + outcome[0]);
    }

    /**
     * Trial's janitor after each test class: stops the global reactor's threadpool, so that the
     * next class gets a new one.
     */
    static void cleanThreads() {
        Reactor.reactor().stopThreadPool();
    }
}
