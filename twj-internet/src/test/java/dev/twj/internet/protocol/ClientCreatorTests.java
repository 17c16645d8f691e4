package dev.twj.internet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.CancelledError;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.testing.FakeConnector;
import dev.twj.internet.testing.MemoryReactor;
import dev.twj.internet.testing.MemoryReactorClock;
import dev.twj.internet.testing.StringTransport;
import dev.twj.python.failure.Failure;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Port of Twisted's {@code twisted.internet.test.test_protocol.ClientCreatorTests}. */
class ClientCreatorTests {
    static <T> T pop(List<T> list) {
        return list.remove(list.size() - 1);
    }

    static IOpenSSLClientConnectionCreator someContextFactory() {
        return (IOpenSSLClientConnectionCreator) Proxy.newProxyInstance(
                ClientCreatorTests.class.getClassLoader(),
                new Class<?>[] {IOpenSSLClientConnectionCreator.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "someContextFactory";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A protocol class for the connect tests. */
    static class SomeProtocol extends Protocol {}

    /**
     * Helper for implementing a test to verify that one of the connect methods of ClientCreator
     * passes the right arguments to the right reactor method.
     */
    void basicConnectTest(BiFunction<MemoryReactorClock, ClientCreator<SomeProtocol>, IProtocolFactory> check) {
        MemoryReactorClock reactor = new MemoryReactorClock();
        ClientCreator<SomeProtocol> cc = new ClientCreator<>(reactor, SomeProtocol::new);
        IProtocolFactory factory = check.apply(reactor, cc);
        Object protocol = factory.buildProtocol(null);
        assertInstanceOf(SomeProtocol.class, protocol);
    }

    /**
     * ClientCreator.connectTCP calls reactor.connectTCP with the host and port information
     * passed to it, and with a factory which will construct the protocol passed to
     * ClientCreator's constructor.
     */
    @Test
    public void test_connectTCP() {
        basicConnectTest((reactor, cc) -> {
            cc.connectTCP("example.com", 1234, 4321, new IPv4Address("TCP", "1.2.3.4", 9876));
            MemoryReactor.TCPClient c = pop(reactor.tcpClients);
            assertEquals("example.com", c.host());
            assertEquals(1234, c.port());
            assertEquals(4321, c.timeout());
            assertEquals(new IPv4Address("TCP", "1.2.3.4", 9876), c.bindAddress());
            return c.factory();
        });
    }

    /**
     * ClientCreator.connectUNIX calls reactor.connectUNIX with the filename passed to it, and
     * with a factory which will construct the protocol passed to ClientCreator's constructor.
     */
    @Test
    public void test_connectUNIX() {
        basicConnectTest((reactor, cc) -> {
            cc.connectUNIX("/foo/bar", 123, true);
            MemoryReactor.UNIXClient c = pop(reactor.unixClients);
            assertEquals("/foo/bar", c.address());
            assertEquals(123, c.timeout());
            assertTrue(c.checkPID());
            return c.factory();
        });
    }

    /**
     * ClientCreator.connectSSL calls reactor.connectSSL with the host, port, and context factory
     * passed to it, and with a factory which will construct the protocol passed to
     * ClientCreator's constructor.
     */
    @Test
    public void test_connectSSL() {
        basicConnectTest((reactor, cc) -> {
            IOpenSSLClientConnectionCreator expectedContextFactory = someContextFactory();
            cc.connectSSL("example.com", 1234, expectedContextFactory, 4321, new IPv4Address("TCP", "4.3.2.1", 5678));
            MemoryReactor.SSLClient c = pop(reactor.sslClients);
            assertEquals("example.com", c.host());
            assertEquals(1234, c.port());
            assertSame(expectedContextFactory, c.contextFactory());
            assertEquals(4321, c.timeout());
            assertEquals(new IPv4Address("TCP", "4.3.2.1", 5678), c.bindAddress());
            return c.factory();
        });
    }

    static void assertCancelled(Deferred<?> d) {
        Failure[] f = {null};
        d.addErrback(failure -> {
            f[0] = failure;
            return null;
        });
        assertInstanceOf(CancelledError.class, f[0].value());
    }

    /**
     * Helper for implementing a test to verify that cancellation of the Deferred returned by one
     * of ClientCreator's connect methods is implemented to cancel the underlying connector.
     */
    void cancelConnectTest(Function<ClientCreator<Protocol>, Deferred<Protocol>> connect) {
        MemoryReactorClock reactor = new MemoryReactorClock();
        ClientCreator<Protocol> cc = new ClientCreator<>(reactor, Protocol::new);
        Deferred<Protocol> d = connect.apply(cc);
        FakeConnector connector = pop(reactor.connectors);
        assertFalse(connector.disconnected);
        d.cancel();
        assertTrue(connector.disconnected);
        assertCancelled(d);
    }

    /**
     * The Deferred returned by ClientCreator.connectTCP can be cancelled to abort the connection
     * attempt before it completes.
     */
    @Test
    public void test_cancelConnectTCP() {
        cancelConnectTest(cc -> cc.connectTCP("example.com", 1234));
    }

    /** The Deferred returned by ClientCreator.connectUNIX can be cancelled. */
    @Test
    public void test_cancelConnectUNIX() {
        cancelConnectTest(cc -> cc.connectUNIX("/foo/bar"));
    }

    /** The Deferred returned by ClientCreator.connectSSL can be cancelled. */
    @Test
    public void test_cancelConnectSSL() {
        cancelConnectTest(cc -> cc.connectSSL("example.com", 1234, someContextFactory()));
    }

    /**
     * Like cancelConnectTest, but for the case where the Deferred is cancelled after the
     * connection is set up but before it is fired with the resulting protocol instance.
     */
    void cancelConnectTimeoutTest(BiFunction<MemoryReactorClock, ClientCreator<Protocol>, Deferred<Protocol>> connect) {
        MemoryReactorClock reactor = new MemoryReactorClock();
        ClientCreator<Protocol> cc = new ClientCreator<>(reactor, Protocol::new);
        Deferred<Protocol> d = connect.apply(reactor, cc);
        FakeConnector connector = pop(reactor.connectors);
        // Sanity check - there is an outstanding delayed call to fire the Deferred.
        assertEquals(1, reactor.getDelayedCalls().size());
        // Cancel the Deferred, disconnecting the transport just set up and cancelling the
        // delayed call.
        d.cancel();
        assertEquals(List.of(), reactor.getDelayedCalls());
        // A real connector implementation is responsible for disconnecting the transport as
        // well. For our purposes, just check that someone told the connector to disconnect.
        assertTrue(connector.disconnected);
        assertCancelled(d);
    }

    /**
     * ClientCreator.connectTCP inserts a very short delayed call between the time the connection
     * is established and the time the Deferred returned from one of its connect methods actually
     * fires. If the Deferred is cancelled in this interval, the established connection is closed,
     * the timeout is cancelled, and the Deferred fails with CancelledError.
     */
    @Test
    public void test_cancelConnectTCPTimeout() {
        cancelConnectTimeoutTest((reactor, cc) -> {
            Deferred<Protocol> d = cc.connectTCP("example.com", 1234);
            MemoryReactor.TCPClient c = pop(reactor.tcpClients);
            Protocol protocol = (Protocol) c.factory().buildProtocol(null);
            protocol.makeConnection(new StringTransport());
            return d;
        });
    }

    /** Like test_cancelConnectTCPTimeout, for connectUNIX. */
    @Test
    public void test_cancelConnectUNIXTimeout() {
        cancelConnectTimeoutTest((reactor, cc) -> {
            Deferred<Protocol> d = cc.connectUNIX("/foo/bar");
            MemoryReactor.UNIXClient c = pop(reactor.unixClients);
            Protocol protocol = (Protocol) c.factory().buildProtocol(null);
            protocol.makeConnection(new StringTransport());
            return d;
        });
    }

    /** Like test_cancelConnectTCPTimeout, for connectSSL. */
    @Test
    public void test_cancelConnectSSLTimeout() {
        cancelConnectTimeoutTest((reactor, cc) -> {
            Deferred<Protocol> d = cc.connectSSL("example.com", 1234, someContextFactory());
            MemoryReactor.SSLClient c = pop(reactor.sslClients);
            Protocol protocol = (Protocol) c.factory().buildProtocol(null);
            protocol.makeConnection(new StringTransport());
            return d;
        });
    }

    /**
     * Like cancelConnectTest, but for the case where the Deferred is cancelled after the
     * connection attempt has failed but before it is fired with the resulting failure.
     */
    void cancelConnectFailedTimeoutTest(
            BiFunction<MemoryReactorClock, ClientCreator<Protocol>, Object[]> connect) {
        MemoryReactorClock reactor = new MemoryReactorClock();
        ClientCreator<Protocol> cc = new ClientCreator<>(reactor, Protocol::new);
        Object[] result = connect.apply(reactor, cc);
        @SuppressWarnings("unchecked")
        Deferred<Protocol> d = (Deferred<Protocol>) result[0];
        ClientFactory factory = (ClientFactory) result[1];
        FakeConnector connector = pop(reactor.connectors);
        factory.clientConnectionFailed(connector, new Failure(new Exception("Simulated failure")));
        // Sanity check - there is an outstanding delayed call to fire the Deferred.
        assertEquals(1, reactor.getDelayedCalls().size());
        // Cancel the Deferred, cancelling the delayed call.
        d.cancel();
        assertEquals(List.of(), reactor.getDelayedCalls());
        assertCancelled(d);
    }

    /** Similar to test_cancelConnectTCPTimeout, but for the case where the connection attempt fails. */
    @Test
    public void test_cancelConnectTCPFailedTimeout() {
        cancelConnectFailedTimeoutTest((reactor, cc) -> {
            Deferred<Protocol> d = cc.connectTCP("example.com", 1234);
            return new Object[] {d, pop(reactor.tcpClients).factory()};
        });
    }

    /** Similar to test_cancelConnectUNIXTimeout, but for the case where the connection attempt fails. */
    @Test
    public void test_cancelConnectUNIXFailedTimeout() {
        cancelConnectFailedTimeoutTest((reactor, cc) -> {
            Deferred<Protocol> d = cc.connectUNIX("/foo/bar");
            return new Object[] {d, pop(reactor.unixClients).factory()};
        });
    }

    /** Similar to test_cancelConnectSSLTimeout, but for the case where the connection attempt fails. */
    @Test
    public void test_cancelConnectSSLFailedTimeout() {
        cancelConnectFailedTimeoutTest((reactor, cc) -> {
            Deferred<Protocol> d = cc.connectSSL("example.com", 1234, someContextFactory());
            return new Object[] {d, pop(reactor.sslClients).factory()};
        });
    }
}
