package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientCreator;
import dev.twj.internet.selectreactor.SelectReactor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_tcp.HalfCloseTests}: half-closing connections.
 * Twisted's setUp and tearDown run around each test body in the same reactor run.
 */
class HalfCloseTests extends ReactorBuilder {
    private SelectReactor reactor;
    private HalfCloseBuggyApplicationTests.MyHCFactory f;
    private IListeningPort p;
    private HalfCloseBuggyApplicationTests.MyHCProtocol client;
    private Deferred<Void> clientProtoConnectionLost;

    /** Twisted's {@code loopUntil}: fires once {@code predicate} holds, polling every 10 ms. */
    Deferred<Void> loopUntil(BooleanSupplier predicate) {
        Deferred<Void> d = new Deferred<>();
        Runnable[] check = {null};
        check[0] = () -> {
            if (predicate.getAsBoolean()) {
                d.callback(null);
            } else {
                reactor.callLater(0.01, check[0]);
            }
        };
        reactor.callLater(0, check[0]);
        return d;
    }

    private void run(Function<Void, Deferred<?>> test) {
        reactor = buildReactor();
        runDeferredTest(reactor, () -> setUp().addCallbackDeferred(test::apply).addCallbackDeferred(ign -> tearDown()));
    }

    private Deferred<Void> setUp() {
        f = new HalfCloseBuggyApplicationTests.MyHCFactory();
        p = reactor.listenTCP(0, f, 50, "127.0.0.1");
        ClientCreator<HalfCloseBuggyApplicationTests.MyHCProtocol> cf = new ClientCreator<>(
                reactor, HalfCloseBuggyApplicationTests.MyHCProtocol::new);
        return loopUntil(() -> ((Port) p).fileno() != null)
                .addCallbackDeferred(ign -> cf.connectTCP(hostOf(p.getHost()), portOf(p.getHost())))
                .addCallbackDeferred(c -> {
                    client = c;
                    clientProtoConnectionLost = client.closedDeferred = new Deferred<>();
                    assertTrue(((Connection) client.transport).connected);
                    // Wait for the server to notice there is a connection, too.
                    return loopUntil(() -> f.protocol != null);
                });
    }

    private Deferred<Void> tearDown() {
        assertFalse(client.closed);
        client.transport.loseConnection();
        return p.stopListening().addCallbackDeferred(ign -> clientProtoConnectionLost).addCallbackDeferred(ign -> {
            assertTrue(client.closed);
            // because we did half-close, the server also needs to closed explicitly.
            assertFalse(f.protocol.closed);
            Deferred<Void> d = new Deferred<>();
            f.protocol.closedDeferred = d;
            f.protocol.transport.loseConnection();
            return d.addCallback(x -> {
                assertTrue(f.protocol.closed);
                return null;
            });
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** After loseWriteConnection the client can't write, and the server sees a read half-close. */
    @Test
    public void testCloseWriteCloser() {
        run(ignored -> {
            Connection t = (Connection) client.transport;
            t.write(bytes("hello"));
            return loopUntil(() -> t.bufferedBytes() == 0).addCallbackDeferred(ign -> {
                t.loseWriteConnection();
                return loopUntil(() -> t.writeDisconnected);
            }).addCallbackDeferred(ign -> {
                assertFalse(client.closed);
                assertTrue(client.writeHalfClosed);
                assertFalse(client.readHalfClosed);
                return loopUntil(() -> f.protocol.readHalfClosed);
            }).addCallback(ign -> {
                t.write(bytes(" world"));
                t.write(bytes("lalala fooled you"));
                assertEquals(0, t.bufferedBytes());
                assertArrayEquals(bytes("hello"), f.protocol.data());
                assertFalse(f.protocol.closed);
                assertTrue(f.protocol.readHalfClosed);
                return null;
            });
        });
    }

    /** The server's loseWriteConnection notifies its own protocol and the client's. */
    @Test
    public void testWriteCloseNotification() {
        run(ignored -> {
            ((Connection) f.protocol.transport).loseWriteConnection();
            return Defer.gatherResults(List.of(loopUntil(() -> f.protocol.writeHalfClosed),
                    loopUntil(() -> client.readHalfClosed))).addCallback(x -> {
                        assertEquals(false, f.protocol.readHalfClosed);
                        return null;
                    });
        });
    }
}
