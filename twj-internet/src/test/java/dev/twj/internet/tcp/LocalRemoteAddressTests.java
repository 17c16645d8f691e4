package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_tcp.LocalRemoteAddressTests}: correct getHost/getPeer
 * values, and that the correct address is passed to buildProtocol.
 */
class LocalRemoteAddressTests extends ReactorBuilder {
    /** IListeningPort.getHost returns the same address as a client connection's getPeer. */
    @Test
    public void test_hostAddress() {
        SelectReactor reactor = buildReactor();
        IListeningPort[] port = {null};
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory serverFactory = new Factories.MyServerFactory();
            serverFactory.protocolConnectionLost = new Deferred<>();
            Deferred<Void> serverConnectionLost = serverFactory.protocolConnectionLost;
            port[0] = reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
            int n = portOf(port[0].getHost());
            Factories.MyClientFactory clientFactory = new Factories.MyClientFactory();
            Deferred<AccumulatingProtocol> onConnection = clientFactory.protocolConnectionMade = new Deferred<>();
            IConnector connector = reactor.connectTCP("127.0.0.1", n, clientFactory);
            return onConnection.addCallback(ignored -> {
                assertEquals(List.of(port[0].getHost()), clientFactory.peerAddresses);
                assertEquals(port[0].getHost(), clientFactory.lastProtocol.transport.getPeer());
                return null;
            }).addCallbackDeferred(ignored -> {
                // Clean up the client explicitly here so that tear down of the server side of
                // the connection begins, then wait for the server side to actually disconnect.
                connector.disconnect();
                return serverConnectionLost;
            });
        });
        port[0].stopListening();
    }
}
