package dev.twj.internet.udp;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;

/**
 * Trial's asynchronous test shape for these tests: run a fresh reactor until the test's Deferred
 * fires (10 second safety timeout).
 */
final class Harness {
    private Harness() {}

    /** Runs {@code reactor} until {@code d} fires; returns its result or fails with its failure. */
    static Object runUntil(SelectReactor reactor, Deferred<?> d) {
        Object[] outcome = new Object[1];
        boolean[] done = {false};
        d.addBoth(r -> {
            outcome[0] = r;
            done[0] = true;
            if (reactor.running()) {
                reactor.stop();
            }
            return null;
        });
        if (!done[0]) {
            IDelayedCall timeout = reactor.callLater(10, reactor::stop);
            reactor.run();
            if (timeout.active()) {
                timeout.cancel();
            }
        }
        if (!done[0]) {
            fail("Deferred did not fire within 10 seconds: " + d);
        }
        if (outcome[0] instanceof Failure f) {
            throw new AssertionError("Deferred failed: " + f.getErrorMessage(), f.value());
        }
        return outcome[0];
    }

}
