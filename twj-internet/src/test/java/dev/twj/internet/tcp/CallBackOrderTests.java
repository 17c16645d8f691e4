package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of Twisted's {@code twisted.test.test_tcp.CallBackOrderTests}: the order of reactor callbacks. */
class CallBackOrderTests extends ReactorBuilder {
    /** Protocol.connectionLost is called before the factory's clientConnectionLost. */
    @Test
    public void test_loseOrder() {
        SelectReactor reactor = buildReactor();
        IListeningPort[] port = {null};
        IConnector[] connector = {null};
        List<AccumulatingProtocol> cleanups = new ArrayList<>();
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory server = new Factories.MyServerFactory();
            server.protocolConnectionMade = new Deferred<>();
            server.protocolConnectionMade.addCallback(proto -> {
                cleanups.add(proto);
                return null;
            });
            Factories.MyClientFactory client = new Factories.MyClientFactory();
            client.protocolConnectionLost = new Deferred<>();
            client.protocolConnectionMade = new Deferred<>();
            Deferred<Void> protocolConnectionLost = client.protocolConnectionLost;
            client.protocolConnectionMade.addCallback(res -> {
                // protocol.connectionMade callback
                reactor.callLater(0, () -> client.lastProtocol.transport.loseConnection());
                return null;
            });
            port[0] = reactor.listenTCP(0, server, 50, "127.0.0.1");
            connector[0] = reactor.connectTCP(hostOf(port[0].getHost()), portOf(port[0].getHost()), client);
            Deferred<List<String>> d = Defer.gatherResults(List.of(
                    protocolConnectionLost.addCallback(res -> "CL"), // protocol.connectionLost callback
                    client.deferred.addCallback(res -> "CCL"))); // factory.clientConnectionLost callback
            return d.addCallback(res -> {
                assertEquals(List.of("CL", "CCL"), res);
                return null;
            });
        });
        for (AccumulatingProtocol proto : cleanups) {
            proto.transport.loseConnection();
        }
        port[0].stopListening();
        connector[0].disconnect();
    }
}
