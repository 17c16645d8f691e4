package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import dev.twj.python.failure.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of Twisted's {@code twisted.test.test_tcp.ListeningTests}: listening TCP ports. */
class ListeningTests extends ReactorBuilder {
    /** A MyServerFactory whose stopFactory raises while {@code raising} is set. */
    static final class RaisingServerFactory extends Factories.MyServerFactory {
        boolean raising = true;

        @Override
        public void stopFactory() {
            if (raising) {
                throw new RuntimeException("An error");
            }
        }
    }

    /** {@code listenTCP} returns an object which provides IListeningPort. */
    @Test
    public void test_listen() {
        SelectReactor reactor = buildReactor();
        Factories.MyServerFactory f = new Factories.MyServerFactory();
        Object p1 = reactor.listenTCP(0, f, 50, "127.0.0.1");
        try {
            assertTrue(p1 instanceof IListeningPort);
        } finally {
            ((IListeningPort) p1).stopListening();
        }
    }

    /**
     * The IListeningPort returned by listenTCP can be stopped with its stopListening method. After
     * the Deferred it returns has been called back, the port number can be bound to a new server.
     */
    @Test
    public void testStopListening() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory f = new Factories.MyServerFactory();
            IListeningPort port = reactor.listenTCP(0, f, 50, "127.0.0.1");
            int n = portOf(port.getHost());
            return port.stopListening().addCallbackDeferred(ignored -> {
                // Make sure we can rebind the port right away
                IListeningPort port2 = reactor.listenTCP(n, f, 50, "127.0.0.1");
                return port2.stopListening();
            });
        });
    }

    /** Listening only on the loopback interface works. */
    @Test
    public void testNumberedInterface() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory f = new Factories.MyServerFactory();
            // listen only on the loopback interface
            IListeningPort p1 = reactor.listenTCP(0, f, 50, "127.0.0.1");
            return p1.stopListening();
        });
    }

    /** The port's string form holds its port number while listening, and not once stopped. */
    @Test
    public void testPortRepr() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory f = new Factories.MyServerFactory();
            IListeningPort p = reactor.listenTCP(0, f, 50, "");
            String portNo = String.valueOf(portOf(p.getHost()));
            assertFalse(p.toString().indexOf(portNo) == -1);
            return p.stopListening().addCallback(ign -> {
                assertFalse(p.toString().indexOf(portNo) != -1);
                return null;
            });
        });
    }

    /**
     * Check that the repr string of the server transport get the good port number if the server
     * listens on 0.
     */
    @Test
    public void test_serverRepr() {
        SelectReactor reactor = buildReactor();
        IListeningPort[] port = {null};
        IConnector[] connector = {null};
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory server = new Factories.MyServerFactory();
            Deferred<AccumulatingProtocol> serverConnMade = server.protocolConnectionMade = new Deferred<>();
            port[0] = reactor.listenTCP(0, server, 50, "");
            Factories.MyClientFactory client = new Factories.MyClientFactory();
            Deferred<AccumulatingProtocol> clientConnMade = client.protocolConnectionMade = new Deferred<>();
            connector[0] = reactor.connectTCP("127.0.0.1", portOf(port[0].getHost()), client);
            return Defer.gatherResults(List.of(serverConnMade, clientConnMade)).addCallback(result -> {
                AccumulatingProtocol serverProto = result.get(0);
                AccumulatingProtocol clientProto = result.get(1);
                int portNumber = portOf(port[0].getHost());
                assertEquals("<AccumulatingProtocol #0 on " + portNumber + ">", serverProto.transport.toString());
                serverProto.transport.loseConnection();
                clientProto.transport.loseConnection();
                return null;
            });
        });
        port[0].stopListening();
        connector[0].disconnect();
    }

    /**
     * Stop and then try to restart a tcp.Port: after a restart, the server should be able to
     * handle client connections.
     */
    @Test
    public void test_restartListening() {
        SelectReactor reactor = buildReactor();
        Factories.MyServerFactory serverFactory = new Factories.MyServerFactory();
        IListeningPort[] port = {null};
        IConnector[] connector = {null};
        runDeferredTest(reactor, () -> {
            port[0] = reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
            return port[0].stopListening().addCallbackDeferred(ignored -> restartAndConnect(
                    reactor, port[0], serverFactory, connector));
        });
        port[0].stopListening();
        connector[0].disconnect();
    }

    private static Deferred<Object> restartAndConnect(SelectReactor reactor, IListeningPort port,
            Factories.MyServerFactory serverFactory, IConnector[] connector) {
        port.startListening();
        Factories.MyClientFactory client = new Factories.MyClientFactory();
        serverFactory.protocolConnectionMade = new Deferred<>();
        client.protocolConnectionMade = new Deferred<>();
        connector[0] = reactor.connectTCP("127.0.0.1", portOf(port.getHost()), client);
        return Defer.gatherResults(List.of(serverFactory.protocolConnectionMade, client.protocolConnectionMade))
                .addCallback(result -> {
                    AccumulatingProtocol serverProto = result.get(0);
                    AccumulatingProtocol clientProto = result.get(1);
                    clientProto.transport.loseConnection();
                    serverProto.transport.loseConnection();
                    return null;
                });
    }

    /**
     * If the server factory raises an exception in stopFactory, the deferred returned by
     * tcp.Port.stopListening should fail with the corresponding error.
     */
    @Test
    public void test_exceptInStop() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            RaisingServerFactory serverFactory = new RaisingServerFactory();
            IListeningPort port = reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
            return assertFailure(port.stopListening(), RuntimeException.class);
        });
    }

    /**
     * Even if the server factory raise an exception in stopFactory, the corresponding tcp.Port
     * instance should be in a sane state and can be restarted.
     */
    @Test
    public void test_restartAfterExcept() {
        SelectReactor reactor = buildReactor();
        RaisingServerFactory serverFactory = new RaisingServerFactory();
        IListeningPort[] port = {null};
        IConnector[] connector = {null};
        runDeferredTest(reactor, () -> {
            port[0] = reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
            return assertFailure(port[0].stopListening(), RuntimeException.class).addCallbackDeferred(ignored -> {
                serverFactory.raising = false;
                return restartAndConnect(reactor, port[0], serverFactory, connector);
            });
        });
        port[0].stopListening();
        connector[0].disconnect();
    }

    /**
     * If connectionLost is called directly on a port object, it succeeds (and doesn't expect the
     * presence of a deferred attribute). connectionLost is called by reactor.disconnectAll at
     * shutdown.
     */
    @Test
    public void test_directConnectionLostCall() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory serverFactory = new Factories.MyServerFactory();
            Port port = (Port) reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
            int portNumber = portOf(port.getHost());
            port.connectionLost(null);
            Factories.MyClientFactory client = new Factories.MyClientFactory();
            serverFactory.protocolConnectionMade = new Deferred<>();
            client.protocolConnectionMade = new Deferred<>();
            reactor.connectTCP("127.0.0.1", portNumber, client);
            return client.failDeferred.addCallback(ign -> {
                client.reason.trap(ConnectionRefusedError.class);
                return null;
            });
        });
    }

    /**
     * If connectionLost is called directly on a port object and the server factory raises an
     * exception in stopFactory, the exception is passed through to the caller.
     */
    @Test
    public void test_exceptInConnectionLostCall() {
        SelectReactor reactor = buildReactor();
        RaisingServerFactory serverFactory = new RaisingServerFactory();
        Port port = (Port) reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
        assertThrows(RuntimeException.class, () -> port.connectionLost(null));
    }

    /** Trial's assertFailure: {@code d} must fail with {@code type}; the result is the failure's value. */
    static Deferred<Object> assertFailure(Deferred<?> d, Class<? extends Throwable> type) {
        return d.addCallbacks(r -> {
            throw new AssertionError("Expected failure of " + type + ", got " + r);
        }, f -> {
            if (!type.isInstance(f.value())) {
                throw new AssertionError("Expected " + type + ", got " + f);
            }
            return f.value();
        });
    }
}
