package dev.twj.protocols.portforward;

import dev.twj.internet.Reactor;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IReactorTCP;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.testing.MemoryReactor;
import dev.twj.internet.testing.StringTransport;
import dev.twj.protocols.portforward.PortforwardTestSupport.Link;
import dev.twj.protocols.portforward.PortforwardTestSupport.TestableProxyFactory;
import dev.twj.protocols.wire.Echo;
import dev.twj.trial.unittest.TestCase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of {@code twisted.test.test_protocols.PortforwardingTests}: test port forwarding.
 *
 * <p>Java version: Twisted's {@code test_portforward} listens and connects on real TCP ports;
 * here the three connections are in-memory {@link Link}s between {@link StringTransport}s and the
 * proxy's backend connection is made through a {@link MemoryReactor}.
 * {@link #test_portforwardOverTCP} is Twisted's test as written, on real TCP ports of the global
 * reactor.
 */
class PortforwardingTests extends TestCase {
    private Echo serverProtocol;
    private Protocol clientProtocol;
    private TestableProxyFactory proxyServerFactory;
    private List<IListeningPort> openPorts;

    void setUp() {
        serverProtocol = new Echo();
        clientProtocol = null;
        openPorts = new ArrayList<>();
    }

    /** Closes the connections and ports a test over TCP opened. */
    Deferred<List<Void>> tearDown() {
        if (proxyServerFactory != null && proxyServerFactory.protoInstance != null
                && proxyServerFactory.protoInstance.transport != null) {
            proxyServerFactory.protoInstance.transport.loseConnection();
        }
        if (proxyServerFactory != null && proxyServerFactory.clientFactoryInstance != null
                && proxyServerFactory.clientFactoryInstance.protoInstance != null) {
            proxyServerFactory.clientFactoryInstance.protoInstance.transport.loseConnection();
        }
        if (clientProtocol != null && clientProtocol.transport != null) {
            clientProtocol.transport.loseConnection();
        }
        if (serverProtocol.transport != null) {
            serverProtocol.transport.loseConnection();
        }
        List<Deferred<Void>> stops = new ArrayList<>();
        for (IListeningPort p : openPorts) {
            stops.add(Defer.maybeDeferredDeferred(p::stopListening));
        }
        return Defer.gatherResults(stops);
    }

    /** Test port forwarding through Echo protocol. */
    public void test_portforward() {
        MemoryReactor reactor = new MemoryReactor();
        int realServerPort = 4321;
        proxyServerFactory = new TestableProxyFactory("127.0.0.1", realServerPort);

        int nBytes = 1000;
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean[] done = {false};
        byte[] xs = "x".repeat(nBytes).getBytes(StandardCharsets.US_ASCII);

        clientProtocol = new Protocol() {
            @Override
            public void connectionMade() {
                transport.write(xs);
            }

            @Override
            public void dataReceived(byte[] data) {
                received.writeBytes(data);
                if (received.size() >= nBytes) {
                    assertEqual(received.toString(StandardCharsets.US_ASCII), "x".repeat(nBytes));
                    done[0] = true;
                }
            }
        };

        // The client connects to the proxy.
        IAddress clientAddr = new IPv4Address("TCP", "127.0.0.1", 50000);
        ProxyServer proxyServer = (ProxyServer) proxyServerFactory.buildProtocol(clientAddr);
        proxyServer.reactor = reactor;
        StringTransport clientTransport = new StringTransport();
        StringTransport proxyServerTransport = new StringTransport();
        Link front = new Link(clientProtocol, clientTransport, proxyServer, proxyServerTransport);
        clientProtocol.makeConnection(clientTransport);
        proxyServer.makeConnection(proxyServerTransport);

        // The proxy connects to the real server.
        assertEqual(reactor.tcpClients.size(), 1);
        MemoryReactor.TCPClient attempt = reactor.tcpClients.get(0);
        assertEqual(attempt.host(), "127.0.0.1");
        assertEqual(attempt.port(), realServerPort);
        Protocol proxyClient = ((ProxyClientFactory) attempt.factory())
                .buildProtocol(new IPv4Address("TCP", "127.0.0.1", realServerPort));
        StringTransport proxyClientTransport = new StringTransport();
        StringTransport serverTransport = new StringTransport();
        Link back = new Link(proxyClient, proxyClientTransport, serverProtocol, serverTransport);
        proxyClient.makeConnection(proxyClientTransport);
        serverProtocol.makeConnection(serverTransport);

        PortforwardTestSupport.pumpAll(front, back);

        assertTrue(done[0], "received " + received.size() + " bytes");
    }

    /**
     * Test port forwarding through Echo protocol: Twisted's {@code test_portforward} as written,
     * on real TCP ports of the global reactor (the in-memory version is {@link #test_portforward}).
     */
    public Deferred<Void> test_portforwardOverTCP() {
        IReactorTCP reactor = Reactor.reactor();
        ServerFactory realServerFactory = new ServerFactory();
        realServerFactory.protocol = () -> serverProtocol;
        IListeningPort realServerPort = reactor.listenTCP(0, realServerFactory, 50, "127.0.0.1");
        openPorts.add(realServerPort);
        proxyServerFactory = new TestableProxyFactory(
                "127.0.0.1", ((IPv4Address) realServerPort.getHost()).port());
        IListeningPort proxyServerPort = reactor.listenTCP(0, proxyServerFactory, 50, "127.0.0.1");
        openPorts.add(proxyServerPort);

        int nBytes = 1000;
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Deferred<Void> d = new Deferred<>();
        byte[] xs = "x".repeat(nBytes).getBytes(StandardCharsets.US_ASCII);

        clientProtocol = new Protocol() {
            @Override
            public void dataReceived(byte[] data) {
                received.writeBytes(data);
                if (received.size() >= nBytes) {
                    assertEqual(received.toString(StandardCharsets.US_ASCII), "x".repeat(nBytes));
                    d.callback(null);
                }
            }

            @Override
            public void connectionMade() {
                transport.write(xs);
            }
        };

        ClientFactory clientFactory = new ClientFactory();
        clientFactory.protocol = () -> clientProtocol;
        reactor.connectTCP(
                "127.0.0.1", ((IPv4Address) proxyServerPort.getHost()).port(), clientFactory, 30, null);
        return d;
    }

    /** The proxy client registers itself as a producer of the proxy server and vice versa. */
    public void test_registerProducers() {
        // create a ProxyServer instance
        IPv4Address addr = new IPv4Address("TCP", "127.0.0.1", 0);
        ProxyServer server = (ProxyServer) new ProxyFactory("127.0.0.1", 0).buildProtocol(addr);

        // set the reactor for this test
        MemoryReactor reactor = new MemoryReactor();
        server.reactor = reactor;

        // make the connection
        StringTransport serverTransport = new StringTransport();
        server.makeConnection(serverTransport);

        // check that the ProxyClientFactory is connecting to the backend
        assertEqual(reactor.tcpClients.size(), 1);
        // get the factory instance and check it's the one we expect
        MemoryReactor.TCPClient tcpClient = reactor.tcpClients.get(0);
        ProxyClientFactory clientFactory = assertIsInstance(tcpClient.factory(), ProxyClientFactory.class);

        // Connect it
        Protocol client = clientFactory.buildProtocol(addr);
        StringTransport clientTransport = new StringTransport();
        client.makeConnection(clientTransport);

        // check that the producers are registered
        assertIs(clientTransport.producer, serverTransport);
        assertIs(serverTransport.producer, clientTransport);
        // check the streaming attribute in both transports
        assertTrue(clientTransport.streaming);
        assertTrue(serverTransport.streaming);
    }
}
