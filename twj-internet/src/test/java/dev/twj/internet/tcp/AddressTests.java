package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_tcp.AddressTests}: address-related interactions with
 * client and server protocols. Twisted's setUp and tearDown run here around the test body, in the
 * same reactor run.
 */
class AddressTests extends ReactorBuilder {
    /**
     * Simple wrapper factory which records the addresses passed to its buildProtocol method and
     * delegates actual protocol creation to another factory.
     */
    static final class RememberingWrapper extends ClientFactory {
        final List<IAddress> addresses = new ArrayList<>();
        final Factory factory;

        RememberingWrapper(Factory factory) {
            this.factory = factory;
        }

        @Override
        public Protocol buildProtocol(IAddress addr) {
            addresses.add(addr);
            return factory.buildProtocol(addr);
        }
    }

    /**
     * ClientFactory.buildProtocol should be invoked with the address of the server to which a
     * connection has been established, which should be the same as the address reported by the
     * getHost method of the transport of the server protocol and as the getPeer method of the
     * transport of the client protocol.
     */
    @Test
    public void test_buildProtocolClient() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            // setUp
            Factories.MyServerFactory server = new Factories.MyServerFactory();
            Deferred<AccumulatingProtocol> serverConnMade = server.protocolConnectionMade = new Deferred<>();
            Deferred<Void> serverConnLost = server.protocolConnectionLost = new Deferred<>();
            RememberingWrapper serverWrapper = new RememberingWrapper(server);
            Factories.MyClientFactory client = new Factories.MyClientFactory();
            Deferred<AccumulatingProtocol> clientConnMade = client.protocolConnectionMade = new Deferred<>();
            Deferred<Void> clientConnLost = client.protocolConnectionLost = new Deferred<>();
            RememberingWrapper clientWrapper = new RememberingWrapper(client);
            IListeningPort port = reactor.listenTCP(0, serverWrapper, 50, "127.0.0.1");
            IConnector connector = reactor.connectTCP(hostOf(port.getHost()), portOf(port.getHost()), clientWrapper);
            return Defer.gatherResults(List.of(serverConnMade, clientConnMade)).addCallback(ignored -> {
                // the test
                IPv4Address serverHost = (IPv4Address) server.lastProtocol.transport.getHost();
                IPv4Address clientPeer = (IPv4Address) client.lastProtocol.transport.getPeer();
                assertEquals(List.of(new IPv4Address("TCP", serverHost.host(), serverHost.port())),
                        clientWrapper.addresses);
                assertEquals(List.of(new IPv4Address("TCP", clientPeer.host(), clientPeer.port())),
                        clientWrapper.addresses);
                return null;
            }).addCallbackDeferred(ignored -> {
                // tearDown
                connector.disconnect();
                return Defer.gatherResults(List.of(serverConnLost, clientConnLost, port.stopListening()));
            });
        });
    }
}
