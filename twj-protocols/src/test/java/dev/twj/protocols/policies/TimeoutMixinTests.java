package dev.twj.protocols.policies;

import static dev.twj.protocols.policies.PoliciesTestSupport.b;

import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.task.Clock;
import dev.twj.internet.testing.StringTransport;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;

/** Port of {@code twisted.test.test_policies.TimeoutMixinTests}: {@link TimeoutMixin}. */
class TimeoutMixinTests extends SynchronousTestCase {
    /**
     * A testable protocol with timeout facility: Twisted's {@code TimeoutTester(Protocol,
     * TimeoutMixin)}, holding its {@link TimeoutMixin}.
     */
    static final class TimeoutTester extends Protocol {
        final Clock clock;

        /** Set to true if a timeout has been detected. */
        boolean timedOut;

        final TimeoutMixin timeout = new TimeoutMixin(this) {
            /** Flags the timedOut variable to indicate the timeout of the connection. */
            @Override
            public void timeoutConnection() {
                timedOut = true;
            }

            /** Override callLater to use the deterministic clock. */
            @Override
            public IDelayedCall callLater(double period, Runnable func) {
                return TimeoutTester.this.clock.callLater(period, func);
            }
        };

        /** Initialize the protocol with a {@link Clock} object. */
        TimeoutTester(Clock clock) {
            this.clock = clock;
            timeout.timeOut = 3.0;
        }

        /** Upon connection, set the timeout. */
        @Override
        public void connectionMade() {
            timeout.setTimeout(timeout.timeOut);
        }

        /** Reset the timeout on data. */
        @Override
        public void dataReceived(byte[] data) {
            timeout.resetTimeout();
            super.dataReceived(data);
        }

        /** On connection lost, cancel all timeout operations. */
        @Override
        public void connectionLost(Failure reason) {
            timeout.setTimeout((Double) null);
        }
    }

    private Clock clock;
    private TimeoutTester proto;

    /** Create a testable, deterministic clock and a {@code TimeoutTester} instance. */
    public void setUp() {
        clock = new Clock();
        proto = new TimeoutTester(clock);
    }

    /** Test that the callLater of the clock is used instead of the reactor's callLater. */
    public void test_overriddenCallLater() {
        proto.timeout.setTimeout(10);
        assertEqual(clock.getDelayedCalls().size(), 1);
    }

    /** Check that the protocol does timeout at the time specified by its {@code timeOut} attribute. */
    public void test_timeout() {
        proto.makeConnection(new StringTransport());

        // timeOut value is 3
        clock.pump(0, 0.5, 1.0, 1.0);
        assertFalse(proto.timedOut);
        clock.pump(0, 1.0);
        assertTrue(proto.timedOut);
    }

    /** Check that receiving data is delaying the timeout of the connection. */
    public void test_noTimeout() {
        proto.makeConnection(new StringTransport());

        clock.pump(0, 0.5, 1.0, 1.0);
        assertFalse(proto.timedOut);
        proto.dataReceived(b("hello there"));
        clock.pump(0, 1.0, 1.0, 0.5);
        assertFalse(proto.timedOut);
        clock.pump(0, 1.0);
        assertTrue(proto.timedOut);
    }

    /**
     * Check that setting a new value for timeout cancel the previous value and install a new
     * timeout.
     */
    public void test_resetTimeout() {
        proto.timeout.timeOut = null;
        proto.makeConnection(new StringTransport());

        proto.timeout.setTimeout(1);
        assertEqual(proto.timeout.timeOut, 1.0);

        clock.pump(0, 0.9);
        assertFalse(proto.timedOut);
        clock.pump(0, 0.2);
        assertTrue(proto.timedOut);
    }

    /** Setting the timeout to null cancel any timeout operations. */
    public void test_cancelTimeout() {
        proto.timeout.timeOut = 5.0;
        proto.makeConnection(new StringTransport());

        proto.timeout.setTimeout((Double) null);
        assertIs(proto.timeout.timeOut, null);

        clock.pump(0, 5, 5, 5);
        assertFalse(proto.timedOut);
    }

    /** setTimeout should return the value of the previous timeout. */
    public void test_setTimeoutReturn() {
        proto.timeout.timeOut = 5.0;

        assertEqual(proto.timeout.setTimeout(10), 5.0);
        assertEqual(proto.timeout.setTimeout((Double) null), 10.0);
        assertIs(proto.timeout.setTimeout(1), null);
        assertEqual(proto.timeout.timeOut, 1.0);

        // Clean up the DelayedCall
        proto.timeout.setTimeout((Double) null);
    }

    /**
     * When the timeout was already cancelled from an external place, calling setTimeout with null
     * to explicitly cancel it will clean up the timeout without raising any exception.
     */
    public void test_setTimeoutCancleAlreadyCancelled() {
        proto.timeout.setTimeout(3);
        // We trigger an external cancelling of that timeout, for example when the reactor is
        // stopped.
        clock.getDelayedCalls().get(0).cancel();
        assertIsNot(proto.timeout.timeOut, null);

        proto.timeout.setTimeout((Double) null);

        assertIs(proto.timeout.timeOut, null);
    }
}
