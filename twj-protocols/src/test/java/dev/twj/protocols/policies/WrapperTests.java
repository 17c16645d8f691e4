package dev.twj.protocols.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.testing.FakeConnector;
import dev.twj.internet.testing.StringTransport;
import dev.twj.internet.testing.StringTransportWithDisconnection;
import dev.twj.protocols.policies.PoliciesTestSupport.Server;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.test.test_policies.WrapperTests}: {@link WrappingFactory} and {@link ProtocolWrapper}. */
class WrapperTests {
    /** Make sure protocol.factory is the wrapped factory, not the wrapping factory. */
    @Test
    public void test_protocolFactoryAttribute() {
        Server f = new Server();
        WrappingFactory wf = new WrappingFactory(f);
        ProtocolWrapper p = (ProtocolWrapper) wf.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 35));
        assertSame(f, ((Protocol) p.wrappedProtocol).factory);
    }

    /**
     * The transport wrapper passed to the wrapped protocol's {@code makeConnection} provides the
     * same interfaces as are provided by the original transport.
     *
     * <p>Java version: the wrapper cannot take on a new interface at run time, so the transport is
     * a {@code StringTransport} and the test checks every interface it implements (ITransport,
     * IConsumer, IPushProducer), which the wrapper implements statically.
     */
    @Test
    public void test_transportInterfaces() {
        Protocol proto = new Protocol();
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(null), proto);
        StringTransport stub = new StringTransport();

        wrapper.makeConnection(stub);
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = stub.getClass(); c != null; c = c.getSuperclass()) {
            interfaces.addAll(List.of(c.getInterfaces()));
        }
        assertEquals(3, interfaces.size(), interfaces.toString());
        for (Class<?> i : interfaces) {
            assertTrue(i.isInstance(proto.transport), i.toString());
        }
    }

    /**
     * {@link WrappingFactory#logPrefix} is customized to mention both the original factory and
     * the wrapping factory.
     */
    @Test
    public void test_factoryLogPrefix() {
        Server server = new Server();
        WrappingFactory factory = new WrappingFactory(server);
        assertEquals("Server (WrappingFactory)", factory.logPrefix());
    }

    /**
     * If the wrapped factory doesn't have a {@code logPrefix} method, {@link WrappingFactory#logPrefix}
     * falls back to the factory class name.
     */
    @Test
    public void test_factoryLogPrefixFallback() {
        class NoFactory implements IProtocolFactory {
            @Override
            public IProtocol buildProtocol(IAddress addr) {
                return null;
            }

            @Override
            public void doStart() {}

            @Override
            public void doStop() {}
        }

        NoFactory server = new NoFactory();
        WrappingFactory factory = new WrappingFactory(server);
        assertEquals("NoFactory (WrappingFactory)", factory.logPrefix());
    }

    /**
     * {@link ProtocolWrapper#logPrefix} is customized to mention both the original protocol and
     * the wrapper.
     */
    @Test
    public void test_protocolLogPrefix() {
        Server server = new Server();
        WrappingFactory factory = new WrappingFactory(server);
        Protocol protocol = factory.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 35));
        assertEquals("EchoProtocol (ProtocolWrapper)", protocol.logPrefix());
    }

    /**
     * If the wrapped protocol doesn't have a {@code logPrefix} method, {@link ProtocolWrapper#logPrefix}
     * falls back to the protocol class name.
     */
    @Test
    public void test_protocolLogPrefixFallback() {
        class NoProtocol implements IProtocol {
            @Override
            public void dataReceived(byte[] data) {}

            @Override
            public void connectionLost(Failure reason) {}

            @Override
            public void makeConnection(dev.twj.internet.interfaces.ITransport transport) {}

            @Override
            public void connectionMade() {}
        }

        IProtocolFactory server = new IProtocolFactory() {
            @Override
            public IProtocol buildProtocol(IAddress addr) {
                return new NoProtocol();
            }

            @Override
            public void doStart() {}

            @Override
            public void doStop() {}
        };
        WrappingFactory factory = new WrappingFactory(server);
        Protocol protocol = factory.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 35));
        assertEquals("NoProtocol (ProtocolWrapper)", protocol.logPrefix());
    }

    /** Return a {@link ProtocolWrapper} that has been connected to a {@link StringTransport}. */
    private ProtocolWrapper getWrapper() {
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(new Server()), new Protocol());
        StringTransport transport = new StringTransport();
        wrapper.makeConnection(transport);
        return wrapper;
    }

    /** {@link ProtocolWrapper#getHost} calls {@code getHost} on the underlying transport. */
    @Test
    public void test_getHost() {
        ProtocolWrapper wrapper = getWrapper();
        assertEquals(wrapper.transport.getHost(), wrapper.getHost());
    }

    /** {@link ProtocolWrapper#getPeer} calls {@code getPeer} on the underlying transport. */
    @Test
    public void test_getPeer() {
        ProtocolWrapper wrapper = getWrapper();
        assertEquals(wrapper.transport.getPeer(), wrapper.getPeer());
    }

    /** {@link ProtocolWrapper#registerProducer} calls {@code registerProducer} on the underlying transport. */
    @Test
    public void test_registerProducer() {
        ProtocolWrapper wrapper = getWrapper();
        IProducer producer = () -> {};
        wrapper.registerProducer(producer, true);
        assertSame(producer, ((StringTransport) wrapper.transport).producer);
        assertTrue(((StringTransport) wrapper.transport).streaming);
    }

    /** {@link ProtocolWrapper#unregisterProducer} calls {@code unregisterProducer} on the underlying transport. */
    @Test
    public void test_unregisterProducer() {
        ProtocolWrapper wrapper = getWrapper();
        IProducer producer = () -> {};
        wrapper.registerProducer(producer, true);
        wrapper.unregisterProducer();
        assertNull(((StringTransport) wrapper.transport).producer);
        assertNull(((StringTransport) wrapper.transport).streaming);
    }

    /** A transport with a {@code stopConsuming} method, which Twisted's test patches in. */
    static class StopConsumingTransport extends StringTransport {
        final List<Boolean> result = new ArrayList<>();

        public void stopConsuming() {
            result.add(true);
        }
    }

    /** {@link ProtocolWrapper#stopConsuming} calls {@code stopConsuming} on the underlying transport. */
    @Test
    public void test_stopConsuming() {
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(new Server()), new Protocol());
        StopConsumingTransport transport = new StopConsumingTransport();
        wrapper.makeConnection(transport);
        wrapper.stopConsuming();
        assertEquals(List.of(true), transport.result);
    }

    /** {@link WrappingFactory#startedConnecting} calls {@code startedConnecting} on the underlying factory. */
    @Test
    public void test_startedConnecting() {
        List<IConnector> result = new ArrayList<>();

        ClientFactory factory = new ClientFactory() {
            @Override
            public void startedConnecting(IConnector connector) {
                result.add(connector);
            }
        };

        WrappingFactory wrapper = new WrappingFactory(factory);
        IConnector connector = new FakeConnector(new IPv4Address("TCP", "127.0.0.1", 1));
        wrapper.startedConnecting(connector);
        assertEquals(List.of(connector), result);
    }

    /** {@link WrappingFactory#clientConnectionLost} calls {@code clientConnectionLost} on the underlying factory. */
    @Test
    public void test_clientConnectionLost() {
        List<Object[]> result = new ArrayList<>();

        ClientFactory factory = new ClientFactory() {
            @Override
            public void clientConnectionLost(IConnector connector, Failure reason) {
                result.add(new Object[] {connector, reason});
            }
        };

        WrappingFactory wrapper = new WrappingFactory(factory);
        IConnector connector = new FakeConnector(new IPv4Address("TCP", "127.0.0.1", 1));
        Failure reason = new Failure(new RuntimeException());
        wrapper.clientConnectionLost(connector, reason);
        assertEquals(1, result.size());
        assertSame(connector, result.get(0)[0]);
        assertSame(reason, result.get(0)[1]);
    }

    /** {@link WrappingFactory#clientConnectionFailed} calls {@code clientConnectionFailed} on the underlying factory. */
    @Test
    public void test_clientConnectionFailed() {
        List<Object[]> result = new ArrayList<>();

        ClientFactory factory = new ClientFactory() {
            @Override
            public void clientConnectionFailed(IConnector connector, Failure reason) {
                result.add(new Object[] {connector, reason});
            }
        };

        WrappingFactory wrapper = new WrappingFactory(factory);
        IConnector connector = new FakeConnector(new IPv4Address("TCP", "127.0.0.1", 1));
        Failure reason = new Failure(new RuntimeException());
        wrapper.clientConnectionFailed(connector, reason);
        assertEquals(1, result.size());
        assertSame(connector, result.get(0)[0]);
        assertSame(reason, result.get(0)[1]);
    }

    /**
     * {@link ProtocolWrapper#connectionLost} sets {@code wrappedProtocol} to null in order to break
     * reference cycle between wrapper and wrapped protocols.
     */
    @Test
    public void test_breakReferenceCycle() {
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(new Server()), new Protocol());
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        transport.protocol = wrapper;
        wrapper.makeConnection(transport);

        assertNotNull(wrapper.wrappedProtocol);
        transport.loseConnection();
        assertNull(wrapper.wrappedProtocol);
    }
}
