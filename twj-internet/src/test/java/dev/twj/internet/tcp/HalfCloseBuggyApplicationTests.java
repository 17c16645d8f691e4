package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IHalfCloseableProtocol;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientCreator;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_tcp.HalfCloseBuggyApplicationTests}: test
 * half-closing connections where notification code has bugs. Each test runs its own reactor
 * (Twisted's setUp runs in the global one).
 */
class HalfCloseBuggyApplicationTests extends ReactorBuilder {
    /** Twisted's MyHCProtocol: records half-closes, and is lost once both sides are. */
    static class MyHCProtocol extends AccumulatingProtocol implements IHalfCloseableProtocol {
        boolean readHalfClosed;
        boolean writeHalfClosed;

        @Override
        public void readConnectionLost() {
            readHalfClosed = true;
            // Invoke notification logic from the base class to simplify testing.
            if (writeHalfClosed) {
                connectionLost(null);
            }
        }

        @Override
        public void writeConnectionLost() {
            writeHalfClosed = true;
            if (readHalfClosed) {
                connectionLost(null);
            }
        }
    }

    /** Twisted's MyHCFactory. */
    static class MyHCFactory extends ServerFactory {
        MyHCProtocol protocol;
        Deferred<MyHCProtocol> protocolConnectionMade;
        boolean bugInReadConnectionLost;

        @Override
        public Protocol buildProtocol(IAddress addr) {
            MyHCProtocol p = bugInReadConnectionLost ? new MyHCProtocol() {
                @Override
                public void readConnectionLost() {
                    aBug();
                }
            } : new MyHCProtocol();
            p.factory = this;
            protocol = p;
            return p;
        }
    }

    static void aBug() {
        throw new IllegalStateException("ONO I AM BUGGY CODE");
    }

    /**
     * Helper for testing that an exception is logged by the time the client protocol loses its
     * connection.
     */
    void notificationRaisesTest(boolean serverBug, boolean clientBug) {
        SelectReactor reactor = buildReactor();
        MyHCFactory serverFactory = new MyHCFactory();
        serverFactory.bugInReadConnectionLost = serverBug;
        IListeningPort port = reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
        ClientCreator<MyHCProtocol> creator = new ClientCreator<>(reactor, () -> clientBug ? new MyHCProtocol() {
            @Override
            public void writeConnectionLost() {
                aBug();
            }
        } : new MyHCProtocol());
        int[] errors = {-1};
        reactor.callWhenRunning(() -> creator.connectTCP(hostOf(port.getHost()), portOf(port.getHost()))
                .addCallback(clientProtocol -> {
                    Deferred<Void> closed = new Deferred<>();
                    clientProtocol.closedDeferred = closed;
                    ((Connection) clientProtocol.transport).loseWriteConnection();
                    closed.addCallback(ignored -> {
                        errors[0] = flushLoggedErrors(IllegalStateException.class).size();
                        reactor.stop();
                        return null;
                    });
                    return null;
                }));
        runReactor(reactor);
        assertEquals(1, errors[0]);
    }

    /** If readConnectionLost raises an exception when the transport calls it to notify the protocol of that event, the exception is logged and the protocol is disconnected. */
    @Test
    public void test_readNotificationRaises() {
        notificationRaisesTest(true, false);
    }

    /** If writeConnectionLost raises an exception when the transport calls it to notify the protocol of that event, the exception is logged and the protocol is disconnected. */
    @Test
    public void test_writeNotificationRaises() {
        notificationRaisesTest(false, true);
    }

}
