package dev.twj.protocols.tls;

import static dev.twj.protocols.tls.TLSTestSupport.b;
import static dev.twj.protocols.tls.TLSTestSupport.s;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.error.SSLError;
import dev.twj.internet.interfaces.IHandshakeListener;
import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import dev.twj.internet.interfaces.IOpenSSLServerConnectionCreator;
import dev.twj.internet.interfaces.ISSLTransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.ssl.ClientContextFactory;
import dev.twj.internet.ssl.PrivateCertificate;
import dev.twj.internet.task.Clock;
import dev.twj.internet.testing.StringTransport;
import dev.twj.protocols.loopback.Loopback;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;

/**
 * Port of {@code TLSMemoryBIOTests}: the TLS wrapper running over another transport, here
 * {@code loopbackAsync} on a {@link Clock} (real TLS in memory) or a {@link StringTransport}.
 */
class TLSMemoryBIOTests extends SynchronousTestCase {
    private final Clock clock = new Clock();

    /** Collects the bytes it receives and closes its connection after {@code howMany}. */
    static class AccumulatingProtocol extends Protocol {
        final int howMany;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        Failure lostReason;

        AccumulatingProtocol(int howMany) {
            this.howMany = howMany;
        }

        @Override
        public void dataReceived(byte[] data) {
            received.writeBytes(data);
            if (received.size() >= howMany) {
                transport.loseConnection();
            }
        }

        @Override
        public void connectionLost(Failure reason) {
            lostReason = reason;
        }
    }

    /** Fires {@code onConnectionLost} with itself when its connection is lost. */
    static class ConnectionLostNotifyingProtocol extends Protocol {
        final Deferred<ConnectionLostNotifyingProtocol> onConnectionLost;
        Failure lostConnectionReason;

        ConnectionLostNotifyingProtocol(Deferred<ConnectionLostNotifyingProtocol> onConnectionLost) {
            this.onConnectionLost = onConnectionLost;
        }

        @Override
        public void connectionLost(Failure reason) {
            lostConnectionReason = reason;
            onConnectionLost.callback(this);
        }
    }

    /**
     * A client protocol that fires {@code handshake} when the TLS handshake completes: what
     * Twisted's {@code HandshakeCallbackContextFactory} does with an OpenSSL info callback.
     */
    static class HandshakeProtocol extends Protocol implements IHandshakeListener {
        final Deferred<Void> handshake = new Deferred<>();

        @Override
        public void handshakeCompleted() {
            handshake.callback(null);
        }
    }

    static Object serverTLSContext() {
        return TLSTestSupport.certificatesForAuthorityAndServer().server().options();
    }

    static TLSMemoryBIOProtocol client(Supplier<? extends Protocol> protocol) {
        return (TLSMemoryBIOProtocol) new TLSMemoryBIOFactory(new ClientContextFactory(), true,
                ClientFactory.forProtocol(protocol)).buildProtocol(null);
    }

    static TLSMemoryBIOProtocol server(Supplier<? extends Protocol> protocol) {
        return (TLSMemoryBIOProtocol) new TLSMemoryBIOFactory(serverTLSContext(), false,
                ServerFactory.forProtocol(protocol)).buildProtocol(null);
    }

    record Handshaking(TLSMemoryBIOProtocol client, TLSMemoryBIOProtocol server, Deferred<Void> handshake,
            Deferred<Void> connection) {}

    /** Starts a handshake between a TLS client and server. */
    Handshaking handshakeProtocols() {
        HandshakeProtocol clientProtocol = new HandshakeProtocol();
        TLSMemoryBIOProtocol sslClientProtocol = client(() -> clientProtocol);
        TLSMemoryBIOProtocol sslServerProtocol = server(Protocol::new);
        Deferred<Void> connectionDeferred = Loopback.loopbackAsync(clock, sslServerProtocol, sslClientProtocol);
        return new Handshaking(sslClientProtocol, sslServerProtocol, clientProtocol.handshake, connectionDeferred);
    }

    /** TLSMemoryBIOProtocol instances provide ISSLTransport (and a handle: the engine). */
    public void test_interfaces() {
        TLSMemoryBIOProtocol proto = client(Protocol::new);
        assertIsInstance(proto, ISSLTransport.class);
    }

    /** getHandle returns the SSLEngine it uses to actually implement TLS. */
    public void test_getHandle() {
        TLSMemoryBIOProtocol proto = client(Protocol::new);
        proto.makeConnection(new StringTransport());
        assertIsInstance(proto.getHandle(), SSLEngine.class);
    }

