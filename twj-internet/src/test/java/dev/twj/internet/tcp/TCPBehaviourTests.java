package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java-only TCP behaviour on real sockets: throughput, flow control and failure isolation. */
class TCPBehaviourTests extends ReactorBuilder {
    /** A protocol echoing what it receives. */
    static class Echo extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    @Test
    public void thousandEchoRoundTrips() {
        SelectReactor reactor = buildReactor();
        IListeningPort port = reactor.listenTCP(0, ServerFactory.forProtocol(Echo::new), 50, "127.0.0.1");
        int[] trips = {0};
        Failure[] lost = {null};
        class Pinger extends Protocol {
            int pending;

            void ping() {
                byte[] msg = String.format("ping%04d", trips[0]).getBytes();
                pending = msg.length;
                transport.write(msg);
            }

            @Override
            public void connectionMade() {
                ping();
            }

            @Override
            public void dataReceived(byte[] data) {
                pending -= data.length;
                if (pending == 0) {
                    if (++trips[0] == 1000) {
                        transport.loseConnection();
                    } else {
                        ping();
                    }
                }
            }

            @Override
            public void connectionLost(Failure reason) {
                lost[0] = reason;
                reactor.stop();
            }
        }
        reactor.connectTCP("127.0.0.1", portOf(port.getHost()), ClientFactory.forProtocol(Pinger::new));
        runReactor(reactor);
        assertEquals(1000, trips[0]);
        assertInstanceOf(ConnectionDone.class, lost[0].value());
    }

    @Test
    public void tenMegabytesWithAStreamingProducerKeepTheBufferBounded() {
        SelectReactor reactor = buildReactor();
        final int total = 10 * 1024 * 1024;
        final int chunk = 16 * 1024;
        long[] received = {0};
        long[] maxBuffered = {0};
        int[] pauses = {0};
        Failure[] serverLost = {null};
        class Sink extends Protocol {
            @Override
            public void dataReceived(byte[] data) {
                received[0] += data.length;
                if (received[0] == total) {
                    transport.loseConnection();
                }
            }

            @Override
            public void connectionLost(Failure reason) {
                serverLost[0] = reason;
                reactor.stop();
            }
        }
        class Source extends Protocol implements IPushProducer {
            int sent;
            boolean paused;

            @Override
            public void connectionMade() {
                ((Connection) transport).registerProducer(this, true);
                produce();
            }

            void produce() {
                Connection t = (Connection) transport;
                while (!paused && sent < total) {
                    byte[] data = new byte[chunk];
                    Arrays.fill(data, (byte) sent);
                    t.write(data);
                    sent += chunk;
                    maxBuffered[0] = Math.max(maxBuffered[0], t.bufferedBytes());
                }
                if (sent >= total) {
                    t.unregisterProducer();
                }
            }

            @Override
            public void pauseProducing() {
                paused = true;
                pauses[0]++;
            }

            @Override
            public void resumeProducing() {
                paused = false;
                reactor.callLater(0, this::produce);
            }

            @Override
            public void stopProducing() {
                paused = true;
            }
        }
        IListeningPort port = reactor.listenTCP(0, ServerFactory.forProtocol(Sink::new), 50, "127.0.0.1");
        reactor.connectTCP("127.0.0.1", portOf(port.getHost()), ClientFactory.forProtocol(Source::new));
        runReactor(reactor);
        assertEquals(total, received[0]);
        assertTrue(pauses[0] > 0, "the producer was never paused");
        assertTrue(maxBuffered[0] <= (1 << 16) + chunk, "buffered " + maxBuffered[0]);
        assertInstanceOf(ConnectionDone.class, serverLost[0].value());
    }

    @Test
    public void anExceptionInDataReceivedClosesOnlyThatConnection() {
        SelectReactor reactor = buildReactor();
        class Server extends Protocol {
            @Override
            public void dataReceived(byte[] data) {
                if (new String(data).contains("boom")) {
                    throw new IllegalStateException("boom");
                }
                transport.write(data);
            }
        }
        IListeningPort port = reactor.listenTCP(0, ServerFactory.forProtocol(Server::new), 50, "127.0.0.1");
        int portNumber = portOf(port.getHost());
        List<String> events = new ArrayList<>();
        class Bomber extends Protocol {
            @Override
            public void connectionMade() {
                transport.write("boom".getBytes());
            }

            @Override
            public void connectionLost(Failure reason) {
                events.add("bomber lost " + reason.value().getClass().getSimpleName());
                reactor.connectTCP("127.0.0.1", portNumber, ClientFactory.forProtocol(Polite::new));
            }
        }
        reactor.connectTCP("127.0.0.1", portNumber, ClientFactory.forProtocol(Bomber::new));
        politeEvents = events;
        politeReactor = reactor;
        runReactor(reactor);
        assertEquals(List.of("bomber lost ConnectionDone", "polite got hello"), events);
        assertEquals(1, flushLoggedErrors(IllegalStateException.class).size());
    }

    static List<String> politeEvents;
    static SelectReactor politeReactor;

    /** A client that says hello and stops the reactor when echoed. */
    static class Polite extends Protocol {
        @Override
        public void connectionMade() {
            transport.write("hello".getBytes());
        }

        @Override
        public void dataReceived(byte[] data) {
            politeEvents.add("polite got " + new String(data));
            politeReactor.stop();
        }
    }

    @Test
    public void aPeerResetMidWriteLosesTheConnectionWithConnectionLost() {
        SelectReactor reactor = buildReactor();
        Failure[] serverLost = {null};
        class Writer extends Protocol {
            @Override
            public void connectionMade() {
                for (int i = 0; i < 64; i++) {
                    transport.write(new byte[128 * 1024]);
                }
            }

            @Override
            public void connectionLost(Failure reason) {
                serverLost[0] = reason;
                reactor.stop();
            }
        }
        class Resetter extends Protocol {
            @Override
            public void dataReceived(byte[] data) {
                ((Connection) transport).abortConnection();
            }
        }
        IListeningPort port = reactor.listenTCP(0, ServerFactory.forProtocol(Writer::new), 50, "127.0.0.1");
        reactor.connectTCP("127.0.0.1", portOf(port.getHost()), ClientFactory.forProtocol(Resetter::new));
        runReactor(reactor);
        assertInstanceOf(ConnectionLost.class, serverLost[0].value());
    }

    @Test
    public void acceptRunningOutOfFileDescriptorsPausesTheAcceptsWithoutStoppingThePort() {
        SelectReactor reactor = buildReactor();
        int[] accepts = {0};
        List<IAddress> peers = new ArrayList<>();
        class Made extends Protocol {
            @Override
            public void connectionMade() {
                peers.add(transport.getPeer());
                reactor.stop();
            }
        }
        Port port = new Port(0, ServerFactory.forProtocol(Made::new), 50, "127.0.0.1", reactor) {
            @Override
            SocketChannel accept() throws IOException {
                if (accepts[0]++ == 0) {
                    throw new IOException("Too many open files");
                }
                return super.accept();
            }
        };
        port.startListening();
        reactor.connectTCP("127.0.0.1", portOf(port.getHost()), ClientFactory.forProtocol(Protocol::new));
        runReactor(reactor);
        assertEquals(1, peers.size());
        // One failed accept, then (after the pause) one that succeeded and one that found nothing.
        assertTrue(accepts[0] <= 3, "accept was called " + accepts[0] + " times");
        assertTrue(loggedMessages().stream().anyMatch(m -> m.contains("Too many open files")));
    }
}
