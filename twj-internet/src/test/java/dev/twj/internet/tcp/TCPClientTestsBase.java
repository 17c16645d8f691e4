package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectBindError;
import dev.twj.internet.error.DNSLookupError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IResolverSimple;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.internet.test.test_tcp.TCPClientTestsBase} with its mixins
 * {@code ConnectionTestsMixin} and {@code StreamClientTestsMixin}: tests of
 * {@code IReactorTCP.connectTCP}, run for IPv4 ({@link TCP4ClientTestsBuilderTests}) and IPv6
 * ({@link TCP6ClientTestsBuilderTests}). Endpoints are not ported yet: the tests connect with connectTCP.
 */
abstract class TCPClientTestsBase extends ReactorBuilder {
    private IListeningPort listeningPort;

    /** A fake domain name resolving to the interface. */
    abstract String fakeDomainName();

    /** IPv4Address or IPv6Address. */
    abstract IAddress address(String host, int port);

    /** Twisted's findFreePort: a port number free on the interface. */
    int findFreePort() {
        try (ServerSocketChannel s = ServerSocketChannel.open()) {
            s.bind(new InetSocketAddress(java.net.InetAddress.getByName(interface_()), 0));
            return ((InetSocketAddress) s.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int port() {
        return listeningPort != null ? portOf(listeningPort.getHost()) : findFreePort();
    }

    IListeningPort listen(SelectReactor reactor, IProtocolFactory factory) {
        listeningPort = reactor.listenTCP(0, factory, 50, interface_());
        return listeningPort;
    }

    IConnector connect(SelectReactor reactor, IProtocolFactory factory) {
        return reactor.connectTCP(interface_(), port(), factory);
    }

    /** A resolver based on a map of names to addresses: Twisted's {@code FakeResolver}. */
    record FakeResolver(Map<String, String> names) implements IResolverSimple {
        @Override
        public Deferred<String> getHostByName(String name, List<Integer> timeout) {
            String address = names.get(name);
            return address != null ? Defer.succeed(address)
                    : Defer.fail(new Failure(new DNSLookupError("FakeResolver couldn't find " + name)));
        }
    }

    /** A client factory which stops a reactor when a connection attempt fails: Twisted's {@code Stop}. */
    static class Stop extends ClientFactory {
        final SelectReactor reactor;
        Failure failReason;
        int boundPort;

        Stop(SelectReactor reactor) {
            this.reactor = reactor;
        }

        @Override
        public void clientConnectionFailed(IConnector connector, Failure reason) {
            failReason = reason;
            reactor.stop();
        }
    }

    /**
     * When the factory's buildProtocol returns null the connection is gracefully closed. (Twisted
     * connects through an endpoint and also checks it fails with NoProtocol; endpoints are not
     * ported, so this connects with connectTCP.)
     */
    @Test
    public void test_buildProtocolReturnsNone() {
        SelectReactor reactor = buildReactor();
        Factories.MyServerFactory serverFactory = new Factories.MyServerFactory();
        Deferred<Void> connectionLost = new Deferred<>();
        serverFactory.protocolConnectionLost = connectionLost;
        class NoneFactory extends ClientFactory {
            @Override
            public Protocol buildProtocol(IAddress address) {
                return null;
            }
        }
        IListeningPort port = listen(reactor, serverFactory);
        connectionLost.addCallback(ignored -> {
            reactor.stop();
            return null;
        });
        reactor.callWhenRunning(() -> reactor.connectTCP(hostOf(port.getHost()), portOf(port.getHost()),
                new NoneFactory()));
        runReactor(reactor);
        assertTrue(serverFactory.lastProtocol.closed);
    }

    /**
     * A client's transport's getHost and getPeer return addresses which have the resolved
     * address of the local and remote endpoints of the connection as their host, not the host
     * name originally passed in to connectTCP, if a host name was used.
     */
    @Test
    public void test_addresses() {
        String host = interface_();
        SelectReactor reactor = buildReactor();
        String fakeDomain = fakeDomainName();
        reactor.installResolver(new FakeResolver(Map.of(fakeDomain, interface_())));
        IListeningPort server = reactor.listenTCP(0, ServerFactory.forProtocol(Protocol::new), 50, host);
        IAddress serverAddress = server.getHost();
        Map<String, Object> transportData = new java.util.HashMap<>();
        class CheckAddress extends Protocol {
            @Override
            public void makeConnection(ITransport transport) {
                transportData.put("host", transport.getHost());
                transportData.put("peer", transport.getPeer());
                transportData.put("instance", transport);
                reactor.stop();
            }
        }
        Stop clientFactory = new Stop(reactor);
        clientFactory.protocol = CheckAddress::new;
        needsRunningReactor(reactor, () -> {
            while (true) {
                int port = findFreePort();
                IAddress bindAddress = address(interface_(), port);
                try {
                    reactor.connectTCP(fakeDomain, portOf(server.getHost()), clientFactory, 30, bindAddress);
                } catch (ConnectBindError e) {
                    continue;
                }
                clientFactory.boundPort = port;
                break;
            }
        });
        runReactor(reactor);
        if (clientFactory.failReason != null) {
            throw new AssertionError(clientFactory.failReason.getTraceback());
        }
        assertEquals(address(host, clientFactory.boundPort), transportData.get("host"));
        assertEquals(address(host, portOf(serverAddress)), transportData.get("peer"));
    }

    /** After a connection is disconnected, write and writeSequence are no-ops. */
    @Test
    public void test_writeAfterDisconnect() {
        SelectReactor reactor = buildReactor();
        List<Boolean> finished = new ArrayList<>();
        int[] remaining = {2};
        class ClosingLaterProtocol extends Protocol {
            @Override
            public void dataReceived(byte[] bytes) {
                transport.loseConnection();
            }

            @Override
            public void connectionLost(Failure reason) {
                transport.write("some bytes to get lost".getBytes());
                transport.writeSequence(List.of("some".getBytes(), "more".getBytes()));
                finished.add(true);
                if (--remaining[0] == 0) {
                    reactor.stop();
                }
            }
        }
        class WritingClosingLaterProtocol extends ClosingLaterProtocol {
            @Override
            public void connectionMade() {
                transport.write("x".getBytes());
            }
        }
        IListeningPort port = listen(reactor, ServerFactory.forProtocol(ClosingLaterProtocol::new));
        reactor.callWhenRunning(() -> reactor.connectTCP(hostOf(port.getHost()), portOf(port.getHost()),
                ClientFactory.forProtocol(WritingClosingLaterProtocol::new)));
        runReactor(reactor);
        assertEquals(List.of(true, true), finished);
    }

    /** After the connection a protocol is being used for is closed, the reactor discards all of its references to the protocol. */
    @Test
    public void test_protocolGarbageAfterLostConnection() {
        SelectReactor reactor = buildReactor();
        Protocol[] clientProtocol = {new Protocol() {
            @Override
            public void connectionMade() {
                transport.loseConnection();
            }

            @Override
            public void connectionLost(Failure reason) {
                reactor.stop();
            }
        }};
        WeakReference<Protocol> clientRef = new WeakReference<>(clientProtocol[0]);
        IListeningPort port = listen(reactor, ServerFactory.forProtocol(Protocol::new));
        ClientFactory factory = new ClientFactory() {
            @Override
            public Protocol buildProtocol(IAddress addr) {
                Protocol p = clientProtocol[0];
                clientProtocol[0] = null;
                return p;
            }
        };
        reactor.callWhenRunning(() -> reactor.connectTCP(hostOf(port.getHost()), portOf(port.getHost()), factory));
        runReactor(reactor);
        for (int i = 0; i < 50 && clientRef.get() != null; i++) {
            System.gc();
        }
        assertNull(clientRef.get());
    }

    /** The connect method returns an object providing IConnector. */
    @Test
    public void test_interface() {
        SelectReactor reactor = buildReactor();
        IConnector connector = connect(reactor, new ClientFactory());
        assertInstanceOf(IConnector.class, connector);
    }

    /** The reactor can be stopped by a client factory's clientConnectionFailed method. */
    @Test
    public void test_clientConnectionFailedStopsReactor() {
        SelectReactor reactor = buildReactor();
        Stop stop = new Stop(reactor);
        needsRunningReactor(reactor, () -> connect(reactor, stop));
        runReactor(reactor);
        assertInstanceOf(dev.twj.internet.error.ConnectionRefusedError.class, stop.failReason.value());
    }

    /** This test checks that we correctly get notifications event for a client. */
    @Test
    public void test_connectEvent() {
        SelectReactor reactor = buildReactor();
        listen(reactor, ServerFactory.forProtocol(Protocol::new));
        List<Protocol> made = new ArrayList<>();
        class CheckConnection extends Protocol {
            @Override
            public void connectionMade() {
                made.add(this);
                reactor.stop();
            }
        }
        Stop clientFactory = new Stop(reactor);
        clientFactory.protocol = CheckConnection::new;
        needsRunningReactor(reactor, () -> connect(reactor, clientFactory));
        runReactor(reactor);
        assertFalse(made.isEmpty());
    }

    /** A pull producer which writes one byte whenever it is resumed. */
    record SimplePullProducer(ITransport consumer) implements IPullProducer {
        @Override
        public void stopProducing() {}

        @Override
        public void resumeProducing() {
            consumer.write("x".getBytes());
        }
    }

    /**
     * If a producer is unregistered from a transport after the transport has been disconnected
     * (by the peer) and after loseConnection has been called, the transport is not re-added to
     * the reactor as a writer as would be necessary if the transport were still connected.
     */
    @Test
    public void test_unregisterProducerAfterDisconnect() {
        SelectReactor reactor = buildReactor();
        listen(reactor, ServerFactory.forProtocol(Factories.ClosingProtocol::new));
        List<Boolean> writing = new ArrayList<>();
        class ClientProtocol extends Protocol {
            @Override
            public void connectionMade() {
                ((FileDescriptor) transport).registerProducer(new SimplePullProducer(transport), false);
                transport.loseConnection();
            }

            @Override
            public void connectionLost(Failure reason) {
                ((FileDescriptor) transport).unregisterProducer();
                writing.add(reactor.getWriters().contains(transport));
                reactor.stop();
            }
        }
        connect(reactor, ClientFactory.forProtocol(ClientProtocol::new));
        runReactor(reactor);
        assertFalse(writing.get(0), "Transport was writing after unregisterProducer.");
    }

    /**
     * If loseConnection is called while a producer is registered with the transport, the
     * connection is closed after the producer is unregistered.
     */
    @Test
    public void test_disconnectWhileProducing() {
        SelectReactor reactor = buildReactor();
        class Producer implements IPullProducer {
            @Override
            public void resumeProducing() {}

            @Override
            public void stopProducing() {}
        }
        listen(reactor, ServerFactory.forProtocol(Protocol::new));
        List<String> finished = new ArrayList<>();
        class ClientProtocol extends Protocol {
            @Override
            public void connectionMade() {
                ((FileDescriptor) transport).registerProducer(new Producer(), false);
                transport.loseConnection();
                // Let the reactor tick over, in case synchronously calling loseConnection and
                // then unregisterProducer is the same as the other way round.
                reactor.callLater(0, () -> reactor.callLater(0, this::unregister));
            }

            void unregister() {
                ((FileDescriptor) transport).unregisterProducer();
                // This should all be pretty quick. Fail the test if we don't get a
                // connectionLost event really soon.
                reactor.callLater(1.0, () -> {
                    finished.add("Connection was not lost");
                    reactor.stop();
                });
            }

            @Override
            public void connectionLost(Failure reason) {
                finished.add("lost");
                reactor.stop();
            }
        }
        connect(reactor, ClientFactory.forProtocol(ClientProtocol::new));
        runReactor(reactor);
        assertEquals(List.of("lost"), finished);
    }
}
