package dev.twj.internet.unix;

import static dev.twj.internet.unix.Harness.mktemp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.tcp.FileDescriptor;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of {@code twisted.internet.test.test_unix.UnixClientTestsBuilder}
 * ({@code StreamClientTestsMixin} for {@code connectUNIX}), on SelectReactor.
 *
 * <p>Where the port differs: Twisted listens on a Linux abstract-namespace path; the JDK binds
 * filesystem paths only, so these tests use a fresh filesystem path.
 */
@Timeout(60)
class UnixClientTestsBuilderTests {
    private final String path;
    private final List<IListeningPort> ports = new ArrayList<>();

    UnixClientTestsBuilderTests() throws IOException {
        path = mktemp();
    }

    @AfterEach
    void tearDown() {
        for (IListeningPort p : ports) {
            ((Port) p).connectionLost(new Failure(new ConnectionDone()));
        }
    }

    /** Start a UNIX server with the given factory. */
    IListeningPort listen(SelectReactor reactor, IProtocolFactory factory) {
        IListeningPort p = reactor.listenUNIX(path, factory, 50, 0666, false);
        ports.add(p);
        return p;
    }

    /** Start a UNIX client with the given factory. */
    IConnector connect(SelectReactor reactor, IProtocolFactory factory) {
        return reactor.connectUNIX(path, factory, 30, false);
    }

    /** Runs the reactor, failing the test if it has not stopped within 10 seconds. */
    static void runReactor(SelectReactor reactor) {
        boolean[] timedOut = {false};
        IDelayedCall timeout = reactor.callLater(10, () -> {
            timedOut[0] = true;
            reactor.stop();
        });
        reactor.run();
        if (timeout.active()) {
            timeout.cancel();
        }
        assertFalse(timedOut[0], "reactor still running after 10 seconds");
    }

    /** A client factory which stops a reactor when a connection attempt fails: Twisted's Stop. */
    static class Stop extends ClientFactory {
        final SelectReactor reactor;
        Failure failReason;

        Stop(SelectReactor reactor) {
            this.reactor = reactor;
        }

        @Override
        public void clientConnectionFailed(IConnector connector, Failure reason) {
            failReason = reason;
            reactor.stop();
        }
    }

    /** A protocol that closes its connection on connect, and expects a clean close. */
    static class ClosingProtocol extends Protocol {
        @Override
        public void connectionMade() {
            transport.loseConnection();
        }

        @Override
        public void connectionLost(Failure reason) {
            reason.trap(ConnectionDone.class);
        }
    }

    /** The connect method returns an object providing IConnector. */
    @Test
    public void test_interface() {
        SelectReactor reactor = new SelectReactor();
        IConnector connector = connect(reactor, new ClientFactory());
        assertInstanceOf(IConnector.class, connector);
    }

    /** The reactor can be stopped by a client factory's clientConnectionFailed method. */
    @Test
    public void test_clientConnectionFailedStopsReactor() {
        SelectReactor reactor = new SelectReactor();
        Stop stop = new Stop(reactor);
        reactor.callWhenRunning(() -> connect(reactor, stop));
        runReactor(reactor);
        assertNotNull(stop.failReason);
    }

    /** This test checks that we correctly get notifications event for a client. */
    @Test
    public void test_connectEvent() {
        SelectReactor reactor = new SelectReactor();
        listen(reactor, ServerFactory.forProtocol(Protocol::new));
        List<Protocol> made = new ArrayList<>();
        class CheckConnection extends Protocol {
            @Override
            public void connectionMade() {
                made.add(this);
                reactor.stop();
            }
        }
        Stop clientFactory = new Stop(reactor);
        clientFactory.protocol = CheckConnection::new;
        reactor.callWhenRunning(() -> connect(reactor, clientFactory));
        runReactor(reactor);
        assertFalse(made.isEmpty());
    }

    /** A pull producer which writes one byte whenever it is resumed. */
    record SimplePullProducer(ITransport consumer) implements IPullProducer {
        @Override
        public void stopProducing() {}

        @Override
        public void resumeProducing() {
            consumer.write("x".getBytes());
        }
    }

    /**
     * If a producer is unregistered from a transport after the transport has been disconnected
     * (by the peer) and after loseConnection has been called, the transport is not re-added to
     * the reactor as a writer as would be necessary if the transport were still connected.
     */
    @Test
    public void test_unregisterProducerAfterDisconnect() {
        SelectReactor reactor = new SelectReactor();
        listen(reactor, ServerFactory.forProtocol(ClosingProtocol::new));
        List<Boolean> writing = new ArrayList<>();
        class ClientProtocol extends Protocol {
            @Override
            public void connectionMade() {
                ((FileDescriptor) transport).registerProducer(new SimplePullProducer(transport), false);
                transport.loseConnection();
            }

            @Override
            public void connectionLost(Failure reason) {
                ((FileDescriptor) transport).unregisterProducer();
                writing.add(reactor.getWriters().contains(transport));
                reactor.stop();
            }
        }
        connect(reactor, ClientFactory.forProtocol(ClientProtocol::new));
        runReactor(reactor);
        assertFalse(writing.get(0), "Transport was writing after unregisterProducer.");
    }

    /**
     * If loseConnection is called while a producer is registered with the transport, the
     * connection is closed after the producer is unregistered.
     */
    @Test
    public void test_disconnectWhileProducing() {
        SelectReactor reactor = new SelectReactor();
        class Producer implements IPullProducer {
            @Override
            public void resumeProducing() {}

            @Override
            public void stopProducing() {}
        }
        listen(reactor, ServerFactory.forProtocol(Protocol::new));
        List<String> finished = new ArrayList<>();
        class ClientProtocol extends Protocol {
            @Override
            public void connectionMade() {
                ((FileDescriptor) transport).registerProducer(new Producer(), false);
                transport.loseConnection();
                // Let the reactor tick over, in case synchronously calling loseConnection and
                // then unregisterProducer is the same as the other way round.
                reactor.callLater(0, () -> reactor.callLater(0, this::unregister));
            }

            void unregister() {
                ((FileDescriptor) transport).unregisterProducer();
                // Fail the test if we don't get a connectionLost event really soon.
                reactor.callLater(1.0, () -> {
                    finished.add("Connection was not lost");
                    reactor.stop();
                });
            }

            @Override
            public void connectionLost(Failure reason) {
                finished.add("lost");
                reactor.stop();
            }
        }
        connect(reactor, ClientFactory.forProtocol(ClientProtocol::new));
        runReactor(reactor);
        assertEquals(List.of("lost"), finished);
    }
}
