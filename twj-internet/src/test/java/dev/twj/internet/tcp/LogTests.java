package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.selectreactor.SelectReactor;
import org.junit.jupiter.api.Test;

/** Port of Twisted's {@code twisted.test.test_tcp.LogTests}: logging facility of TCP base classes. */
class LogTests extends ReactorBuilder {
    /** The log customization of the client transport happens once the client is connected. */
    @Test
    public void test_logstrClientSetup() {
        SelectReactor reactor = buildReactor();
        IListeningPort[] port = {null};
        Connector[] connector = {null};
        runDeferredTest(reactor, () -> {
            Factories.MyServerFactory server = new Factories.MyServerFactory();
            Factories.MyClientFactory client = new Factories.MyClientFactory();
            client.protocolConnectionMade = new Deferred<>();
            port[0] = reactor.listenTCP(0, server, 50, "127.0.0.1");
            connector[0] = (Connector) reactor.connectTCP(hostOf(port[0].getHost()), portOf(port[0].getHost()), client);
            // It should still have the default value
            assertEquals("Uninitialized", ((Client) connector[0].transport).logstr());
            return client.protocolConnectionMade.addCallback(ign -> {
                assertEquals("AccumulatingProtocol,client", ((Client) connector[0].transport).logstr());
                return null;
            });
        });
        port[0].stopListening();
        connector[0].disconnect();
    }
}