    /** When connected to a transport, it connects the protocol it wraps to a transport: itself. */
    public void test_makeConnection() {
        Protocol clientProtocol = new Protocol();
        TLSMemoryBIOProtocol sslProtocol = client(() -> clientProtocol);
        StringTransport transport = new StringTransport();
        sslProtocol.makeConnection(transport);
        assertIsNot(clientProtocol.transport, null);
        assertIsNot(clientProtocol.transport, transport);
        assertIs(clientProtocol.transport, sslProtocol);
    }

    /** The TLS handshake is performed when TLSMemoryBIOProtocol is connected to a transport. */
    public void test_handshake() {
        Handshaking h = handshakeProtocols();
        // Only wait for the handshake to complete.
        assertIs(TLSTestSupport.run(clock, h.handshake()), null);
    }

    /**
     * Errors in the handshake are reported to the application-level protocol object using its
     * connectionLost method, and the underlying transport is disconnected.
     */
    public void test_handshakeFailure() {
        Deferred<ConnectionLostNotifyingProtocol> clientConnectionLost = new Deferred<>();
        TLSMemoryBIOProtocol sslClientProtocol = client(() -> new ConnectionLostNotifyingProtocol(clientConnectionLost));
        Deferred<ConnectionLostNotifyingProtocol> serverConnectionLost = new Deferred<>();
        // This context factory rejects any clients which do not present a certificate.
        PrivateCertificate certificate = TLSTestSupport.certificatesForAuthorityAndServer().server();
        TLSMemoryBIOProtocol sslServerProtocol = (TLSMemoryBIOProtocol) new TLSMemoryBIOFactory(
                certificate.options(certificate), false,
                ServerFactory.forProtocol(() -> new ConnectionLostNotifyingProtocol(serverConnectionLost)))
                .buildProtocol(null);
        Deferred<Void> connectionDeferred = Loopback.loopbackAsync(clock, sslServerProtocol, sslClientProtocol);
        Object result = TLSTestSupport.run(clock, Defer.gatherResults(List.of(clientConnectionLost, serverConnectionLost)));
        assertIsInstance(result, List.class, String.valueOf(result));
        for (Object p : (List<?>) result) {
            Failure reason = ((ConnectionLostNotifyingProtocol) p).lostConnectionReason;
            reason.trap(SSLError.class);
            assertIsInstance(reason.value().getCause(), javax.net.ssl.SSLException.class);
        }
        // Additionally, the underlying transport should have been told to go away.
        assertIs(TLSTestSupport.run(clock, connectionDeferred), null);
    }

    /** getPeerCertificate returns the certificate representing the peer's certificate. */
    public void test_getPeerCertificate() {
        Handshaking h = handshakeProtocols();
        TLSTestSupport.run(clock, h.handshake());
        X509Certificate cert = assertIsInstance(h.client().getPeerCertificate(), X509Certificate.class);
        assertEqual(cert, TLSTestSupport.certificatesForAuthorityAndServer().server().original());
    }

    /**
     * Bytes written after the handshake is complete are received by the protocol on the other
     * side of the connection.
     */
    public void test_writeAfterHandshake() {
        byte[] data = b("some bytes");
        HandshakeProtocol clientProtocol = new HandshakeProtocol();
        TLSMemoryBIOProtocol sslClientProtocol = client(() -> clientProtocol);
        AccumulatingProtocol serverProtocol = new AccumulatingProtocol(data.length);
        TLSMemoryBIOProtocol sslServerProtocol = server(() -> serverProtocol);
        Deferred<Void> connectionDeferred = Loopback.loopbackAsync(clock, sslServerProtocol, sslClientProtocol);
        // Wait for the handshake to finish before writing anything.
        TLSTestSupport.run(clock, clientProtocol.handshake);
        clientProtocol.transport.write(data);
        // The server will drop the connection once it gets the bytes.
        TLSTestSupport.run(clock, connectionDeferred);
        assertEqual(s(serverProtocol.received.toByteArray()), s(data));
    }

