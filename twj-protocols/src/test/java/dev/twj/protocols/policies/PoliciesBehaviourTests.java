package dev.twj.protocols.policies;

import static dev.twj.protocols.policies.PoliciesTestSupport.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.task.Clock;
import dev.twj.internet.testing.StringTransport;
import dev.twj.internet.testing.StringTransportWithDisconnection;
import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Format;
import dev.twj.protocols.policies.LoggingFactoryTests.TestLoggingFactory;
import dev.twj.protocols.policies.PoliciesTestSupport.Server;
import dev.twj.protocols.policies.PoliciesTestSupport.SimpleProtocol;
import java.io.Writer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Java-only behaviour of the policies, including the parts Twisted does not test. */
class PoliciesBehaviourTests {
    private static ProtocolWrapper connect(Protocol p, StringTransportWithDisconnection t) {
        t.protocol = p;
        p.makeConnection(t);
        return (ProtocolWrapper) p;
    }

    @Test
    public void aTransportCallTheRealTransportCannotServeThrowsUnsupportedOperation() {
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(new Server()), new Protocol());
        wrapper.makeConnection(new StringTransport());
        UnsupportedOperationException e =
                assertThrows(UnsupportedOperationException.class, wrapper::loseWriteConnection);
        assertTrue(e.getMessage().contains("loseWriteConnection"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, wrapper::stopConsuming);
    }

    @Test
    public void theWrapperPausesAndResumesTheRealTransport() {
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(new Server()), new Protocol());
        StringTransport transport = new StringTransport();
        wrapper.makeConnection(transport);
        wrapper.pauseProducing();
        assertEquals("paused", transport.producerState);
        wrapper.resumeProducing();
        assertEquals("producing", transport.producerState);
    }

    @Test
    public void wrappersAreRegisteredWhileConnected() {
        WrappingFactory factory = new WrappingFactory(new Server());
        ProtocolWrapper p = connect(factory.buildProtocol(new IPv4Address("TCP", "1.2.3.4", 1)),
                new StringTransportWithDisconnection());
        assertTrue(factory.protocols.containsKey(p));
        p.loseConnection();
        assertTrue(p.disconnecting);
        assertTrue(factory.protocols.isEmpty());
    }

    @Test
    public void throttlingFactoryRefusesConnectionsBeyondTheMaximumUntilOneIsLost() {
        ThrottlingFactory factory = new ThrottlingFactory(new Server(), 2);
        IPv4Address addr = new IPv4Address("TCP", "127.0.0.1", 1);
        ProtocolWrapper p1 = connect(factory.buildProtocol(addr), new StringTransportWithDisconnection());
        connect(factory.buildProtocol(addr), new StringTransportWithDisconnection());
        assertNull(factory.buildProtocol(addr));
        assertEquals(2, factory.protocols.size());

        p1.loseConnection();
        assertEquals(1, factory.connectionCount);
        assertNotNull(factory.buildProtocol(addr));
    }

    @Test
    public void throttlingChecksStopWithTheLastConnection() {
        Clock clock = new Clock();
        ThrottlingFactory factory = new ThrottlingFactory(new Server(), Integer.MAX_VALUE, 10L, 10L);
        factory.clock = clock;
        ProtocolWrapper p = connect(factory.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 1)),
                new StringTransportWithDisconnection());
        assertEquals(2, clock.getDelayedCalls().size());
        p.loseConnection();
        assertEquals(0, clock.getDelayedCalls().size());
    }

    @Test
    public void limitConnectionsByPeerCountsEachHost() {
        LimitConnectionsByPeer factory = new LimitConnectionsByPeer(new Server());
        factory.maxConnectionsPerPeer = 1;
        factory.doStart();
        IPv4Address a = new IPv4Address("TCP", "10.0.0.1", 1000);
        StringTransportWithDisconnection ta = new StringTransportWithDisconnection();
        ta.peerAddr = a;
        ProtocolWrapper pa = connect(factory.buildProtocol(a), ta);
        assertNull(factory.buildProtocol(new IPv4Address("TCP", "10.0.0.1", 1001)));
        assertNotNull(factory.buildProtocol(new IPv4Address("TCP", "10.0.0.2", 1000)));

        pa.loseConnection();
        assertEquals(Map.of("10.0.0.2", 1), factory.peerConnections);
        assertNotNull(factory.buildProtocol(new IPv4Address("TCP", "10.0.0.1", 1002)));
    }

    @Test
    public void timeoutMixinClosesTheTransportByDefault() {
        Clock clock = new Clock();
        Protocol protocol = new Protocol();
        TimeoutMixin timeout = new TimeoutMixin(protocol);
        timeout.clock = clock;
        StringTransport transport = new StringTransport();
        protocol.makeConnection(transport);
        timeout.setTimeout(2);
        clock.advance(1.9);
        assertEquals(false, transport.disconnecting);
        clock.advance(0.1);
        assertTrue(transport.disconnecting);
        // The timeout has fired: cancelling it again is harmless.
        assertEquals(2.0, timeout.setTimeout((Double) null));
    }

    @Test
    public void timeoutFactoryUsesItsClockField() {
        Clock clock = new Clock();
        TimeoutFactory factory = new TimeoutFactory(simpleServerFactory(), 5.0);
        factory.clock = clock;
        TimeoutProtocol p = (TimeoutProtocol) factory.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 1));
        IDelayedCall call = p.timeoutCall;
        assertEquals(5.0, call.getTime());
    }

    private static ServerFactory simpleServerFactory() {
        ServerFactory f = new ServerFactory();
        f.protocol = SimpleProtocol::new;
        return f;
    }

    @Test
    public void trafficLoggingElidesLongChunks() {
        TestLoggingFactory f = new TestLoggingFactory(new Server(), "test");
        TrafficLoggingFactory limited = new TrafficLoggingFactory(new Server(), "test", 20) {
            @Override
            public Writer open(String name) {
                return f.open(name);
            }
        };
        ProtocolWrapper p = connect(limited.buildProtocol(new IPv4Address("TCP", "1.2.3.4", 5)),
                new StringTransportWithDisconnection());
        p.dataReceived(b("0123456789abcdefghijKLMNOP"));
        String v = f.openFile.toString();
        assertTrue(v.contains("C 1: b'01234567<... elided>'"), v);
        assertTrue(v.contains("S 1: b'01234567<... elided>'"), v);
    }

    @Test
    public void spewingProtocolLogsBothDirections() {
        SpewingFactory factory = new SpewingFactory(new Server());
        try (CapturedLogs logs = CapturedLogs.capture()) {
            ProtocolWrapper p = connect(factory.buildProtocol(new IPv4Address("TCP", "1.2.3.4", 5)),
                    new StringTransportWithDisconnection());
            p.dataReceived(b("hi"));
            StringBuilder text = new StringBuilder();
            for (Map<String, Object> event : logs.events()) {
                text.append(Format.formatEvent(event)).append('\n');
            }
            assertTrue(text.toString().contains("Received: b'hi'"), text.toString());
            assertTrue(text.toString().contains("Sending: b'hi'"), text.toString());
        }
    }
}
