package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.error.UserError;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.internet.test.test_tcp.TCPConnectorTestsBuilder}: tests for
 * the IConnector returned by connectTCP, run over IPv4 ({@link TCP4ConnectorTestsBuilderTests}) and IPv6
 * ({@link TCP6ConnectorTestsBuilderTests}).
 */
abstract class TCPConnectorTestsBuilder extends ReactorBuilder {
    /**
     * connectTCP returns an object which provides IConnector. The destination of the connector
     * is the address which was passed to connectTCP. The same connector object is passed to the
     * factory's startedConnecting method as to the factory's clientConnectionLost method.
     */
    @Test
    public void test_connectorIdentity() {
        Factories.ClosingFactory serverFactory = new Factories.ClosingFactory();
        SelectReactor reactor = buildReactor();
        IListeningPort tcpPort = reactor.listenTCP(0, serverFactory, 50, interface_());
        serverFactory.port = tcpPort;
        int portNumber = portOf(tcpPort.getHost());
        List<IConnector> seenConnectors = new ArrayList<>();
        List<Failure> seenFailures = new ArrayList<>();
        Factories.ClientStartStopFactory clientFactory = new Factories.ClientStartStopFactory() {
            @Override
            public void clientConnectionLost(IConnector connector, Failure reason) {
                seenConnectors.add(connector);
                seenFailures.add(reason);
            }

            @Override
            public void startedConnecting(IConnector connector) {
                seenConnectors.add(connector);
            }
        };
        IConnector connector = reactor.connectTCP(interface_(), portNumber, clientFactory);
        assertInstanceOf(IConnector.class, connector);
        var dest = connector.getDestination();
        assertEquals(interface_(), hostOf(dest));
        assertEquals(portNumber, portOf(dest));
        assertTrue(dest.toString().contains("type='TCP'"));
        clientFactory.whenStopped.addBoth(ignored -> {
            reactor.stop();
            return null;
        });
        runReactor(reactor);
        seenFailures.get(0).trap(ConnectionDone.class);
        assertEquals(List.of(connector, connector), seenConnectors);
    }

    /**
     * Calling IConnector.stopConnecting in Factory.startedConnecting results in
     * Factory.clientConnectionFailed being called with UserError as the reason.
     */
    @Test
    public void test_userFail() {
        Factories.MyServerFactory serverFactory = new Factories.MyServerFactory();
        SelectReactor reactor = buildReactor();
        IListeningPort tcpPort = reactor.listenTCP(0, serverFactory, 50, interface_());
        int portNumber = portOf(tcpPort.getHost());
        List<Throwable> fatalErrors = new ArrayList<>();
        Factories.ClientStartStopFactory clientFactory = new Factories.ClientStartStopFactory() {
            @Override
            public void startedConnecting(IConnector connector) {
                try {
                    connector.stopConnecting();
                } catch (RuntimeException e) {
                    fatalErrors.add(e);
                    reactor.stop();
                }
            }
        };
        clientFactory.whenStopped.addBoth(ignored -> {
            reactor.stop();
            return null;
        });
        reactor.callWhenRunning(() -> reactor.connectTCP(interface_(), portNumber, clientFactory));
        runReactor(reactor);
        if (!fatalErrors.isEmpty()) {
            throw new AssertionError(fatalErrors.get(0));
        }
        clientFactory.reason.trap(UserError.class);
        assertEquals(1, clientFactory.failed);
    }

    /**
     * Calling IConnector.connect in Factory.clientConnectionLost causes a new connection attempt
     * to be made.
     */
    @Test
    public void test_reconnect() {
        Factories.ClosingFactory serverFactory = new Factories.ClosingFactory();
        SelectReactor reactor = buildReactor();
        IListeningPort tcpPort = reactor.listenTCP(0, serverFactory, 50, interface_());
        serverFactory.port = tcpPort;
        int portNumber = portOf(tcpPort.getHost());
        Factories.MyClientFactory clientFactory = new Factories.MyClientFactory() {
            @Override
            public void clientConnectionLost(IConnector connector, Failure reason) {
                connector.connect();
            }
        };
        reactor.connectTCP(interface_(), portNumber, clientFactory);
        List<List<Boolean>> protocolMadeAndClosed = new ArrayList<>();
        clientFactory.failDeferred.addCallback(ignored -> {
            AccumulatingProtocol p = clientFactory.lastProtocol;
            protocolMadeAndClosed.add(List.of(p.made, p.closed));
            reactor.stop();
            return null;
        });
        runReactor(reactor);
        clientFactory.reason.trap(ConnectionRefusedError.class);
        assertEquals(List.of(List.of(true, true)), protocolMadeAndClosed);
    }
}
