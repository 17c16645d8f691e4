package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.logger.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Builder for defining tests relating to {@code IReactorTime}. Port of
 * {@code twisted.internet.test.test_time.TimeTestsBuilder}.
 */
@Timeout(120)
abstract class TimeTestsBuilder extends ReactorBuilder {
    private static final Logger log = new Logger(TimeTestsBuilder.class);

    /** The reactor can be stopped by a delayed call. */
    @Test
    public void test_delayedCallStopsReactor() {
        ReactorBase reactor = buildReactor();
        reactor.callLater(0, reactor::stop);
        reactor.run();
    }

    /**
     * Scheduling a delayed call at a point in the extreme future does not prevent normal reactor
     * operation.
     */
    @Test
    public void test_distantDelayedCall() {
        ReactorBase reactor = buildReactor();
        // Pick a pretty big delay.
        IDelayedCall delayedCall = reactor.callLater(Math.pow(2, 128) + 1, () -> {});
        Runnable stop = () -> {
            log.info("Stopping the reactor");
            reactor.stop();
        };
        // Use repeated invocation of the event source to set up the call to stop the reactor.
        // This makes it more likely at least one normal iteration will take place with the
        // delayed call in place before the slightly different reactor shutdown logic alters
        // things.
        eventSource(reactor, () -> eventSource(reactor, stop));
        // Run the reactor directly, without a timeout. A timeout would interfere with the purpose
        // of this test, which is to have the timeout passed to the reactor's doIteration
        // implementation (potentially) be very, very large.
        reactor.run();
        // The reactor almost surely stopped before the delayed call fired... right?
        assertTrue(delayedCall.active());
        assertTrue(reactor.getDelayedCalls().contains(delayedCall));
    }

    private static void eventSource(ReactorBase reactor, Runnable event) {
        log.info("Thread-based event-source scheduling {event}", "event", event);
        reactor.callFromThread(event);
    }
}
