package dev.twj.protocols.policies;

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
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Port of {@code twisted.test.test_policies.WrapperTests}: {@link WrappingFactory} and {@link ProtocolWrapper}. */
class WrapperTests extends SynchronousTestCase {
    /** Make sure protocol.factory is the wrapped factory, not the wrapping factory. */
    public void test_protocolFactoryAttribute() {
        Server f = new Server();
        WrappingFactory wf = new WrappingFactory(f);
        ProtocolWrapper p = (ProtocolWrapper) wf.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 35));
        assertIs(((Protocol) p.wrappedProtocol).factory, f);
    }

    /**
     * The transport wrapper passed to the wrapped protocol's {@code makeConnection} provides the
     * same interfaces as are provided by the original transport.
     *
     * <p>Java version: the wrapper cannot take on a new interface at run time, so the transport is
     * a {@code StringTransport} and the test checks every interface it implements (ITransport,
     * IConsumer, IPushProducer), which the wrapper implements statically.
     */
    public void test_transportInterfaces() {
        Protocol proto = new Protocol();
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(null), proto);
        StringTransport stub = new StringTransport();

        wrapper.makeConnection(stub);
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = stub.getClass(); c != null; c = c.getSuperclass()) {
            interfaces.addAll(List.of(c.getInterfaces()));
        }
        assertEqual(interfaces.size(), 3, interfaces.toString());
        for (Class<?> i : interfaces) {
            assertTrue(i.isInstance(proto.transport), i.toString());
        }
    }

    /**
     * {@link WrappingFactory#logPrefix} is customized to mention both the original factory and
     * the wrapping factory.
     */
    public void test_factoryLogPrefix() {
        Server server = new Server();
        WrappingFactory factory = new WrappingFactory(server);
        assertEqual(factory.logPrefix(), "Server (WrappingFactory)");
    }

    /**
     * If the wrapped factory doesn't have a {@code logPrefix} method, {@link WrappingFactory#logPrefix}
     * falls back to the factory class name.
     */
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
        assertEqual(factory.logPrefix(), "NoFactory (WrappingFactory)");
    }

    /**
     * {@link ProtocolWrapper#logPrefix} is customized to mention both the original protocol and
     * the wrapper.
     */
    public void test_protocolLogPrefix() {
        Server server = new Server();
        WrappingFactory factory = new WrappingFactory(server);
        Protocol protocol = factory.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 35));
        assertEqual(protocol.logPrefix(), "EchoProtocol (ProtocolWrapper)");
    }

    /**
     * If the wrapped protocol doesn't have a {@code logPrefix} method, {@link ProtocolWrapper#logPrefix}
     * falls back to the protocol class name.
     */
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
        assertEqual(protocol.logPrefix(), "NoProtocol (ProtocolWrapper)");
    }

    /** Return a {@link ProtocolWrapper} that has been connected to a {@link StringTransport}. */
    private ProtocolWrapper getWrapper() {
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(new Server()), new Protocol());
        StringTransport transport = new StringTransport();
        wrapper.makeConnection(transport);
        return wrapper;
    }

    /** {@link ProtocolWrapper#getHost} calls {@code getHost} on the underlying transport. */
    public void test_getHost() {
        ProtocolWrapper wrapper = getWrapper();
        assertEqual(wrapper.getHost(), wrapper.transport.getHost());
    }

    /** {@link ProtocolWrapper#getPeer} calls {@code getPeer} on the underlying transport. */
    public void test_getPeer() {
        ProtocolWrapper wrapper = getWrapper();
        assertEqual(wrapper.getPeer(), wrapper.transport.getPeer());
    }

    /** {@link ProtocolWrapper#registerProducer} calls {@code registerProducer} on the underlying transport. */
    public void test_registerProducer() {
        ProtocolWrapper wrapper = getWrapper();
        IProducer producer = () -> {};
        wrapper.registerProducer(producer, true);
        assertIs(((StringTransport) wrapper.transport).producer, producer);
        assertTrue(((StringTransport) wrapper.transport).streaming);
    }

    /** {@link ProtocolWrapper#unregisterProducer} calls {@code unregisterProducer} on the underlying transport. */
    public void test_unregisterProducer() {
        ProtocolWrapper wrapper = getWrapper();
        IProducer producer = () -> {};
        wrapper.registerProducer(producer, true);
        wrapper.unregisterProducer();
        assertIs(((StringTransport) wrapper.transport).producer, null);
        assertIs(((StringTransport) wrapper.transport).streaming, null);
    }

    /** A transport with a {@code stopConsuming} method, which Twisted's test patches in. */
    static class StopConsumingTransport extends StringTransport {
        final List<Boolean> result = new ArrayList<>();

        public void stopConsuming() {
            result.add(true);
        }
    }

    /** {@link ProtocolWrapper#stopConsuming} calls {@code stopConsuming} on the underlying transport. */
    public void test_stopConsuming() {
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(new Server()), new Protocol());
        StopConsumingTransport transport = new StopConsumingTransport();
        wrapper.makeConnection(transport);
        wrapper.stopConsuming();
        assertEqual(transport.result, List.of(true));
    }

    /** {@link WrappingFactory#startedConnecting} calls {@code startedConnecting} on the underlying factory. */
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
        assertEqual(result, List.of(connector));
    }

    /** {@link WrappingFactory#clientConnectionLost} calls {@code clientConnectionLost} on the underlying factory. */
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
        assertEqual(result.size(), 1);
        assertIs(result.get(0)[0], connector);
        assertIs(result.get(0)[1], reason);
    }

    /** {@link WrappingFactory#clientConnectionFailed} calls {@code clientConnectionFailed} on the underlying factory. */
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
        assertEqual(result.size(), 1);
        assertIs(result.get(0)[0], connector);
        assertIs(result.get(0)[1], reason);
    }

    /**
     * {@link ProtocolWrapper#connectionLost} sets {@code wrappedProtocol} to null in order to break
     * reference cycle between wrapper and wrapped protocols.
     */
    public void test_breakReferenceCycle() {
        ProtocolWrapper wrapper = new ProtocolWrapper(new WrappingFactory(new Server()), new Protocol());
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        transport.protocol = wrapper;
        wrapper.makeConnection(transport);

        assertIsNot(wrapper.wrappedProtocol, null);
        transport.loseConnection();
        assertIs(wrapper.wrappedProtocol, null);
    }
}
