package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.ITCPTransport;
import dev.twj.internet.protocol.ClientCreator;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_tcp.LoopbackTests}: loopback connections.
 *
 * <p>Not ported: {@code test_connectByServiceFail} and {@code test_connectByService}, since
 * {@code connectTCP} takes an {@code int} port here, not a service name (and Java has no
 * {@code getservbyname}).
 */
class LoopbackTests extends ReactorBuilder {
    /** A port created with listenTCP can be connected to with connectTCP. */
    @Test
    public void test_closePortInProtocolFactory() {
        SelectReactor reactor = buildReactor();
        Factories.ClosingFactory f = new Factories.ClosingFactory();
        Factories.MyClientFactory clientF = new Factories.MyClientFactory();
        IListeningPort[] port = {null};
        runDeferredTest(reactor, () -> {
            port[0] = reactor.listenTCP(0, f, 50, "127.0.0.1");
            f.port = port[0];
            int portNumber = portOf(port[0].getHost());
            reactor.connectTCP("127.0.0.1", portNumber, clientF);
            return clientF.deferred.addCallback(x -> {
                assertTrue(clientF.lastProtocol.made);
                assertTrue(((Port) port[0]).disconnected);
                clientF.lostReason.trap(ConnectionDone.class);
                return null;
            });
        });
    }

    /** Invokes {@code callback} with a server and a client protocol connected to each other. */
    private void connectedClientAndServerTest(BiConsumer<AccumulatingProtocol, AccumulatingProtocol> callback) {
        SelectReactor reactor = buildReactor();
        IListeningPort[] port = {null};
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory serverFactory = new Factories.MyServerFactory();
            Deferred<AccumulatingProtocol> serverConnMade = new Deferred<>();
            serverFactory.protocolConnectionMade = serverConnMade;
            port[0] = reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
            int portNumber = portOf(port[0].getHost());
            Factories.MyClientFactory clientF = new Factories.MyClientFactory();
            Deferred<AccumulatingProtocol> clientConnMade = new Deferred<>();
            clientF.protocolConnectionMade = clientConnMade;
            reactor.connectTCP("127.0.0.1", portNumber, clientF);
            return Defer.gatherResults(List.of(serverConnMade, clientConnMade)).addCallback(result -> {
                AccumulatingProtocol serverProtocol = result.get(0);
                AccumulatingProtocol clientProtocol = result.get(1);
                callback.accept(serverProtocol, clientProtocol);
                serverProtocol.transport.loseConnection();
                clientProtocol.transport.loseConnection();
                return null;
            });
        });
        port[0].stopListening();
    }

    /**
     * The transport of a protocol connected with connectTCP or listenTCP can have its TCP_NODELAY
     * state inspected and manipulated with getTcpNoDelay and setTcpNoDelay.
     */
    @Test
    public void test_tcpNoDelay() {
        connectedClientAndServerTest((serverProtocol, clientProtocol) -> {
            for (AccumulatingProtocol p : List.of(serverProtocol, clientProtocol)) {
                ITCPTransport transport = (ITCPTransport) p.transport;
                assertEquals(false, transport.getTcpNoDelay());
                transport.setTcpNoDelay(true);
                assertEquals(true, transport.getTcpNoDelay());
                transport.setTcpNoDelay(false);
                assertEquals(false, transport.getTcpNoDelay());
            }
        });
    }

    /**
     * The transport of a protocol connected with connectTCP or listenTCP can have its SO_KEEPALIVE
     * state inspected and manipulated with getTcpKeepAlive and setTcpKeepAlive.
     */
    @Test
    public void test_tcpKeepAlive() {
        connectedClientAndServerTest((serverProtocol, clientProtocol) -> {
            for (AccumulatingProtocol p : List.of(serverProtocol, clientProtocol)) {
                ITCPTransport transport = (ITCPTransport) p.transport;
                assertEquals(false, transport.getTcpKeepAlive());
                transport.setTcpKeepAlive(true);
                assertEquals(true, transport.getTcpKeepAlive());
                transport.setTcpKeepAlive(false);
                assertEquals(false, transport.getTcpKeepAlive());
            }
        });
    }

    /** Connecting to a port nobody listens on fails with ConnectionRefusedError. */
    @Test
    public void testFailing() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            Factories.MyClientFactory clientF = new Factories.MyClientFactory();
            // XXX we assume no one is listening on TCP port 69
            reactor.connectTCP("127.0.0.1", 69, clientF, 5, null);
            return clientF.failDeferred.addCallback(ignored -> {
                clientF.reason.trap(ConnectionRefusedError.class);
                return null;
            });
        });
    }

    /**
     * Assert that the error of the ConnectionRefusedError is ECONNREFUSED, and not some other
     * socket related error. Java exposes no errno: the JDK's ConnectException carries the
     * platform's strerror text, "Connection refused", which is checked instead.
     */
    @Test
    public void test_connectionRefusedErrorNumber() throws IOException {
        List<ServerSocketChannel> serverSockets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ServerSocketChannel serverSocket = ServerSocketChannel.open();
            serverSocket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1);
            serverSockets.add(serverSocket);
        }
        Collections.shuffle(serverSockets);
        SelectReactor reactor = buildReactor();
        ClientCreator<Protocol> clientCreator = new ClientCreator<>(reactor, Protocol::new);
        try {
            runDeferredTest(reactor, () -> {
                Deferred<Object> refusedDeferred = ListeningTests.assertFailure(
                        tryConnectFailure(serverSockets, clientCreator), ConnectionRefusedError.class);
                return refusedDeferred.addCallback(exc -> {
                    String message = ((ConnectionRefusedError) exc).getMessage();
                    assertTrue(message.contains("Connection refused"), message);
                    return null;
                });
            });
        } finally {
            for (ServerSocketChannel s : serverSockets) {
                s.close();
            }
        }
    }

    private Deferred<Object> tryConnectFailure(List<ServerSocketChannel> serverSockets,
            ClientCreator<Protocol> clientCreator) {
        ServerSocketChannel serverSocket = serverSockets.remove(serverSockets.size() - 1);
        InetSocketAddress address;
        try {
            address = (InetSocketAddress) serverSocket.getLocalAddress();
            serverSocket.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return clientCreator.connectTCP("127.0.0.1", address.getPort()).addCallbackDeferred(proto -> {
            // Darn. Kill it and try again, if there are any tries left.
            proto.transport.loseConnection();
            if (!serverSockets.isEmpty()) {
                return tryConnectFailure(serverSockets, clientCreator);
            }
            fail("Could not fail to connect - could not test errno for that case.");
            return null;
        });
    }
}
