package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_tcp.WriteDataTests}: connected TCP sockets can
 * actually write data, exercising the whole ITransport interface.
 */
class WriteDataTests extends ReactorBuilder {
    /**
     * Twisted's {@code WiredForDeferreds} and {@code WiredFactory}: a wrapping factory whose
     * protocols fire {@code onConnect} and {@code onDisconnect} (a minimal
     * {@code policies.WrappingFactory}, which this module does not have).
     */
    static final class WiredFactory extends ClientFactory {
        final Factory wrappedFactory;
        final Deferred<Void> onConnect = new Deferred<>();
        final Deferred<Void> onDisconnect = new Deferred<>();

        WiredFactory(Factory wrappedFactory) {
            this.wrappedFactory = wrappedFactory;
        }

        @Override
        public Protocol buildProtocol(IAddress addr) {
            Protocol wrapped = wrappedFactory.buildProtocol(addr);
            WiredFactory self = this;
            return new Protocol() {
                @Override
                public void connectionMade() {
                    wrapped.makeConnection(transport);
                    self.onConnect.callback(null);
                }

                @Override
                public void dataReceived(byte[] data) {
                    wrapped.dataReceived(data);
                }

                @Override
                public void connectionLost(Failure reason) {
                    wrapped.connectionLost(reason);
                    self.onDisconnect.callback(null);
                }
            };
        }
    }

    /** The server factory of test_writer, with Twisted's {@code done} and {@code problem}. */
    static final class WriterFactory extends Factory {
        int done;
        int problem;
    }

    /** Uses everything ITransport claims to provide: Twisted's WriterProtocol. */
    static final class WriterProtocol extends Protocol {
        @Override
        public void connectionMade() {
            WriterFactory f = (WriterFactory) factory;
            transport.write("Hello Cleveland!\n".getBytes(StandardCharsets.UTF_8));
            List<byte[]> seq = List.of("Goodbye".getBytes(StandardCharsets.UTF_8),
                    " cruel".getBytes(StandardCharsets.UTF_8), " world".getBytes(StandardCharsets.UTF_8),
                    "\n".getBytes(StandardCharsets.UTF_8));
            transport.writeSequence(seq);
            if (!"TCP".equals(((dev.twj.internet.address.IPv4Address) transport.getPeer()).type())) {
                f.problem = 1;
            }
            if (!"TCP".equals(((dev.twj.internet.address.IPv4Address) transport.getHost()).type())) {
                f.problem = 1;
            }
            f.done = 1;
            transport.loseConnection();
        }
    }

    /** Twisted's WriterClientFactory with its ReaderProtocol. */
    static final class WriterClientFactory extends ClientFactory {
        int done;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();

        @Override
        public Protocol buildProtocol(IAddress addr) {
            Protocol p = new Protocol() {
                @Override
                public void dataReceived(byte[] bytes) {
                    data.writeBytes(bytes);
                }

                @Override
                public void connectionLost(Failure reason) {
                    done = 1;
                }
            };
            p.factory = this;
            return p;
        }
    }

    /** ITCPTransport.write and writeSequence send bytes to the other end of the connection. */
    @Test
    public void test_writer() {
        SelectReactor reactor = buildReactor();
        IListeningPort[] p = {null};
        runDeferredTest(reactor, () -> {
            WriterFactory f = new WriterFactory();
            f.protocol = WriterProtocol::new;
            WiredFactory wrappedF = new WiredFactory(f);
            p[0] = reactor.listenTCP(0, wrappedF, 50, "127.0.0.1");
            int n = portOf(p[0].getHost());
            WriterClientFactory clientF = new WriterClientFactory();
            WiredFactory wrappedClientF = new WiredFactory(clientF);
            reactor.connectTCP("127.0.0.1", n, wrappedClientF);
            return Defer.gatherResults(List.of(wrappedF.onDisconnect, wrappedClientF.onDisconnect))
                    .addCallback(ignored -> {
                        assertTrue(f.done == 1, "writer didn't finish, it probably died");
                        assertTrue(f.problem == 0, "writer indicated an error");
                        assertTrue(clientF.done == 1, "client didn't see connection dropped");
                        byte[] expected = "Hello Cleveland!\nGoodbye cruel world\n".getBytes(StandardCharsets.UTF_8);
                        assertArrayEquals(expected, clientF.data.toByteArray(),
                                "client didn't receive all the data it expected");
                        return null;
                    });
        });
        p[0].stopListening();
    }

    /**
     * A TCP transport which is written to after the connection has been shut down should notify
     * its protocol that the connection has been lost, even if the TCP transport is not actively
     * being monitored for read events (ie, pauseProducing was called on it).
     */
    @Test
    public void test_writeAfterShutdownWithoutReading() {
        SelectReactor reactor = buildReactor();
        IListeningPort[] port = {null};
        runDeferredTest(reactor, () -> {
            // Called back after the client side has paused its transport.
            Deferred<Void> clientPaused = new Deferred<>();
            // Called back when the server side has received connection lost notification.
            Deferred<Void> serverLost = new Deferred<>();

            ServerFactory server = new ServerFactory();
            server.protocol = () -> new Protocol() {
                @Override
                public void connectionMade() {
                    clientPaused.addCallback(ignored -> {
                        transport.loseConnection();
                        return null;
                    });
                }

                @Override
                public void connectionLost(Failure reason) {
                    serverLost.callback(null);
                }
            };
            port[0] = reactor.listenTCP(0, server, 50, "127.0.0.1");
            IAddress addr = port[0].getHost();

            class UnreadingWriter extends Protocol {
                @Override
                public void connectionMade() {
                    ((IPushProducer) transport).pauseProducing();
                    clientPaused.callback(null);
                    serverLost.addCallback(ignored -> {
                        // Enough bytes to spill over into the userspace send buffer.
                        IConsumer consumer = (IConsumer) transport;
                        IPullProducer producer = new IPullProducer() {
                            @Override
                            public void resumeProducing() {
                                consumer.write(new byte[] {'x'});
                            }

                            @Override
                            public void stopProducing() {}
                        };
                        consumer.registerProducer(producer, false);
                        return null;
                    });
                }
            }
            // Create the client and initiate the connection
            Factories.MyClientFactory client = new Factories.MyClientFactory() {
                @Override
                public Protocol buildProtocol(IAddress a) {
                    Protocol p = new UnreadingWriter();
                    p.factory = this;
                    return p;
                }
            };
            Deferred<Object> clientConnectionLost = client.deferred.addCallback(ignored -> client.lostReason);
            reactor.connectTCP(hostOf(addr), portOf(addr), client);
            // By the end of the test, the client should have received notification of unclean
            // disconnection.
            return ListeningTests.assertFailure(clientConnectionLost, ConnectionLost.class);
        });
        port[0].stopListening();
    }
}
