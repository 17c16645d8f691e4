package dev.twj.protocols.policies;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.task.Clock;
import dev.twj.internet.testing.StringTransportWithDisconnection;
import dev.twj.protocols.policies.PoliciesTestSupport.SimpleProtocol;
import dev.twj.protocols.policies.PoliciesTestSupport.TestableTimeoutFactory;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.test.test_policies.TimeoutProtocolTests}: {@link TimeoutProtocol}. */
class TimeoutProtocolTests {
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
    @Test
    public void test_cancelTimeout() {
        TimeoutProtocol sut = getProtocolAndClock();
        sut.setTimeout(3);
        // Check some pre-execution state.
        assertNotNull(sut.timeoutCall);
        assertFalse(disconnected(sut));

        clock.advance(1);
        sut.cancelTimeout();

        assertNull(sut.timeoutCall);
        // After timeout should have pass, nothing happens and the transport is still connected.
        clock.advance(3);
        assertFalse(disconnected(sut));
    }

    /** Does nothing if no timeout is already set. */
    @Test
    public void test_cancelTimeoutNoTimeout() {
        TimeoutProtocol sut = getProtocolAndClock();
        assertNull(sut.timeoutCall);

        sut.cancelTimeout();

        // Protocol is still connected.
        assertFalse(disconnected(sut));
    }

    /** Does nothing if no timeout is already reached. */
    @Test
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
    @Test
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
