package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.python.failure.Failure;

/**
 * What trial does for a test that returns a Deferred, on a given reactor: runs it until the
 * Deferred fires, then stops it.
 */
final class ReactorSpinner {
    private ReactorSpinner() {}

    /** Seconds a test may take, as trial's default timeout. */
    static final double TIMEOUT = 120;

    /**
     * Runs {@code reactor} until {@code d} fires, and returns its result; if it failed, throws the
     * failure's exception (an assertion error raised in a callback fails the test).
     */
    static Object waitFor(ReactorBase reactor, Deferred<?> d) {
        Object[] result = new Object[1];
        boolean[] done = {false};
        d.addBoth(r -> {
            result[0] = r;
            done[0] = true;
            reactor.callLater(0, reactor::stop);
            return null;
        });
        IDelayedCall timeout = reactor.callLater(TIMEOUT, reactor::stop);
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
}
