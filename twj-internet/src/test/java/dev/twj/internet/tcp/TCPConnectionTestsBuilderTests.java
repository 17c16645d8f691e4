package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IHalfCloseableProtocol;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.internet.test.test_tcp.TCPConnectionTestsBuilder} (as
 * {@code TCPConnectionTestsBuilderTests}, on SelectReactor): TCP connection functionality.
 */
class TCPConnectionTestsBuilderTests extends ReactorBuilder {
    /** Protocol that pauses and resumes the transport a few times. */
    static class StopStartReadingProtocol extends Protocol {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        SelectReactor reactor;
        Deferred<StopStartReadingProtocol> ready;
        Deferred<byte[]> stop;

        @Override
        public void connectionMade() {
            pauseResumeProducing(3);
        }

        void pauseResumeProducing(int counter) {
            ((FileDescriptor) transport).pauseProducing();
            ((FileDescriptor) transport).resumeProducing();
            if (counter > 0) {
                reactor.callLater(0, () -> pauseResumeProducing(counter - 1));
            } else {
                reactor.callLater(0, () -> ready.callback(this));
            }
        }

        @Override
        public void dataReceived(byte[] bytes) {
            data.writeBytes(bytes);
            if (data.size() == 4 * 4096) {
                stop.callback(data.toByteArray());
            }
        }
    }

    /**
     * This test verifies transport socket read state after multiple pause/resumeProducing calls.
     */
    @Test
    public void test_stopStartReading() {
        SelectReactor reactor = buildReactor();
        Deferred<StopStartReadingProtocol> ready = new Deferred<>();
        Deferred<byte[]> stop = new Deferred<>();
        ServerFactory sf = new ServerFactory() {
            @Override
            public Protocol buildProtocol(IAddress addr) {
                StopStartReadingProtocol p = new StopStartReadingProtocol();
                p.reactor = reactor;
                p.ready = ready;
                p.stop = stop;
                p.factory = this;
                return p;
            }
        };
        IListeningPort p = reactor.listenTCP(0, sf, 50, "");
        int port = portOf(p.getHost());
        Protocol[] protos = new Protocol[2];
        Runnable proceed = () -> {
            assertNotNull(protos[0]);
            assertNotNull(protos[1]);
            byte[] data = new byte[4 * 4096];
            Arrays.fill(data, 0, 2 * 4096, (byte) 'x');
            Arrays.fill(data, 2 * 4096, 4 * 4096, (byte) 'y');
            protos[0].transport.write(data);
            stop.addCallback(received -> {
                assertTrue(Arrays.equals(data, received), "did not get the right data");
                protos[0].transport.loseConnection();
                protos[1].transport.loseConnection();
                p.stopListening().addBoth(ignored -> {
                    reactor.stop();
                    return null;
                });
                return null;
            }).addErrback(f -> {
                reactor.stop();
                return f;
            });
        };
        class Client extends Protocol {
            @Override
            public void connectionMade() {
                protos[0] = this;
                if (protos[1] != null) {
                    proceed.run();
                }
            }
        }
        ready.addCallback(server -> {
            protos[1] = server;
            if (protos[0] != null) {
                proceed.run();
            }
            return null;
        });
        reactor.connectTCP("127.0.0.1", port, ClientFactory.forProtocol(Client::new));
        runReactor(reactor);
        assertEquals(4 * 4096, ((StopStartReadingProtocol) protos[1]).data.size());
    }

