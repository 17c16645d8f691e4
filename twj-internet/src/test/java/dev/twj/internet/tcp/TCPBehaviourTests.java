package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.error.CannotListenError;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.error.DNSLookupError;
import dev.twj.internet.error.TimeoutError;
import dev.twj.internet.interfaces.IHalfCloseableProtocol;
import dev.twj.internet.interfaces.ITCPTransport;
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

    /**
     * A UNIX port shares the TCP port's accept loop, as Twisted's {@code unix.Port} extends
     * {@code tcp.Port}: running out of file descriptors pauses its accepts too, without stopping it.
     */
    @Test
    public void aUNIXPortRunningOutOfFileDescriptorsPausesTheAcceptsWithoutStoppingThePort() throws IOException {
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
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("twj");
        String path = dir.resolve("s").toString();
        dev.twj.internet.unix.Port port = new dev.twj.internet.unix.Port(
                path, ServerFactory.forProtocol(Made::new), 50, 0666, false, reactor) {
            @Override
            SocketChannel accept() throws IOException {
                if (accepts[0]++ == 0) {
                    throw new IOException("Too many open files");
                }
                // tcp.Port.accept is not inherited across packages: accept as it does.
                return ((java.nio.channels.ServerSocketChannel) fileno()).accept();
            }
        };
        port.startListening();
        try {
            reactor.connectUNIX(path, ClientFactory.forProtocol(Protocol::new), 30, false);
            runReactor(reactor);
            assertEquals(List.of(new dev.twj.internet.address.UNIXAddress(null)), peers);
            // One failed accept, then (after the pause) one that succeeded and one that found nothing.
            assertTrue(accepts[0] <= 3, "accept was called " + accepts[0] + " times");
            assertTrue(loggedMessages().stream().anyMatch(m -> m.contains("Too many open files")));
        } finally {
            port.connectionLost(new Failure(new ConnectionDone()));
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    @Test
    public void listeningOnABoundPortRaisesCannotListenError() {
        SelectReactor reactor = buildReactor();
        IListeningPort port = reactor.listenTCP(0, new ServerFactory(), 50, "127.0.0.1");
        CannotListenError e = assertThrows(CannotListenError.class,
                () -> reactor.listenTCP(portOf(port.getHost()), new ServerFactory(), 50, "127.0.0.1"));
        assertTrue(e.getMessage().contains(String.valueOf(portOf(port.getHost()))), e.getMessage());
    }

    @Test
    public void stopListeningFiresItsDeferredAfterClosingAndStopsTheFactory() {
        SelectReactor reactor = buildReactor();
        List<String> events = new ArrayList<>();
        ServerFactory factory = new ServerFactory() {
            @Override
            public void startFactory() {
                events.add("start");
            }

            @Override
            public void stopFactory() {
                events.add("stop");
            }
        };
        IListeningPort port = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        int portNumber = portOf(port.getHost());
        assertTrue(portNumber > 0);
        assertEquals(List.of("start"), events);
        Failure[] refused = {null};
        reactor.callWhenRunning(() -> port.stopListening().addCallback(ignored -> {
            events.add("stopped listening");
            reactor.connectTCP("127.0.0.1", portNumber, new ClientFactory() {
                @Override
                public void clientConnectionFailed(dev.twj.internet.interfaces.IConnector c, Failure reason) {
                    refused[0] = reason;
                    reactor.stop();
                }
            });
            return null;
        }));
        runReactor(reactor);
        assertEquals(List.of("start", "stop", "stopped listening"), events);
        assertInstanceOf(ConnectionRefusedError.class, refused[0].value());
    }

    @Test
    public void aConnectionAttemptThatDoesNotCompleteFailsWithTimeoutError() throws IOException {
        // A listening socket whose accept queue is full drops new SYNs, so connecting hangs.
        try (java.nio.channels.ServerSocketChannel full = java.nio.channels.ServerSocketChannel.open()) {
            full.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 1);
            List<java.net.Socket> fillers = new ArrayList<>();
            try {
                boolean hung = false;
                for (int i = 0; i < 16 && !hung; i++) {
                    java.net.Socket s = new java.net.Socket();
                    fillers.add(s);
                    try {
                        s.connect(full.getLocalAddress(), 200);
                    } catch (java.net.SocketTimeoutException e) {
                        hung = true;
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(hung, "could not fill the accept queue");
                SelectReactor reactor = buildReactor();
                Failure[] failed = {null};
                List<String> events = new ArrayList<>();
                ClientFactory factory = new ClientFactory() {
                    @Override
                    public void startFactory() {
                        events.add("doStart");
                    }

                    @Override
                    public void stopFactory() {
                        events.add("doStop");
                    }

                    @Override
                    public void startedConnecting(dev.twj.internet.interfaces.IConnector c) {
                        events.add("startedConnecting");
                    }

                    @Override
                    public void clientConnectionFailed(dev.twj.internet.interfaces.IConnector c, Failure reason) {
                        events.add("clientConnectionFailed");
                        failed[0] = reason;
                        reactor.stop();
                    }
                };
                reactor.connectTCP("127.0.0.1", ((java.net.InetSocketAddress) full.getLocalAddress()).getPort(),
                        factory, 0.3, null);
                runReactor(reactor);
                assertInstanceOf(TimeoutError.class, failed[0].value());
                assertEquals(List.of("doStart", "startedConnecting", "clientConnectionFailed", "doStop"), events);
            } finally {
                for (java.net.Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    public void anUnknownHostNameFailsWithDNSLookupError() {
        SelectReactor reactor = buildReactor();
        reactor.installResolver(new TCPClientTestsBase.FakeResolver(java.util.Map.of()));
        Failure[] failed = {null};
        reactor.connectTCP("no.such.name.example", 80, new ClientFactory() {
            @Override
            public void clientConnectionFailed(dev.twj.internet.interfaces.IConnector c, Failure reason) {
                failed[0] = reason;
                reactor.stop();
            }
        });
        runReactor(reactor);
        assertInstanceOf(DNSLookupError.class, failed[0].value());
    }

    @Test
    public void aHostNameIsResolvedOffTheReactorThread() {
        SelectReactor reactor = buildReactor();
        IListeningPort port = reactor.listenTCP(0, ServerFactory.forProtocol(Protocol::new), 50, "127.0.0.1");
        IAddress[] peer = {null};
        class Made extends Protocol {
            @Override
            public void connectionMade() {
                peer[0] = transport.getPeer();
                reactor.stop();
            }
        }
        reactor.connectTCP("localhost", portOf(port.getHost()), ClientFactory.forProtocol(Made::new));
        runReactor(reactor);
        assertEquals(new IPv4Address("TCP", "127.0.0.1", portOf(port.getHost())), peer[0]);
    }

    @Test
    public void socketOptionsCanBeSetAndRead() {
        SelectReactor reactor = buildReactor();
        IListeningPort port = reactor.listenTCP(0, ServerFactory.forProtocol(Protocol::new), 50, "127.0.0.1");
        List<Boolean> options = new ArrayList<>();
        class Made extends Protocol {
            @Override
            public void connectionMade() {
                ITCPTransport t = (ITCPTransport) transport;
                t.setTcpNoDelay(true);
                t.setTcpKeepAlive(true);
                options.add(t.getTcpNoDelay());
                options.add(t.getTcpKeepAlive());
                t.setTcpNoDelay(false);
                t.setTcpKeepAlive(false);
                options.add(t.getTcpNoDelay());
                options.add(t.getTcpKeepAlive());
                reactor.stop();
            }
        }
        reactor.connectTCP("127.0.0.1", portOf(port.getHost()), ClientFactory.forProtocol(Made::new));
        runReactor(reactor);
        assertEquals(List.of(true, true, false, false), options);
    }

    @Test
    public void halfCloseLetsThePeerAnswerAfterItsReadSideClosed() {
        SelectReactor reactor = buildReactor();
        List<String> events = new ArrayList<>();
        class Answerer extends Protocol implements IHalfCloseableProtocol {
            final StringBuilder question = new StringBuilder();

            @Override
            public void dataReceived(byte[] data) {
                question.append(new String(data));
            }

            @Override
            public void readConnectionLost() {
                events.add("server readConnectionLost after " + question);
                transport.write(("answer to " + question).getBytes());
                transport.loseConnection();
            }

            @Override
            public void writeConnectionLost() {
                events.add("server writeConnectionLost");
            }
        }
        class Asker extends Protocol implements IHalfCloseableProtocol {
            final StringBuilder answer = new StringBuilder();

            @Override
            public void connectionMade() {
                transport.write("question".getBytes());
                // As in Twisted, data written before the write side is shut down is still sent.
                ((ITCPTransport) transport).loseWriteConnection();
            }

            @Override
            public void dataReceived(byte[] data) {
                answer.append(new String(data));
            }

            @Override
            public void writeConnectionLost() {
                events.add("client writeConnectionLost");
                transport.write("ignored once the write side is shut down".getBytes());
            }

            @Override
            public void readConnectionLost() {
                events.add("client readConnectionLost with " + answer);
                transport.loseConnection();
            }

            @Override
            public void connectionLost(Failure reason) {
                events.add("client connectionLost " + reason.value().getClass().getSimpleName());
                reactor.stop();
            }
        }
        IListeningPort port = reactor.listenTCP(0, ServerFactory.forProtocol(Answerer::new), 50, "127.0.0.1");
        reactor.connectTCP("127.0.0.1", portOf(port.getHost()), ClientFactory.forProtocol(Asker::new));
        runReactor(reactor);
        assertEquals(List.of("client writeConnectionLost", "server readConnectionLost after question",
                "client readConnectionLost with answer to question", "client connectionLost ConnectionDone"), events);
    }

    @Test
    public void anExceptionInConnectionMadeClosesOnlyThatConnection() {
        SelectReactor reactor = buildReactor();
        int[] built = {0};
        class Server extends Protocol {
            @Override
            public void connectionMade() {
                if (built[0]++ == 0) {
                    throw new IllegalStateException("connectionMade boom");
                }
                transport.write("welcome".getBytes());
            }
        }
        IListeningPort port = reactor.listenTCP(0, ServerFactory.forProtocol(Server::new), 50, "127.0.0.1");
        int portNumber = portOf(port.getHost());
        List<String> events = new ArrayList<>();
        class Second extends Protocol {
            @Override
            public void dataReceived(byte[] data) {
                events.add("second got " + new String(data));
                reactor.stop();
            }
        }
        class First extends Protocol {
            @Override
            public void connectionLost(Failure reason) {
                events.add("first lost " + reason.value().getClass().getSimpleName());
                reactor.connectTCP("127.0.0.1", portNumber, ClientFactory.forProtocol(Second::new));
            }
        }
        reactor.connectTCP("127.0.0.1", portNumber, ClientFactory.forProtocol(First::new));
        runReactor(reactor);
        assertEquals(List.of("first lost ConnectionDone", "second got welcome"), events);
        assertEquals(1, flushLoggedErrors(IllegalStateException.class).size());
    }

    /**
     * Both ends of a connection closed cleanly get Twisted's shared {@code main.CONNECTION_DONE}
     * as the reason: no stack trace is made per connection, and what one handler does to the
     * exception (add a suppressed exception, set a cause) cannot reach another.
     */
    @Test
    public void cleanCloseGivesTheSharedConnectionDone() {
        SelectReactor reactor = buildReactor();
        List<Failure> reasons = new ArrayList<>();
        class Closer extends Protocol {
            @Override
            public void connectionMade() {
                transport.loseConnection();
            }

            @Override
            public void connectionLost(Failure reason) {
                reasons.add(reason);
                reason.value().addSuppressed(new IllegalStateException("tampering"));
                assertThrows(IllegalStateException.class, () -> reason.value().initCause(new Error()));
                if (reasons.size() == 2) {
                    reactor.stop();
                }
            }
        }
        IListeningPort port = reactor.listenTCP(0, ServerFactory.forProtocol(Closer::new), 50, "127.0.0.1");
        reactor.connectTCP("127.0.0.1", portOf(port.getHost()), ClientFactory.forProtocol(Closer::new));
        runReactor(reactor);
        assertEquals(2, reasons.size());
        for (Failure reason : reasons) {
            assertSame(dev.twj.internet.Main.CONNECTION_DONE, reason.value());
            assertEquals(0, reason.value().getStackTrace().length);
            assertEquals(0, reason.value().getSuppressed().length);
            assertEquals(null, reason.value().getCause());
            assertEquals("Connection was closed cleanly.", reason.getErrorMessage());
            assertEquals("dev.twj.internet.error.ConnectionDone: Connection was closed cleanly.\n",
                    reason.getTraceback());
            assertTrue(reason.getTraceback("brief").startsWith("Traceback (failure with no frames)"),
                    reason.getTraceback("brief"));
        }
        assertSame(ConnectionDone.shared(), dev.twj.internet.Main.CONNECTION_DONE);
        assertSame(ConnectionLost.shared(), dev.twj.internet.Main.CONNECTION_LOST);
    }
}
