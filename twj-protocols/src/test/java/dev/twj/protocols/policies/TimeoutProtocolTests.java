package dev.twj.protocols.policies;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.task.Clock;
import dev.twj.internet.testing.StringTransportWithDisconnection;
import dev.twj.protocols.policies.PoliciesTestSupport.SimpleProtocol;
import dev.twj.protocols.policies.PoliciesTestSupport.TestableTimeoutFactory;
import dev.twj.trial.unittest.SynchronousTestCase;

/** Port of {@code twisted.test.test_policies.TimeoutProtocolTests}: {@link TimeoutProtocol}. */
class TimeoutProtocolTests extends SynchronousTestCase {
    private Clock clock;

    /** Helper to set up an already connected protocol to be tested; sets {@link #clock}. */
    private TimeoutProtocol getProtocolAndClock() {
        clock = new Clock();

        ServerFactory wrappedFactory = new ServerFactory();
        wrappedFactory.protocol = SimpleProtocol::new;

        TestableTimeoutFactory factory = new TestableTimeoutFactory(clock, wrappedFactory, null);

        TimeoutProtocol proto =
                (TimeoutProtocol) factory.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 12345));

        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        transport.protocol = proto;
        proto.makeConnection(transport);
        return proto;
    }

    private static boolean disconnected(TimeoutProtocol sut) {
        return ((SimpleProtocol) sut.wrappedProtocol).disconnected;
    }

    /** Will cancel the ongoing timeout. */
    public void test_cancelTimeout() {
        TimeoutProtocol sut = getProtocolAndClock();
        sut.setTimeout(3);
        // Check some pre-execution state.
        assertIsNot(sut.timeoutCall, null);
        assertFalse(disconnected(sut));

        clock.advance(1);
        sut.cancelTimeout();

        assertIs(sut.timeoutCall, null);
        // After timeout should have pass, nothing happens and the transport is still connected.
        clock.advance(3);
        assertFalse(disconnected(sut));
    }

    /** Does nothing if no timeout is already set. */
    public void test_cancelTimeoutNoTimeout() {
        TimeoutProtocol sut = getProtocolAndClock();
        assertIs(sut.timeoutCall, null);

        sut.cancelTimeout();

        // Protocol is still connected.
        assertFalse(disconnected(sut));
    }

    /** Does nothing if no timeout is already reached. */
    public void test_cancelTimeoutAlreadyCalled() {
        TimeoutProtocol sut = getProtocolAndClock();
        SimpleProtocol wrappedProto = (SimpleProtocol) sut.wrappedProtocol;
        sut.setTimeout(3);
        // Trigger the timeout call.
        clock.advance(3);
        assertTrue(wrappedProto.disconnected);

        // No error is raised when trying to cancel it.
        sut.cancelTimeout();
    }

    /** Does nothing if the timeout is cancelled from another part. Ex from another thread. */
    public void test_cancelTimeoutAlreadyCancelled() {
        TimeoutProtocol sut = getProtocolAndClock();
        sut.setTimeout(3);
        // Manually cancel this
        sut.timeoutCall.cancel();

        // No error is raised when trying to cancel it.
        sut.cancelTimeout();
        // The connection state is not touched.
        assertFalse(disconnected(sut));
    }
}
