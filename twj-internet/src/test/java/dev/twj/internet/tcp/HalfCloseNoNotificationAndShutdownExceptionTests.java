package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientCreator;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_tcp.HalfCloseNoNotificationAndShutdownExceptionTests}:
 * half-closing protocols that are not IHalfCloseableProtocol.
 */
class HalfCloseNoNotificationAndShutdownExceptionTests extends ReactorBuilder {
    /** Sets up a connected pair and calls {@code test} with the client and the server protocol. */
    void connected(SelectReactor reactor, Factories.MyServerFactory f,
            BiConsumer<AccumulatingProtocol, AccumulatingProtocol> test) {
        Deferred<dev.twj.internet.testing.AccumulatingProtocol> serverMade = new Deferred<>();
        f.protocolConnectionMade = serverMade;
        IListeningPort p = reactor.listenTCP(0, f, 50, "127.0.0.1");
        reactor.callWhenRunning(() -> new ClientCreator<>(reactor, AccumulatingProtocol::new)
                .connectTCP(hostOf(p.getHost()), portOf(p.getHost()))
                .addCallback(client -> {
                    serverMade.addCallback(server -> {
                        test.accept(client, server);
                        return null;
                    });
                    return null;
                }));
    }

    static void bothClosed(SelectReactor reactor, AccumulatingProtocol client, AccumulatingProtocol server) {
        Deferred<Void> d = new Deferred<>();
        Deferred<Void> d2 = new Deferred<>();
        server.closedDeferred = d;
        client.closedDeferred = d2;
        int[] remaining = {2};
        for (Deferred<Void> x : java.util.List.of(d, d2)) {
            x.addCallback(ignored -> {
                if (--remaining[0] == 0) {
                    reactor.stop();
                }
                return null;
            });
        }
    }

    /**
     * TCP protocols support half-close connections, but not all of them support being notified
     * of write closes. In this case, test that half-closing the connection causes the peer's
     * connection to be closed.
     */
    @Test
    public void testNoNotification() {
        SelectReactor reactor = buildReactor();
        Factories.MyServerFactory f = new Factories.MyServerFactory();
        AccumulatingProtocol[] server = {null};
        connected(reactor, f, (client, s) -> {
            server[0] = s;
            client.transport.write("hello".getBytes());
            ((Connection) client.transport).loseWriteConnection();
            bothClosed(reactor, client, s);
        });
        runReactor(reactor);
        assertEquals("hello", new String(server[0].data()));
        assertTrue(server[0].closed);
    }

    /** If the other side has already closed its connection, loseWriteConnection should pass silently. */
    @Test
    public void testShutdownException() {
        SelectReactor reactor = buildReactor();
        Factories.MyServerFactory f = new Factories.MyServerFactory();
        AccumulatingProtocol[] server = {null};
        connected(reactor, f, (client, s) -> {
            server[0] = s;
            s.transport.loseConnection();
            client.transport.write("X".getBytes());
            ((Connection) client.transport).loseWriteConnection();
            bothClosed(reactor, client, s);
        });
        runReactor(reactor);
        assertTrue(server[0].closed);
    }
}