    private void writeBeforeHandshakeTest(Supplier<? extends Protocol> sendingProtocol, byte[] data) {
        TLSMemoryBIOProtocol sslClientProtocol = client(sendingProtocol);
        AccumulatingProtocol serverProtocol = new AccumulatingProtocol(data.length);
        TLSMemoryBIOProtocol sslServerProtocol = server(() -> serverProtocol);
        Deferred<Void> connectionDeferred = Loopback.loopbackAsync(clock, sslServerProtocol, sslClientProtocol);
        // Wait for the connection to end, then make sure the server received the bytes sent.
        TLSTestSupport.run(clock, connectionDeferred);
        assertEqual(s(serverProtocol.received.toByteArray()), s(data));
    }

    /** Bytes written before the handshake is complete are received once it succeeds. */
    public void test_writeBeforeHandshake() {
        byte[] data = b("some bytes");
        writeBeforeHandshakeTest(() -> new Protocol() {
            @Override
            public void connectionMade() {
                transport.write(data);
            }
        }, data);
    }

    /** Bytes written with writeSequence are received by the protocol on the other side. */
    public void test_writeSequence() {
        byte[] data = b("some bytes");
        writeBeforeHandshakeTest(() -> new Protocol() {
            @Override
            public void connectionMade() {
                List<byte[]> bytes = new ArrayList<>();
                for (byte x : data) {
                    bytes.add(new byte[] {x});
                }
                transport.writeSequence(bytes);
            }
        }, data);
    }

    /**
     * Bytes written after loseConnection is called are not transmitted (unless there is a
     * registered producer).
     */
    public void test_writeAfterLoseConnection() {
        byte[] data = b("some bytes");
        writeBeforeHandshakeTest(() -> new Protocol() {
            @Override
            public void connectionMade() {
                transport.write(data);
                transport.loseConnection();
                transport.write(b("hello"));
                transport.writeSequence(List.of(b("world")));
            }
        }, data);
    }

    /**
     * If multiple separate TLS messages are received in a single chunk from the underlying
     * transport, all of the application bytes from each message are delivered.
     */
    public void test_multipleWrites() {
        String[] data = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
        TLSMemoryBIOProtocol sslClientProtocol = client(() -> new Protocol() {
            @Override
            public void connectionMade() {
                for (String x : data) {
                    transport.write(b(x));
                }
            }
        });
        AccumulatingProtocol serverProtocol = new AccumulatingProtocol(data.length);
        TLSMemoryBIOProtocol sslServerProtocol = server(() -> serverProtocol);
        Deferred<Void> connectionDeferred = Loopback.loopbackAsync(
                clock, sslServerProtocol, sslClientProtocol, Loopback::collapsingPumpPolicy);
        TLSTestSupport.run(clock, connectionDeferred);
        assertEqual(s(serverProtocol.received.toByteArray()), String.join("", data));
    }

    /**
     * If a very long string is passed to write, any trailing part of it which cannot be sent
     * immediately is buffered and sent later.
     *
     * @param protocol the TLS version both sides are limited to, or null for the defaults
     */
    private void hugeWrite(String protocol) {
        byte[] one = b("some bytes");
        int factor = 1 << 20;
        byte[] data = new byte[one.length * factor];
        for (int i = 0; i < factor; i++) {
            System.arraycopy(one, 0, data, i * one.length, one.length);
        }
        Supplier<Protocol> sending = () -> new Protocol() {
            @Override
            public void connectionMade() {
                transport.write(data);
            }
        };
        AccumulatingProtocol serverProtocol = new AccumulatingProtocol(data.length);
        TLSMemoryBIOProtocol sslClientProtocol;
        TLSMemoryBIOProtocol sslServerProtocol;
        if (protocol == null) {
            sslClientProtocol = client(sending);
            sslServerProtocol = server(() -> serverProtocol);
        } else {
            IOpenSSLClientConnectionCreator clientContext = tls -> {
                SSLEngine e = new ClientContextFactory().clientConnectionForTLS(tls);
                e.setEnabledProtocols(new String[] {protocol});
                return e;
            };
            IOpenSSLServerConnectionCreator serverContext = tls -> {
                SSLEngine e = ((IOpenSSLServerConnectionCreator) serverTLSContext()).serverConnectionForTLS(tls);
                e.setEnabledProtocols(new String[] {protocol});
                return e;
            };
            sslClientProtocol = (TLSMemoryBIOProtocol) new TLSMemoryBIOFactory(clientContext, true,
                    ClientFactory.forProtocol(sending)).buildProtocol(null);
            sslServerProtocol = (TLSMemoryBIOProtocol) new TLSMemoryBIOFactory(serverContext, false,
                    ServerFactory.forProtocol(() -> serverProtocol)).buildProtocol(null);
        }
        TLSTestSupport.run(clock, Loopback.loopbackAsync(clock, sslServerProtocol, sslClientProtocol));
        assertTrue(java.util.Arrays.equals(data, serverProtocol.received.toByteArray()));
        if (protocol != null) {
            assertEqual(sslClientProtocol.getHandle().getSession().getProtocol(), protocol);
        }
    }

