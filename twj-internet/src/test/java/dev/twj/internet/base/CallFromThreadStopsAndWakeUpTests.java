package dev.twj.internet.base;

import static dev.twj.internet.base.ReactorSpinner.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.selectreactor.SelectReactor;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of {@code twisted.test.test_internet.CallFromThreadStopsAndWakeUpTests}, on a new
 * {@link SelectReactor} per test instead of the global reactor.
 */
@Timeout(120)
class CallFromThreadStopsAndWakeUpTests {
    private final SelectReactor reactor = new SelectReactor();
    private boolean stopped;

    /** Make sure other threads can wake up the reactor. */
    @Test
    public void testWakeUp() {
        Deferred<Object> d = new Deferred<>();
        reactor.callInThread(() -> {
            LockSupport.parkNanos(100_000_000L); // Twisted's time.sleep(0.1), in the pool thread
            // callFromThread will call wakeUp for us
            reactor.callFromThread(() -> d.callback(null));
        });
        waitFor(reactor, d);
    }

    private void callFromThreadCallback(Deferred<Object> d) {
        reactor.callFromThread(() -> callFromThreadCallback2(d));
        reactor.callLater(0, () -> stopped = true);
    }

    private void callFromThreadCallback2(Deferred<Object> d) {
        try {
            assertTrue(stopped);
        } catch (Throwable t) {
            // Send the error to the deferred
            d.errback(t);
            return;
        }
        d.callback(null);
    }

    /**
     * Ensure that callFromThread from inside a callFromThread callback doesn't sit in an infinite
     * loop and lets other things happen too.
     */
    @Test
    public void testCallFromThreadStops() {
        stopped = false;
        Deferred<Object> d = new Deferred<>();
        reactor.callFromThread(() -> callFromThreadCallback(d));
        waitFor(reactor, d);
    }
}
