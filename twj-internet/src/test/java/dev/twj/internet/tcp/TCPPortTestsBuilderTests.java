package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.net.InetAddresses;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.internet.test.test_tcp.TCPPortTestsBuilder} (as
 * {@code TCPPortTestsBuilderTests}, on SelectReactor): {@code TCPPortTestsMixin} with {@code ListenTCPMixin}
 * and {@code StreamTransportTestsMixin}.
 */
class TCPPortTestsBuilderTests extends ReactorBuilder {
    private SocketChannel client;

    @AfterEach
    void closeClient() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    /** Twisted's ListenTCPMixin.getListeningPort. */
    IListeningPort getListeningPort(SelectReactor reactor, IProtocolFactory factory, int port, String interface_) {
        return reactor.listenTCP(port, factory, 50, interface_);
    }

    IListeningPort getListeningPort(SelectReactor reactor, IProtocolFactory factory) {
        return getListeningPort(reactor, factory, 0, "");
    }

    /** Twisted's createTestSocket + non-blocking connect. */
    SocketChannel connectClient(boolean v6, IListeningPort port) throws IOException {
        client = SocketChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        client.configureBlocking(false);
        // Bind first: Java reports no local address for a connection still pending.
        client.bind(new InetSocketAddress(InetAddresses.forString(v6 ? "::1" : "127.0.0.1"), 0));
        client.connect(new InetSocketAddress(InetAddresses.forString(hostOf(port.getHost())), portOf(port.getHost())));
        return client;
    }

    static IAddress addressOf(java.net.SocketAddress address) {
        InetSocketAddress a = (InetSocketAddress) address;
        String host = InetAddresses.toAddrString(a.getAddress());
        return a.getAddress() instanceof java.net.Inet6Address
                ? new IPv6Address("TCP", host, a.getPort())
                : new IPv4Address("TCP", host, a.getPort());
    }

    /** When no interface is passed to listenTCP, the returned listening port listens on an IPv4 address. */
    @Test
    public void test_portGetHostOnIPv4() {
        SelectReactor reactor = buildReactor();
        IListeningPort port = getListeningPort(reactor, new ServerFactory());
        IAddress address = port.getHost();
        assertInstanceOf(IPv4Address.class, address);
    }

    /**
     * When listening on an IPv6 address, getHost returns an IPv6Address with the host and port
     * of the listening port.
     */
    @Test
    public void test_portGetHostOnIPv6() throws IOException {
        assumeTrue(ipv6Available(), "IPv6 not available");
        SelectReactor reactor = buildReactor();
        int portNumber;
        // findFreePort
        try (var s = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            s.bind(new InetSocketAddress(InetAddresses.forString("::1"), 0));
            portNumber = ((InetSocketAddress) s.getLocalAddress()).getPort();
        }
        IListeningPort port = getListeningPort(reactor, new ServerFactory(), portNumber, "::1");
        IAddress address = port.getHost();
        assertInstanceOf(IPv6Address.class, address);
        assertEquals("::1", hostOf(address));
        assertEquals(portNumber, portOf(address));
    }

    IAddress buildProtocolAddressTest(boolean v6, String interface_) throws IOException {
        SelectReactor reactor = buildReactor();
        IAddress[] observedAddress = {null};
        ServerFactory factory = new ServerFactory() {
            @Override
            public Protocol buildProtocol(IAddress address) {
                reactor.stop();
                observedAddress[0] = address;
                return new Protocol();
            }
        };
        IListeningPort port = getListeningPort(reactor, factory, 0, interface_);
        connectClient(v6, port);
        runReactor(reactor);
        return observedAddress[0];
    }

    /** buildProtocol is called with an IPv4Address of the client, for an IPv4 port. */
    @Test
    public void test_buildProtocolIPv4Address() throws IOException {
        IAddress observedAddress = buildProtocolAddressTest(false, "127.0.0.1");
        assertEquals(addressOf(client.getLocalAddress()), observedAddress);
    }

    /** buildProtocol is called with an IPv6Address of the client, for an IPv6 port. */
    @Test
    public void test_buildProtocolIPv6Address() throws IOException {
        assumeTrue(ipv6Available(), "IPv6 not available");
        IAddress observedAddress = buildProtocolAddressTest(true, "::1");
        assertEquals(addressOf(client.getLocalAddress()), observedAddress);
    }

    IAddress serverGetConnectionAddressTest(boolean v6, String interface_, Function<ITransport, IAddress> which)
            throws IOException {
        SelectReactor reactor = buildReactor();
        IAddress[] address = {null};
        class ObserveAddress extends Protocol {
            @Override
            public void makeConnection(ITransport transport) {
                reactor.stop();
                address[0] = which.apply(transport);
            }
        }
        IListeningPort port = getListeningPort(reactor, ServerFactory.forProtocol(ObserveAddress::new), 0, interface_);
        connectClient(v6, port);
        runReactor(reactor);
        return address[0];
    }

    /** getHost on the server transport of an IPv4 connection returns an IPv4Address. */
    @Test
    public void test_serverGetHostOnIPv4() throws IOException {
        IAddress hostAddress = serverGetConnectionAddressTest(false, "127.0.0.1", ITransport::getHost);
        assertEquals(addressOf(client.getRemoteAddress()), hostAddress);
    }

    /** getHost on the server transport of an IPv6 connection returns an IPv6Address. */
    @Test
    public void test_serverGetHostOnIPv6() throws IOException {
        assumeTrue(ipv6Available(), "IPv6 not available");
        IAddress hostAddress = serverGetConnectionAddressTest(true, "::1", ITransport::getHost);
        assertEquals(addressOf(client.getRemoteAddress()), hostAddress);
    }

    /** getPeer on the server transport of an IPv4 connection returns the client's IPv4Address. */
    @Test
    public void test_serverGetPeerOnIPv4() throws IOException {
        IAddress peerAddress = serverGetConnectionAddressTest(false, "127.0.0.1", ITransport::getPeer);
        assertEquals(addressOf(client.getLocalAddress()), peerAddress);
    }

    /** getPeer on the server transport of an IPv6 connection returns the client's IPv6Address. */
    @Test
    public void test_serverGetPeerOnIPv6() throws IOException {
        assumeTrue(ipv6Available(), "IPv6 not available");
        IAddress peerAddress = serverGetConnectionAddressTest(true, "::1", ITransport::getPeer);
        assertEquals(addressOf(client.getLocalAddress()), peerAddress);
    }

    /**
     * When a port starts, a message including a description of the associated factory is logged.
     */
    @Test
    public void test_startedListeningLogMessage() {
        SelectReactor reactor = buildReactor();
        ServerFactory factory = new ServerFactory() {
            @Override
            public String logPrefix() {
                return "Crazy Factory";
            }
        };
        int before = loggedMessages().size();
        IListeningPort p = getListeningPort(reactor, factory);
        String expectedMessage = "Crazy Factory starting on " + portOf(p.getHost());
        assertEquals(expectedMessage, loggedMessages().get(before));
    }

    /**
     * When a connection is lost a message is logged containing an address identifying the port
     * and the fact that it was closed.
     */
    @Test
    public void test_connectionLostLogMsg() {
        SelectReactor reactor = buildReactor();
        IListeningPort p = getListeningPort(reactor, new ServerFactory());
        String expectedMessage = "(TCP Port " + portOf(p.getHost()) + " Closed)";
        reactor.callWhenRunning(() -> p.stopListening().addCallback(ignored -> {
            reactor.stop();
            return null;
        }));
        runReactor(reactor);
        assertTrue(loggedMessages().contains(expectedMessage), loggedMessages().toString());
    }
}
