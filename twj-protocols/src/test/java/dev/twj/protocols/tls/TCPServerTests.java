package dev.twj.protocols.tls;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.tcp.Port;
import dev.twj.internet.tcp.Server;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The TLS tests of Twisted's {@code twisted.internet.test.test_tcp.TCPServerTests} (the others
 * are ported in twj-internet's tests, which cannot use twj-protocols' TLS): whitebox tests for
 * {@link Server} once it started TLS.
 *
 * <p>Java version: Twisted uses a fake socket and sets the {@code TLS} flag; here the Server is
 * accepted by a {@link Port} from a connected loopback socket on a reactor that is never run, and
 * TLS is started for real ({@code startTLS} with server options), which sets the flag. The tests
 * check that nothing was buffered for sending and the transport is not waiting to write.
 */
class TCPServerTests extends SynchronousTestCase {
    private SelectReactor reactor;
    private Port port;
    private SocketChannel peer;
    private Server server;

    void setUp() throws IOException {
        reactor = new SelectReactor();
        Protocol protocol = new Protocol();
        port = (Port) reactor.listenTCP(0, ServerFactory.forProtocol(() -> protocol), 50, "127.0.0.1");
        peer = SocketChannel.open(new InetSocketAddress("127.0.0.1", ((IPv4Address) port.getHost()).port()));
        port.doRead();
        server = (Server) protocol.transport;
        addCleanup(() -> {
            peer.close();
            server.fileno().close();
            port.fileno().close();
        });
    }

    /** Twisted's {@code test_writeAfterDisconnect}, which the TLS variant calls. */
    private void writeAfterDisconnect() {
        server.connectionLost(new Failure(new Exception("Simulated lost connection")));
        server.write(TLSTestSupport.b("hello world"));
        assertEqual(server.bufferedBytes(), 0L);
        assertEqual(reactor.getWriters(), List.of());
    }

    /** Twisted's {@code test_writeSequenceAfterDisconnect}, which the TLS variant calls. */
    private void writeSequenceAfterDisconnect() {
        server.connectionLost(new Failure(new Exception("Simulated lost connection")));
        server.writeSequence(List.of(TLSTestSupport.b("hello world")));
        assertEqual(server.bufferedBytes(), 0L);
        assertEqual(reactor.getWriters(), List.of());
    }

    /** Starts TLS on the server: Twisted's {@code self.server.TLS = True}. */
    private void startTLS() {
        server.startTLS(TLSTestSupport.certificatesForAuthorityAndServer().server().options());
        assertTrue(server.TLS());
    }

    /**
     * {@code Server.write} discards bytes passed to it if called after it has lost its
     * connection when the connection had started TLS.
     */
    public void test_writeAfterDisconnectAfterTLS() {
        startTLS();
        writeAfterDisconnect();
    }

    /**
     * {@code Server.writeSequence} discards bytes passed to it if called after it has lost its
     * connection when the connection had started TLS.
     */
    public void test_writeSequenceAfterDisconnectAfterTLS() {
        startTLS();
        writeSequenceAfterDisconnect();
    }
}
