package dev.twj.internet.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionAborted;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.task.Clock;
import dev.twj.internet.task.LoopingCall;
import dev.twj.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two small line protocols talking through {@link IOSim#connectedServerAndClient} under a
 * {@link Clock}: echo, greeting, timed writes, producers, loseConnection and abortConnection as
 * Twisted's iosim does them, {@link ConnectionCompleter} and {@link Testing#waitUntilAllDisconnected}.
 */
class IOSimBehaviourTests {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A LineReceiver-like protocol: splits what it receives on CRLF, records connection events. */
    static class LineProtocol extends Protocol {
        final List<String> lines = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        Failure lostReason;
        private final StringBuilder buffer = new StringBuilder();

        void sendLine(String line) {
            transport.write(b(line + "\r\n"));
        }

        @Override
        public void connectionMade() {
            events.add("made");
        }

        @Override
        public void dataReceived(byte[] data) {
            buffer.append(new String(data, StandardCharsets.US_ASCII));
            int i;
            while ((i = buffer.indexOf("\r\n")) >= 0) {
                String line = buffer.substring(0, i);
                buffer.delete(0, i + 2);
                lines.add(line);
                lineReceived(line);
            }
        }

        void lineReceived(String line) {}

        @Override
        public void connectionLost(Failure reason) {
            events.add("lost");
            lostReason = reason;
        }
    }

    /** Greets on connection and echoes every line; "quit" closes, "abort" aborts the connection. */
    static final class EchoServer extends LineProtocol {
        @Override
        public void connectionMade() {
            super.connectionMade();
            sendLine("hello");
        }

        @Override
        void lineReceived(String line) {
            sendLine("echo " + line);
            if (line.equals("quit")) {
                transport.loseConnection();
            } else if (line.equals("abort")) {
                ((FakeTransport) transport).abortConnection();
            }
        }
    }

    /** Sends lines and records the answers. */
    static final class EchoClient extends LineProtocol {}

    @Test
    public void serverGreetingArrivesDuringConnectWhenGreetIsTrue() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        assertEquals(List.of("hello"), c.client().lines);
        assertEquals(List.of("made"), c.server().events);
        assertEquals(List.of("made"), c.client().events);
        assertFalse(((FakeTransport) c.client().transport).isServer);
        assertTrue(((FakeTransport) c.server().transport).isServer);
    }

    @Test
    public void serverGreetingWaitsForAPumpWhenGreetIsFalse() {
        IOSim.Connected<EchoClient, EchoServer> c = IOSim.connectedServerAndClient(
                EchoServer::new, EchoClient::new, IOSim::makeFakeClient, IOSim::makeFakeServer, false, false, null);
        assertEquals(List.of(), c.client().lines);
        assertTrue(c.pump().pump());
        assertEquals(List.of("hello"), c.client().lines);
        assertFalse(c.pump().pump());
    }

    @Test
    public void echoesLinesWhateverTheChunking() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        byte[] input = b("one\r\ntwo\r\nthree\r\n");
        for (byte x : input) {
            c.client().transport.write(new byte[] {x});
        }
        // One pump moves all the client's buffered writes as one chunk; the echo comes back on the next.
        assertTrue(c.pump().pump());
        assertEquals(List.of("one", "two", "three"), c.server().lines);
        assertEquals(List.of("hello"), c.client().lines);
        assertTrue(c.pump().flush());
        assertEquals(List.of("hello", "echo one", "echo two", "echo three"), c.client().lines);
        assertFalse(c.pump().flush());
    }

    @Test
    public void pumpRunsZeroDelayCallsButMovesTimeOnlyWhenTheTestAdvancesIt() {
        Clock clock = new Clock();
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, clock);
        clock.callLater(0, () -> c.server().sendLine("now"));
        clock.callLater(1, () -> c.server().sendLine("later"));
        c.pump().flush();
        assertEquals(List.of("hello", "now"), c.client().lines);
        assertEquals(0.0, clock.seconds());
        clock.advance(1);
        c.pump().flush();
        assertEquals(List.of("hello", "now", "later"), c.client().lines);

        // advanceClock=false leaves zero-delay calls alone.
        clock.callLater(0, () -> c.server().sendLine("deferred"));
        assertFalse(c.pump().flush(false, false));
        assertEquals(3, c.client().lines.size());
        c.pump().flush();
        assertEquals("deferred", c.client().lines.get(3));
    }

    @Test
    public void loseConnectionDeliversPendingDataThenConnectionDoneToTheClientThenTheServer() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        FakeTransport sio = (FakeTransport) c.server().transport;
        FakeTransport cio = (FakeTransport) c.client().transport;
        c.client().sendLine("quit");
        c.server().events.clear();
        c.client().events.clear();
        // The client hears about it on one pump, the server on the next.
        c.pump().pump(); // quit reaches the server: it echoes and loses the connection
        c.pump().pump(); // the echo reaches the client
        assertEquals(List.of("hello", "echo quit"), c.client().lines);
        c.server().sendLine("dropped"); // writes after loseConnection are dropped
        assertTrue(c.pump().pump());
        assertEquals(List.of("lost"), c.client().events);
        assertEquals(List.of(), c.server().events);
        assertTrue(sio.disconnected);
        assertTrue(cio.disconnecting);
        assertFalse(cio.disconnected);
        assertFalse(cio.connected);
        assertTrue(sio.connected);
        assertTrue(c.pump().pump());
        assertEquals(List.of("lost"), c.server().events);
        assertTrue(cio.disconnected);
        assertFalse(sio.connected);
        assertFalse(c.pump().pump());
        assertEquals(List.of("hello", "echo quit"), c.client().lines);

        assertInstanceOf(ConnectionDone.class, c.client().lostReason.value());
        assertInstanceOf(ConnectionDone.class, c.server().lostReason.value());
        assertEquals("Connection was closed cleanly: Connection done.",
                c.server().lostReason.value().getMessage());
    }

    @Test
    public void clientLoseConnectionTellsTheServerFirst() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        c.client().events.clear();
        c.server().events.clear();
        c.client().transport.loseConnection();
        c.pump().pump();
        assertEquals(List.of("lost"), c.server().events);
        assertEquals(List.of(), c.client().events);
        c.pump().flush();
        assertEquals(List.of("lost"), c.client().events);
        assertInstanceOf(ConnectionDone.class, c.client().lostReason.value());
        assertInstanceOf(ConnectionDone.class, c.server().lostReason.value());
    }

    /**
     * Twisted's FakeTransport.abortConnection is loseConnection: buffered data still arrives and
     * both sides are told ConnectionDone.
     */
    @Test
    public void abortConnectionIsLoseConnectionAndReportsConnectionDoneByDefault() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        c.client().sendLine("abort");
        c.pump().flush();
        assertEquals(List.of("hello", "echo abort"), c.client().lines);
        assertInstanceOf(ConnectionDone.class, c.client().lostReason.value());
        assertInstanceOf(ConnectionDone.class, c.server().lostReason.value());
    }

    /**
     * Each side is told its own transport's disconnectReason: a test makes the aborting side see
     * ConnectionAborted and its peer ConnectionLost, as a real TCP transport would report.
     */
    @Test
    public void abortConnectionReportsEachTransportsDisconnectReason() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        ((FakeTransport) c.server().transport).disconnectReason = new ConnectionAborted();
        ((FakeTransport) c.client().transport).disconnectReason = new ConnectionLost();
        c.client().sendLine("abort");
        c.pump().flush();
        assertEquals(ConnectionLost.class, c.client().lostReason.type());
        assertEquals(ConnectionAborted.class, c.server().lostReason.type());
        assertInstanceOf(ConnectionLost.class, c.server().lostReason.value());
    }

    @Test
    public void stopProducingLosesTheConnectionAndStopConsumingAlsoUnregisters() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        FakeTransport sio = (FakeTransport) c.server().transport;
        sio.stopProducing();
        assertTrue(sio.disconnecting);

        FakeTransport cio = (FakeTransport) c.client().transport;
        StrictPushProducer producer = new StrictPushProducer();
        cio.registerProducer(producer, true);
        cio.stopConsuming();
        assertNull(cio.producer);
        assertTrue(cio.disconnecting);
        assertEquals("running", producer.state);
        c.pump().flush();
        assertEquals(List.of("made", "lost"), c.client().events);
        assertEquals(List.of("made", "lost"), c.server().events);
    }

    /** A pull producer that writes one numbered line each time it is resumed. */
    static final class LinePullProducer implements IPullProducer {
        final ITransport transport;
        int resumed;
        boolean stopped;

        LinePullProducer(ITransport transport) {
            this.transport = transport;
        }

        @Override
        public void resumeProducing() {
            resumed++;
            transport.write(b("chunk " + resumed + "\r\n"));
        }

        @Override
        public void stopProducing() {
            stopped = true;
        }
    }

    @Test
    public void pullProducerIsResumedOnRegistrationAndOnEveryPumpUntilUnregistered() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        FakeTransport sio = (FakeTransport) c.server().transport;
        LinePullProducer producer = new LinePullProducer(sio);
        sio.registerProducer(producer, false);
        assertEquals(1, producer.resumed);
        assertTrue(c.pump().pump());
        assertEquals(2, producer.resumed);
        assertEquals(List.of("hello", "chunk 1"), c.client().lines);
        assertTrue(c.pump().pump());
        assertEquals(List.of("hello", "chunk 1", "chunk 2"), c.client().lines);
        sio.unregisterProducer();
        assertTrue(c.pump().pump());
        assertEquals(List.of("hello", "chunk 1", "chunk 2", "chunk 3"), c.client().lines);
        assertFalse(c.pump().pump());
        assertEquals(3, producer.resumed);
        assertFalse(producer.stopped);
    }

    @Test
    public void pullProducerNeverUnregisteredKeepsFlushBusyUntilTooLong() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        FakeTransport sio = (FakeTransport) c.server().transport;
        sio.registerProducer(new LinePullProducer(sio), false);
        AssertionError e = assertThrows(AssertionError.class, () -> c.pump().flush());
        assertEquals("Too long", e.getMessage());
    }

    /**
     * The pump never pauses or resumes a push producer; the test pauses and resumes it through the
     * transport's producer field, and it writes only while running.
     */
    @Test
    public void pushProducerIsPausedAndResumedByTheTestNotByThePump() {
        Clock clock = new Clock();
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, clock);
        FakeTransport sio = (FakeTransport) c.server().transport;
        StrictPushProducer producer = new StrictPushProducer();
        sio.registerProducer(producer, true);
        LoopingCall tick = new LoopingCall(() -> {
            if (producer.state.equals("running")) {
                c.server().sendLine("tick " + clock.seconds());
            }
        });
        tick.setClock(clock);
        tick.start(1, true);
        c.pump().flush();
        assertEquals(List.of("hello", "tick 0.0"), c.client().lines);

        ((StrictPushProducer) sio.producer).pauseProducing();
        clock.advance(1);
        c.pump().flush();
        assertEquals("paused", producer.state);
        assertEquals(List.of("hello", "tick 0.0"), c.client().lines);

        ((StrictPushProducer) sio.producer).resumeProducing();
        clock.advance(1);
        c.pump().flush();
        assertEquals("running", producer.state);
        assertEquals(List.of("hello", "tick 0.0", "tick 2.0"), c.client().lines);
        tick.stop();

        sio.unregisterProducer();
        assertNull(sio.producer);
        assertTrue(sio.streamingProducer);
    }

    /** FakeTransport "never sends data anyways": pausing it does not hold back delivery. */
    @Test
    public void pausingAFakeTransportDoesNotHoldBackDelivery() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        FakeTransport cio = (FakeTransport) c.client().transport;
        cio.pauseProducing();
        c.server().sendLine("still");
        c.pump().flush();
        assertEquals(List.of("hello", "still"), c.client().lines);
        cio.resumeProducing();
        assertFalse(cio.disconnecting);
    }

    @Test
    public void addressesDefaultToDistinctFakeAddresses() {
        FakeTransport t = new FakeTransport(new Protocol(), false);
        assertInstanceOf(FakeAddress.class, t.getHost());
        assertInstanceOf(FakeAddress.class, t.getPeer());
        assertNotSame(t.getHost(), t.getPeer());
        assertFalse(t.getHost().equals(t.getPeer()));
        IAddress host = new IPv4Address("TCP", "127.0.0.1", 1);
        IAddress peer = new IPv4Address("TCP", "127.0.0.1", 2);
        FakeTransport u = new FakeTransport(new Protocol(), true, host, peer);
        assertSame(host, u.getHost());
        assertSame(peer, u.getPeer());
        assertEquals("iosim", u.logPrefix());
        assertFalse(u.getTcpNoDelay());
        assertFalse(u.getTcpKeepAlive());
    }

    @Test
    public void toStringNamesTheSideTheSerialAndTheProtocol() {
        FakeTransport s = IOSim.makeFakeServer(new EchoServer());
        FakeTransport c = IOSim.makeFakeClient(new EchoClient());
        assertEquals("FakeTransport<S," + s.serial + ",EchoServer>", s.toString());
        assertEquals("FakeTransport<C," + c.serial + ",EchoClient>", c.toString());
    }

    @Test
    public void debugPrintsWhatMovesAsPythonBytesRepr() {
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, new Clock());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.pump().out = new PrintStream(out, true, StandardCharsets.UTF_8);
        c.client().transport.write(new byte[] {'h', 'i', '\'', 0, (byte) 0xff});
        c.client().transport.loseConnection();
        c.pump().flush(true, true);
        String nl = System.lineSeparator();
        assertEquals(String.join(nl,
                "-- GLUG --", ".", "C: b\"hi'\\x00\\xff\"",
                "-- GLUG --", ".", "* S",
                "-- GLUG --", ".", "* C",
                "-- GLUG --", ".", ""), out.toString(StandardCharsets.UTF_8));
        // As Python: repr(b"a\\b\r\n\t'") and repr(b"'\"").
        assertEquals("b\"a\\\\b\\r\\n\\t'\"", IOPump.repr(b("a\\b\r\n\t'")));
        assertEquals("b'\\'\"'", IOPump.repr(b("'\"")));
    }

    @Test
    public void waitUntilAllDisconnectedFiresOnceEveryTransportIsDisconnected() {
        Clock clock = new Clock();
        IOSim.Connected<EchoClient, EchoServer> c =
                IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, clock);
        Deferred<LoopingCall> d = Testing.waitUntilAllDisconnected(clock, List.of(c.client(), c.server()));
        assertFalse(d.called());
        c.client().transport.loseConnection();
        c.pump().pump(); // the server is told; the client is not yet
        clock.advance(0.01);
        assertFalse(d.called());
        c.pump().pump();
        assertFalse(d.called());
        clock.advance(0.01);
        assertTrue(d.called());
        assertInstanceOf(LoopingCall.class, d.result());
        assertEquals(List.of(), clock.getDelayedCalls());
    }

    @Test
    public void waitUntilAllDisconnectedReadsStringTransportConnected() {
        Clock clock = new Clock();
        Protocol p = new Protocol();
        StringTransportWithDisconnection t = new StringTransportWithDisconnection();
        t.protocol = p;
        p.makeConnection(t);
        Deferred<LoopingCall> d = Testing.waitUntilAllDisconnected(clock, List.of(p));
        assertFalse(d.called());
        t.loseConnection();
        clock.advance(0.01);
        assertTrue(d.called());

        // Already disconnected: fires at once.
        assertTrue(Testing.waitUntilAllDisconnected(clock, List.of(p)).called());
    }

    @Test
    public void waitUntilAllDisconnectedFailsForATransportItCannotRead() {
        Protocol p = new Protocol();
        p.makeConnection(new ITransport() {
            @Override public void write(byte[] data) {}
            @Override public void writeSequence(Iterable<byte[]> data) {}
            @Override public void loseConnection() {}
            @Override public IAddress getPeer() { return null; }
            @Override public IAddress getHost() { return null; }
        });
        Clock clock = new Clock();
        Deferred<LoopingCall> d = Testing.waitUntilAllDisconnected(clock, List.of(p));
        Failure f = (Failure) d.result();
        d.addErrback(x -> null);
        assertEquals(IllegalArgumentException.class, f.type());

        boolean[] connected = {true};
        Deferred<LoopingCall> e = Testing.waitUntilAllDisconnected(clock, List.of(p), t -> connected[0]);
        assertFalse(e.called());
        connected[0] = false;
        clock.advance(0.01);
        assertTrue(e.called());
    }

    /** A client factory recording failures. */
    static final class RecordingClientFactory extends ClientFactory {
        final List<Failure> failed = new ArrayList<>();
        final List<IConnector> connectors = new ArrayList<>();

        @Override
        public void clientConnectionFailed(IConnector connector, Failure reason) {
            connectors.add(connector);
            failed.add(reason);
        }
    }

    @Test
    public void connectionCompleterConnectsAClientToTheServerListeningOnItsPort() {
        MemoryReactorClock reactor = new MemoryReactorClock();
        RecordingClientFactory clientFactory = new RecordingClientFactory();
        clientFactory.protocol = EchoClient::new;
        reactor.listenTCP(1234, Factory.forProtocol(EchoServer::new), 50, "");
        reactor.connectTCP("example.com", 9999, clientFactory, 30, null);
        ConnectionCompleter completer = new ConnectionCompleter(reactor);
        assertNull(completer.succeedOnce());
        reactor.connectTCP("0.0.0.0", 1234, clientFactory, 30, null);
        assertEquals(2, reactor.connectors.size());
        IOPump pump = completer.succeedOnce();
        assertEquals(1, reactor.tcpClients.size());
        assertEquals(9999, reactor.tcpClients.get(0).port());
        assertEquals(1, reactor.connectors.size());
        EchoClient client = (EchoClient) pump.client;
        EchoServer server = (EchoServer) pump.server;
        assertEquals(List.of("hello"), client.lines);
        assertSame(clientFactory, client.factory);
        client.sendLine("hi");
        pump.flush();
        assertEquals(List.of("hi"), server.lines);
        assertEquals(List.of("hello", "echo hi"), client.lines);

        FakeConnector remaining = reactor.connectors.get(0);
        completer.failOnce();
        assertEquals(List.of(), reactor.tcpClients);
        assertEquals(List.of(), reactor.connectors);
        assertEquals(List.of(remaining), clientFactory.connectors);
        assertEquals(ConnectionRefusedError.class, clientFactory.failed.get(0).type());

        reactor.connectTCP("0.0.0.0", 1, clientFactory, 30, null);
        completer.failOnce(new Failure(new ConnectionLost()));
        assertEquals(ConnectionLost.class, clientFactory.failed.get(1).type());
    }
}