    /** A 10 MiB write with the default TLS versions (TLS 1.3 with the JDK). */
    public void test_hugeWrite() {
        hugeWrite(null);
    }

    /** A 10 MiB write over TLS 1.2. */
    public void test_hugeWrite_TLSv1_2() {
        hugeWrite("TLSv1.2");
    }

    /** If the connection is lost unexpectedly, this is reported to the application. */
    public void test_disorderlyShutdown() {
        Deferred<ConnectionLostNotifyingProtocol> clientConnectionLost = new Deferred<>();
        TLSMemoryBIOProtocol sslClientProtocol = client(() -> new ConnectionLostNotifyingProtocol(clientConnectionLost));
        // Client speaks first, so the server can be dumb.
        Protocol serverProtocol = new Protocol();
        Loopback.loopbackAsync(clock, serverProtocol, sslClientProtocol);
        // Now destroy the connection.
        serverProtocol.transport.loseConnection();
        // And when the connection completely dies, check the reason.
        Object p = TLSTestSupport.run(clock, clientConnectionLost);
        ((ConnectionLostNotifyingProtocol) p).lostConnectionReason.trap(SSLError.class, ConnectionLost.class);
    }

    /**
     * loseConnection sends a TLS close alert and shuts down the underlying connection cleanly
     * on both sides, after transmitting all buffered data.
     */
    public void test_loseConnectionAfterHandshake() {
        class NotifyingProtocol extends ConnectionLostNotifyingProtocol implements IHandshakeListener {
            final ByteArrayOutputStream data = new ByteArrayOutputStream();
            final Deferred<Void> handshake = new Deferred<>();

            NotifyingProtocol(Deferred<ConnectionLostNotifyingProtocol> onConnectionLost) {
                super(onConnectionLost);
            }

            @Override
            public void dataReceived(byte[] bytes) {
                data.writeBytes(bytes);
            }

            @Override
            public void handshakeCompleted() {
                handshake.callback(null);
            }
        }
        Deferred<ConnectionLostNotifyingProtocol> clientConnectionLost = new Deferred<>();
        NotifyingProtocol clientProtocol = new NotifyingProtocol(clientConnectionLost);
        TLSMemoryBIOProtocol sslClientProtocol = client(() -> clientProtocol);
        Deferred<ConnectionLostNotifyingProtocol> serverConnectionLost = new Deferred<>();
        NotifyingProtocol serverProtocol = new NotifyingProtocol(serverConnectionLost);
        TLSMemoryBIOProtocol sslServerProtocol = server(() -> serverProtocol);
        Loopback.loopbackAsync(clock, sslServerProtocol, sslClientProtocol);
        byte[] chunkOfBytes = b("123456890".repeat(100000));
        // Wait for the handshake before dropping the connection.
        TLSTestSupport.run(clock, clientProtocol.handshake);
        // Write more than a single record, so the client still has data to write when it
        // receives the TLS close alert.
        clientProtocol.transport.write(chunkOfBytes);
        serverProtocol.transport.write(b("x"));
        serverProtocol.transport.loseConnection();
        // Now wait for the client and server to notice.
        TLSTestSupport.run(clock, Defer.gatherResults(List.of(clientConnectionLost, serverConnectionLost)));
        clientProtocol.lostConnectionReason.trap(ConnectionDone.class);
        serverProtocol.lostConnectionReason.trap(ConnectionDone.class);
        // The server should have received all bytes sent by the client.
        assertEqual(serverProtocol.data.size(), chunkOfBytes.length);
        assertTrue(java.util.Arrays.equals(chunkOfBytes, serverProtocol.data.toByteArray()));
        assertEqual(s(clientProtocol.data.toByteArray()), "x");
    }

