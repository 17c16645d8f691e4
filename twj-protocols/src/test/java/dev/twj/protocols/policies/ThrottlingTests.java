package dev.twj.protocols.policies;

import static dev.twj.protocols.policies.PoliciesTestSupport.b;
import static dev.twj.protocols.policies.PoliciesTestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.task.Clock;
import dev.twj.internet.testing.StringTransportWithDisconnection;
import dev.twj.protocols.policies.PoliciesTestSupport.EchoProtocol;
import dev.twj.protocols.policies.PoliciesTestSupport.Server;
import dev.twj.protocols.policies.PoliciesTestSupport.TestableThrottlingFactory;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.test.test_policies.ThrottlingTests}: {@link ThrottlingFactory}.
 *
 * <p>Not ported: {@code test_limit}, which connects real TCP clients to a listening port (the
 * reactor's TCP support is on another branch).
 */
class ThrottlingTests {
    /** {@link ThrottlingProtocol#writeSequence} is called on the underlying factory. */
    @Test
    public void test_writeSequence() {
        Server server = new Server();
        TestableThrottlingFactory tServer =
                new TestableThrottlingFactory(new Clock(), server, Integer.MAX_VALUE, null, null);
        ThrottlingProtocol protocol =
                (ThrottlingProtocol) tServer.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 0));
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        transport.protocol = protocol;
        protocol.makeConnection(transport);

        protocol.writeSequence(Collections.nCopies(4, b("bytes")));
        assertEquals("bytesbytesbytesbytes", s(transport.value()));
        assertEquals(20, tServer.writtenThisSecond);
    }

    /** Check the writeLimit parameter: write data, and check for the pause status. */
    @Test
    public void test_writeLimit() {
        Server server = new Server();
        TestableThrottlingFactory tServer =
                new TestableThrottlingFactory(new Clock(), server, Integer.MAX_VALUE, null, 10L);
        ThrottlingProtocol port =
                (ThrottlingProtocol) tServer.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 0));
        StringTransportWithDisconnection tr = new StringTransportWithDisconnection();
        tr.protocol = port;
        port.makeConnection(tr);
        port.producer = (EchoProtocol) port.wrappedProtocol;

        port.dataReceived(b("0123456789"));
        port.dataReceived(b("abcdefghij"));
        assertEquals("0123456789abcdefghij", s(tr.value()));
        assertEquals(20, tServer.writtenThisSecond);
        assertFalse(((EchoProtocol) port.wrappedProtocol).paused);

        // at this point server should've written 20 bytes, 10 bytes above the limit so writing
        // should be paused around 1 second from 'now', and resumed a second after that
        tServer.clock().advance(1.05);
        assertEquals(0, tServer.writtenThisSecond);
        assertTrue(((EchoProtocol) port.wrappedProtocol).paused);

        tServer.clock().advance(1.05);
        assertEquals(0, tServer.writtenThisSecond);
        assertFalse(((EchoProtocol) port.wrappedProtocol).paused);
    }

    /** Check the readLimit parameter: read data and check for the pause status. */
    @Test
    public void test_readLimit() {
        Server server = new Server();
        TestableThrottlingFactory tServer =
                new TestableThrottlingFactory(new Clock(), server, Integer.MAX_VALUE, 10L, null);
        ThrottlingProtocol port =
                (ThrottlingProtocol) tServer.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 0));
        StringTransportWithDisconnection tr = new StringTransportWithDisconnection();
        tr.protocol = port;
        port.makeConnection(tr);

        port.dataReceived(b("0123456789"));
        port.dataReceived(b("abcdefghij"));
        assertEquals("0123456789abcdefghij", s(tr.value()));
        assertEquals(20, tServer.readThisSecond);

        tServer.clock().advance(1.05);
        assertEquals(0, tServer.readThisSecond);
        assertEquals("paused", tr.producerState);

        tServer.clock().advance(1.05);
        assertEquals(0, tServer.readThisSecond);
        assertEquals("producing", tr.producerState);

        tr.clear();
        port.dataReceived(b("0123456789"));
        port.dataReceived(b("abcdefghij"));
        assertEquals("0123456789abcdefghij", s(tr.value()));
        assertEquals(20, tServer.readThisSecond);

        tServer.clock().advance(1.05);
        assertEquals(0, tServer.readThisSecond);
        assertEquals("paused", tr.producerState);

        tServer.clock().advance(1.05);
        assertEquals(0, tServer.readThisSecond);
        assertEquals("producing", tr.producerState);
    }
}