    /**
     * Runs {@code testMethod} with the reactor and the server transport of a connected pair, then
     * closes both sides: Twisted's {@code oneTransportTest}.
     */
    void oneTransportTest(BiConsumer<SelectReactor, Server> testMethod) {
        ConnectableProtocol other = new ConnectableProtocol();
        RuntimeException[] failure = {null};
        class ServerProtocol extends ConnectableProtocol {
            @Override
            public void connectionMade() {
                try {
                    testMethod.accept(reactor, (Server) transport);
                } catch (RuntimeException | AssertionError e) {
                    failure[0] = e instanceof RuntimeException r ? r : new RuntimeException(e);
                } finally {
                    if (transport != null) {
                        transport.loseConnection();
                    }
                    if (other.transport != null) {
                        other.transport.loseConnection();
                    }
                }
            }
        }
        runProtocolsWithReactor(new ServerProtocol(), other);
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    static void assertReading(SelectReactor reactor, FileDescriptor transport) {
        assertTrue(reactor.getReaders().contains(transport));
    }

    static void assertNotReading(SelectReactor reactor, FileDescriptor transport) {
        assertFalse(reactor.getReaders().contains(transport));
    }

    /** When resumeProducing() is called on a connection transport, it starts reading. */
    @Test
    public void test_resumeProducing() {
        oneTransportTest((reactor, server) -> {
            server.pauseProducing();
            assertNotReading(reactor, server);
            server.resumeProducing();
            assertReading(reactor, server);
        });
    }

    /**
     * When resumeProducing() is called on a connection transport that is disconnecting, it does
     * not start reading.
     */
    @Test
    public void test_resumeProducingWhileDisconnecting() {
        oneTransportTest((reactor, server) -> {
            server.loseConnection();
            server.resumeProducing();
            assertNotReading(reactor, server);
        });
    }

    /**
     * When resumeProducing() is called on a connection transport that is disconnected, it does
     * not start reading.
     */
    @Test
    public void test_resumeProducingWhileDisconnected() {
        oneTransportTest((reactor, server) -> {
            server.connectionLost(new Failure(new Exception("dummy")));
            assertNotReading(reactor, server);
            server.resumeProducing();
            assertNotReading(reactor, server);
        });
    }

    /**
     * Alice connects to Bob. Alice writes some bytes and then shuts down the connection. Bob
     * receives the bytes from the connection and then pauses the transport object. Shortly
     * afterwards Bob resumes the transport object. At that point, Bob is notified that the
     * connection has been closed.
     */
    @Test
    public void test_connectionLostAfterPausedTransport() {
        class Pauser extends ConnectableProtocol {
            final List<String> events = new ArrayList<>();

            @Override
            public void dataReceived(byte[] bytes) {
                events.add("paused");
                ((FileDescriptor) transport).pauseProducing();
                reactor.callLater(0, this::resume);
            }

            void resume() {
                events.add("resumed");
                ((FileDescriptor) transport).resumeProducing();
            }

            @Override
            public void connectionLost(Failure reason) {
                // This is the event you have been waiting for.
                events.add("lost");
                super.connectionLost(reason);
            }
        }
        class Client extends ConnectableProtocol {
            @Override
            public void connectionMade() {
                transport.write("some bytes for you".getBytes());
                transport.loseConnection();
            }
        }
        Pauser pauser = new Pauser();
        runProtocolsWithReactor(pauser, new Client());
        assertEquals(List.of("paused", "resumed", "lost"), pauser.events);
    }

    /**
     * If one side half-closes its connection, and then the other side of the connection calls
     * loseWriteConnection(), and then loseConnection() in writeConnectionLost(), the connection
     * is closed correctly. This rather obscure case used to fail (see ticket #3037).
     */
    @Test
    public void test_doubleHalfClose() {
        class ListenerProtocol extends ConnectableProtocol implements IHalfCloseableProtocol {
            @Override
            public void readConnectionLost() {
                ((Connection) transport).loseWriteConnection();
            }

            @Override
            public void writeConnectionLost() {
                transport.loseConnection();
            }
        }
        class Client extends ConnectableProtocol {
            @Override
            public void connectionMade() {
                transport.loseConnection();
            }
        }
        ListenerProtocol listener = new ListenerProtocol();
        Client client = new Client();
        runProtocolsWithReactor(listener, client);
        assertNotNull(listener.disconnectReason);
        assertNotNull(client.disconnectReason);
    }
}