    /** The user protocol's connectionLost is only called when the transport underneath closes. */
    public void test_connectionLostOnlyAfterUnderlyingCloses() {
        class LostProtocol extends Protocol {
            Failure disconnected;

            @Override
            public void connectionLost(Failure reason) {
                disconnected = reason;
            }
        }
        LostProtocol protocol = new LostProtocol();
        TLSMemoryBIOProtocol tlsProtocol = new TLSMemoryBIOProtocol(
                new TLSMemoryBIOFactory(new ClientContextFactory(), true, new ClientFactory()), protocol);
        StringTransport transport = new StringTransport();
        tlsProtocol.makeConnection(transport);
        // Pretend TLS shutdown finished cleanly; the underlying transport should be told to
        // close, but the user protocol should not yet be notified:
        tlsProtocol.tlsShutdownFinished(null);
        assertTrue(transport.disconnecting);
        assertIs(protocol.disconnected, null);
        // Now close the underlying connection; the user protocol is notified with the given
        // reason (since TLS closed cleanly):
        tlsProtocol.connectionLost(new Failure(new ConnectionLost("ono")));
        assertIsNot(protocol.disconnected.check(ConnectionLost.class), null);
        assertEqual(((ConnectionLost) protocol.disconnected.value()).detail(), "ono");
    }

    /** If loseConnection is called multiple times, all but the first call have no effect. */
    public void test_loseConnectionTwice() {
        Handshaking h = handshakeProtocols();
        TLSTestSupport.run(clock, h.handshake());
        TLSMemoryBIOProtocol tlsClient = h.client();
        tlsClient.write(b("x"));
        tlsClient.loseConnection();
        assertTrue(tlsClient.disconnecting);
        assertTrue(tlsClient.getHandle().isOutboundDone(), "close_notify sent on the first call");
        // The second call changes nothing:
        tlsClient.loseConnection();
        assertTrue(tlsClient.disconnecting);
        // We do successfully disconnect at some point:
        assertIs(TLSTestSupport.run(clock, h.connection()), null);
    }

    /** If loseConnection is called after connectionLost, it does nothing. */
    public void test_loseConnectionAfterConnectionLost() {
        Handshaking h = handshakeProtocols();
        TLSMemoryBIOProtocol tlsServer = h.server();
        tlsServer.write(b("x"));
        h.client().loseConnection();
        TLSTestSupport.run(clock, h.connection());
        assertFalse(tlsServer.connected);
        // This call should do nothing (and not throw).
        tlsServer.loseConnection();
        assertFalse(tlsServer.disconnecting);
    }

    /** Unexpected disconnects get converted to ConnectionLost errors. */
    public void test_unexpectedEOF() {
        Handshaking h = handshakeProtocols();
        List<Failure> reason = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Protocol serverProtocol = new Protocol() {
            @Override
            public void dataReceived(byte[] bytes) {
                data.writeBytes(bytes);
            }

            @Override
            public void connectionLost(Failure r) {
                reason.add(r);
            }
        };
        h.server().wrappedProtocol = serverProtocol;
        // Write data, then disconnect *underlying* transport, resulting in an unexpected TLS
        // disconnect:
        TLSTestSupport.run(clock, h.handshake());
        h.client().write(b("hello"));
        h.client().transport.loseConnection();
        // Receiver should be disconnected, with ConnectionLost notification (masking the
        // unexpected EOF SSL error):
        TLSTestSupport.run(clock, h.connection());
        assertIsNot(reason.get(0).check(ConnectionLost.class), null, reason.get(0));
    }

    /** Errors while writing cause the protocols to be disconnected. */
    public void test_errorWriting() {
        FailingSendEngine[] engine = new FailingSendEngine[1];
        IOpenSSLClientConnectionCreator failing = tls -> engine[0] =
                new FailingSendEngine(new ClientContextFactory().clientConnectionForTLS(tls));
        List<Failure> reason = new ArrayList<>();
        HandshakeProtocol clientProtocol = new HandshakeProtocol() {
            @Override
            public void connectionLost(Failure r) {
                reason.add(r);
            }
        };
        TLSMemoryBIOProtocol tlsClient = (TLSMemoryBIOProtocol) new TLSMemoryBIOFactory(failing, true,
                ClientFactory.forProtocol(() -> clientProtocol)).buildProtocol(null);
        Deferred<Void> disconnectDeferred = Loopback.loopbackAsync(clock, server(Protocol::new), tlsClient);
        TLSTestSupport.run(clock, clientProtocol.handshake);
        // Pretend the TLS connection is unhappy sending, then write some data:
        engine[0].failSends = true;
        tlsClient.write(b("hello"));
        // The failed writer is disconnected with the SSL error:
        TLSTestSupport.run(clock, disconnectDeferred);
        assertIsNot(reason.get(0).check(SSLError.class), null, reason.get(0));
    }
}
