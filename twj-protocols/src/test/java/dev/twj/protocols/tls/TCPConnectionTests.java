package dev.twj.protocols.tls;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.ssl.ClientContextFactory;
import dev.twj.internet.tcp.Connection;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * Port of Twisted's {@code twisted.internet.test.test_tcp.TCPConnectionTests}: whitebox tests for
 * {@link Connection}. They live in twj-protocols' tests because {@code startTLS} needs its TLS.
 *
 * <p>Java version: {@link Connection} is abstract, so the tests make a minimal subclass over an
 * unconnected {@link SocketChannel} (Twisted's {@code FakeSocket}) on a {@link SelectReactor}
 * that is never run (Twisted's {@code _FakeFDSetReactor}). The connection is not
 * {@code connected}, so, as in Twisted, what the TLS layer writes (its ClientHello) is discarded.
 *
 * <p>Not ported: {@code test_doReadWarningIsRaised} (a Python {@code dataReceived} returning a
 * value; Java's {@code dataReceived} returns {@code void}).
 */
class TCPConnectionTests extends SynchronousTestCase {
    /** A minimal concrete {@link Connection}, whose {@code tlsClientDefault} a test can set. */
    private static final class FakeConnection extends Connection {
        /** Twisted's {@code _tlsClientDefault}. */
        boolean tlsClientDefault;

        FakeConnection(SocketChannel socket, Protocol protocol, SelectReactor reactor) {
            super(socket, protocol, reactor);
        }

        @Override
        protected boolean tlsClientDefault() {
            return tlsClientDefault;
        }

        @Override
        public IAddress getHost() {
            return new IPv4Address("TCP", "127.0.0.1", 0);
        }

        @Override
        public IAddress getPeer() {
            return new IPv4Address("TCP", "127.0.0.1", 0);
        }
    }

    /** Twisted's {@code FakeSocket(b"")}: an unconnected socket, closed after the test. */
    private SocketChannel fakeSocket() throws IOException {
        SocketChannel skt = SocketChannel.open();
        addCleanup(() -> skt.close());
        return skt;
    }

    /**
     * The {@code TLS} attribute of a {@link Connection} instance is {@code false} before
     * {@link Connection#startTLS} is called.
     */
    public void test_noTLSBeforeStartTLS() throws IOException {
        SocketChannel skt = fakeSocket();
        Protocol protocol = new Protocol();
        Connection conn = new FakeConnection(skt, protocol, new SelectReactor());
        assertFalse(conn.TLS());
    }

    /**
     * The {@code TLS} attribute of a {@link Connection} instance is {@code true} after
     * {@link Connection#startTLS} is called.
     */
    public void test_tlsAfterStartTLS() throws IOException {
        SocketChannel skt = fakeSocket();
        Protocol protocol = new Protocol();
        FakeConnection conn = new FakeConnection(skt, protocol, new SelectReactor());
        conn.tlsClientDefault = true;
        conn.startTLS(new ClientContextFactory(), true);
        assertTrue(conn.TLS());
    }
}
