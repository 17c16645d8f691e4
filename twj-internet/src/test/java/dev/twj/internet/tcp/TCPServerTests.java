package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.internet.test.test_tcp.TCPServerTests}: whitebox tests for
 * {@link Server}. Twisted uses a fake socket; Java's Server needs a SocketChannel, so this uses
 * a connected loopback pair and a reactor that is never run, and checks that nothing was
 * buffered for sending and the transport is not waiting to write.
 */
class TCPServerTests {
    private SelectReactor reactor;
    private ServerSocketChannel listener;
    private SocketChannel peer;
    private SocketChannel skt;
    private Server server;

    @BeforeEach
    void setUp() throws IOException {
        reactor = new SelectReactor();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer = SocketChannel.open(listener.getLocalAddress());
        skt = listener.accept();
        skt.configureBlocking(false);
        Port port = new Port(0, new ServerFactory(), 50, "127.0.0.1", reactor);
        server = new Server(skt, new Protocol(), new IPv4Address("TCP", "", 0), new IPv4Address("TCP", "", 0),
                port, 0, reactor);
    }

    @AfterEach
    void tearDown() throws IOException {
        peer.close();
        skt.close();
        listener.close();
    }

    /** Server.write does not send the data if the transport is disconnected. */
    @Test
    public void test_writeAfterDisconnect() {
        server.connectionLost(new Failure(new Exception("Simulated lost connection")));
        server.write("hello world".getBytes());
        assertEquals(0, server.bufferedBytes());
        assertEquals(List.of(), reactor.getWriters());
    }

    /** Server.writeSequence does not send the data if the transport is disconnected. */
    @Test
    public void test_writeSequenceAfterDisconnect() {
        server.connectionLost(new Failure(new Exception("Simulated lost connection")));
        server.writeSequence(List.of("hello world".getBytes()));
        assertEquals(0, server.bufferedBytes());
        assertEquals(List.of(), reactor.getWriters());
    }
}
