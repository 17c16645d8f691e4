package dev.twj.protocols.policies;

import static dev.twj.protocols.policies.PoliciesTestSupport.b;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.task.Clock;
import dev.twj.internet.testing.StringTransportWithDisconnection;
import dev.twj.protocols.policies.PoliciesTestSupport.SimpleProtocol;
import dev.twj.protocols.policies.PoliciesTestSupport.TestableTimeoutFactory;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.Collections;

/** Port of {@code twisted.test.test_policies.TimeoutFactoryTests}: {@link TimeoutFactory}. */
class TimeoutFactoryTests extends SynchronousTestCase {
    private Clock clock;
    private TestableTimeoutFactory factory;
    private TimeoutProtocol proto;
    private StringTransportWithDisconnection transport;
    private SimpleProtocol wrappedProto;

    /** Create a testable, deterministic clock, and a set of server factory/protocol/transport. */
    public void setUp() {
        clock = new Clock();
        ServerFactory wrappedFactory = new ServerFactory();
        wrappedFactory.protocol = SimpleProtocol::new;
        factory = new TestableTimeoutFactory(clock, wrappedFactory, 3.0);
        proto = (TimeoutProtocol) factory.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 12345));
        transport = new StringTransportWithDisconnection();
        transport.protocol = proto;
        proto.makeConnection(transport);
        wrappedProto = (SimpleProtocol) proto.wrappedProtocol;
    }

    /**
     * Make sure that when a TimeoutFactory accepts a connection, it will time out that connection
     * if no data is read or written within the timeout period.
     */
    public void test_timeout() {
        // Let almost 3 time units pass
        clock.pump(0.0, 0.5, 1.0, 1.0, 0.4);
        assertFalse(wrappedProto.disconnected);

        // Now let the timer elapse
        clock.pump(0.0, 0.2);
        assertTrue(wrappedProto.disconnected);
    }

    /**
     * Make sure that writing data to a transport from a protocol constructed by a TimeoutFactory
     * resets the timeout countdown.
     */
    public void test_sendAvoidsTimeout() {
        // Let half the countdown period elapse
        clock.pump(0.0, 0.5, 1.0);
        assertFalse(wrappedProto.disconnected);

        // Send some data (proto is the /real/ proto's transport, so this is the write that gets
        // called)
        proto.write(b("bytes bytes bytes"));

        // More time passes, putting us past the original timeout
        clock.pump(0.0, 1.0, 1.0);
        assertFalse(wrappedProto.disconnected);

        // Make sure writeSequence delays timeout as well
        proto.writeSequence(Collections.nCopies(3, b("bytes")));

        // Tick tock
        clock.pump(0.0, 1.0, 1.0);
        assertFalse(wrappedProto.disconnected);

        // Don't write anything more, just let the timeout expire
        clock.pump(0.0, 2.0);
        assertTrue(wrappedProto.disconnected);
    }

    /** Make sure that receiving data also resets the timeout countdown. */
    public void test_receiveAvoidsTimeout() {
        // Let half the countdown period elapse
        clock.pump(0.0, 1.0, 0.5);
        assertFalse(wrappedProto.disconnected);

        // Some bytes arrive, they should reset the counter
        proto.dataReceived(b("bytes bytes bytes"));

        // We pass the original timeout
        clock.pump(0.0, 1.0, 1.0);
        assertFalse(wrappedProto.disconnected);

        // Nothing more arrives though, the new timeout deadline is passed, the connection should
        // be dropped.
        clock.pump(0.0, 1.0, 1.0);
        assertTrue(wrappedProto.disconnected);
    }
}
