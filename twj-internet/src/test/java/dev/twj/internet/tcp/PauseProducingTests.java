package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of Twisted's {@code twisted.test.test_tcp.PauseProducingTests}. */
class PauseProducingTests extends ReactorBuilder {
    private static List<Object> monitored(SelectReactor reactor) {
        List<Object> all = new ArrayList<>(reactor.getReaders());
        all.addAll(reactor.getWriters());
        return all;
    }

    /**
     * In connectionMade of a client protocol, pauseProducing used to be ignored: this test is here
     * to ensure it's not ignored.
     */
    @Test
    public void test_pauseProducingInConnectionMade() {
        SelectReactor reactor = buildReactor();
        IListeningPort[] port = {null};
        IConnector[] connector = {null};
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory server = new Factories.MyServerFactory();
            Factories.MyClientFactory client = new Factories.MyClientFactory();
            client.protocolConnectionMade = new Deferred<>();
            port[0] = reactor.listenTCP(0, server, 50, "127.0.0.1");
            connector[0] = reactor.connectTCP(hostOf(port[0].getHost()), portOf(port[0].getHost()), client);
            return client.protocolConnectionMade.addCallbackDeferred(proto -> {
                Object tr = proto.transport;
                // The transport should already be monitored
                assertTrue(monitored(reactor).contains(tr));
                ((IPushProducer) proto.transport).pauseProducing();
                assertFalse(monitored(reactor).contains(tr));
                Deferred<AccumulatingProtocol> d = new Deferred<>();
                Deferred<Void> after = d.addCallback(p -> {
                    // The transport should still not be monitored
                    assertFalse(monitored(reactor).contains(p.transport));
                    return null;
                });
                reactor.callLater(0, () -> d.callback(proto));
                return after;
            });
        });
        port[0].stopListening();
        connector[0].disconnect();
    }
}
