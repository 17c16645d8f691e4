package dev.twj.protocols.tls;

import static dev.twj.protocols.tls.TLSTestSupport.b;

import dev.twj.internet.interfaces.IHandshakeListener;
import dev.twj.internet.interfaces.ISSLTransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.ssl.Ssl;
import dev.twj.internet.task.Clock;
import dev.twj.internet.testing.IOSim;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * Port of {@code DeterministicTLSMemoryBIOTests}: the TLS wrapper over another transport, driven
 * by an {@code IOPump} with no reactor.
 */
class DeterministicTLSMemoryBIOTests extends SynchronousTestCase {
    /** Collects what it receives; records the handshake. Port of the helpers' Client/Server. */
    static class Peer extends TLSMemoryBIOTests.AccumulatingProtocol implements IHandshakeListener {
        final byte[] greeting;
        final boolean abortAfterHandshake;
        boolean handshook;
        Object peerAfterHandshake;

        Peer(byte[] greeting, boolean abortAfterHandshake) {
            super(999999);
            this.greeting = greeting;
            this.abortAfterHandshake = abortAfterHandshake;
        }

        @Override
        public void connectionMade() {
            if (greeting != null) {
                transport.write(greeting);
            }
        }

        @Override
        public void handshakeCompleted() {
            handshook = true;
            peerAfterHandshake = ((ISSLTransport) transport).getPeerCertificate();
            if (abortAfterHandshake) {
                ((ISSLTransport) transport).abortConnection();
            }
        }

        @Override
        public void connectionLost(Failure reason) {}
    }

    /** Port of {@code handshakingClientAndServer}. */
    static IOSim.Connected<TLSMemoryBIOProtocol, TLSMemoryBIOProtocol> handshakingClientAndServer(
            byte[] clientGreetingData, boolean clientAbortAfterHandshake) {
        TLSTestSupport.AuthorityAndServer certs = TLSTestSupport.certificatesForAuthorityAndServer();
        Clock clock = new Clock();
        TLSMemoryBIOFactory clientF = new TLSMemoryBIOFactory(
                Ssl.optionsForClientTLS("example.com", TLSTestSupport.pub(certs.authority()), null), true,
                ClientFactory.forProtocol(() -> new Peer(clientGreetingData, clientAbortAfterHandshake)));
        TLSMemoryBIOFactory serverF = new TLSMemoryBIOFactory(certs.server().options(), false,
                ServerFactory.forProtocol(() -> new Peer(null, false)));
        return IOSim.connectedServerAndClient(
                () -> (TLSMemoryBIOProtocol) serverF.buildProtocol(null),
                () -> (TLSMemoryBIOProtocol) clientF.buildProtocol(null),
                IOSim::makeFakeClient, IOSim::makeFakeServer, false, false, clock);
    }

    /**
     * The completion of the TLS handshake calls handshakeCompleted on protocols that provide
     * IHandshakeListener. At that time the transport's peer certificate is initialized.
     */
    public void test_handshakeNotification() {
        var csp = handshakingClientAndServer(null, false);
        Peer client = (Peer) csp.client().wrappedProtocol;
        Peer server = (Peer) csp.server().wrappedProtocol;
        assertFalse(client.handshook);
        assertFalse(server.handshook);
        csp.pump().flush();
        assertTrue(client.handshook);
        assertTrue(server.handshook);
        assertIsNot(client.peerAfterHandshake, null);
    }

    /**
     * If some data is written to the transport in connectionMade, but handshakeCompleted
     * doesn't like something it sees about the handshake, it can use abortConnection to ensure
     * that the application never receives that data.
     */
    public void test_handshakeStopWriting() {
        var csp = handshakingClientAndServer(b("untrustworthy"), true);
        Peer wrappedServerProtocol = (Peer) csp.server().wrappedProtocol;
        csp.pump().flush();
        assertEqual(wrappedServerProtocol.received.size(), 0);
    }
}
