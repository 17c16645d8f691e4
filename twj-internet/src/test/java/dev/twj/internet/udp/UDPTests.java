package dev.twj.internet.udp;

import static dev.twj.internet.udp.Harness.runUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.CannotListenError;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.error.InvalidAddressError;
import dev.twj.internet.error.TimeoutError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.DatagramProtocol;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.logger.CapturedLogs;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of {@code twisted.test.test_udp.UDPTests}.
 *
 * <p>Not ported: {@code test_NoWarningOnBroadcast} (it checks that no Python deprecation warning
 * is emitted for {@code "<broadcast>"} through a fake socket; twj emits no warnings and its port
 * cannot take a fake socket; writing to {@code "<broadcast>"} is accepted, as Twisted's).
 * Twisted's {@code (host, port)} tuples are {@code IPv4Address("UDP", host, port)} here.
 */
@Timeout(60)
class UDPTests {
    static final int MAX_PACKET_SIZE = 8192;

    private final SelectReactor reactor = new SelectReactor();

    /** Twisted's {@code Mixin} and {@code Server}: records packets, fires on start and receipt. */
    static class Server extends DatagramProtocol {
        int started;
        int stopped;
        int refused;
        Deferred<Void> startedDeferred;
        Deferred<Void> packetReceived;
        final List<Map.Entry<String, IAddress>> packets = new ArrayList<>();

        @Override
        public void startProtocol() {
            started = 1;
            if (startedDeferred != null) {
                Deferred<Void> d = startedDeferred;
                startedDeferred = null;
                d.callback(null);
            }
        }

        @Override
        public void stopProtocol() {
            stopped = 1;
        }

        @Override
        public void datagramReceived(byte[] data, IAddress addr) {
            packets.add(Map.entry(new String(data), addr));
            if (packetReceived != null) {
                Deferred<Void> d = packetReceived;
                packetReceived = null;
                d.callback(null);
            }
        }
    }

    /** Twisted's {@code GoodClient}: a Server that reports connectionRefused. */
    static class GoodClient extends Server {
        @Override
        public void connectionRefused() {
            if (startedDeferred != null) {
                Deferred<Void> d = startedDeferred;
                startedDeferred = null;
                d.errback(new Failure(new ConnectionRefusedError(null, "yup")));
            }
            refused = 1;
        }
    }

    /** Raised by BadClient at the end of every datagramReceived call. */
    static final class BadClientError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadClientError(String message) {
            super(message);
        }
    }

    /** A DatagramProtocol which always raises an exception from datagramReceived. */
    static final class BadClient extends DatagramProtocol {
        Deferred<byte[]> d;

        void setDeferred(Deferred<byte[]> d) {
            this.d = d;
        }

        @Override
        public void datagramReceived(byte[] bytes, IAddress addr) {
            if (d != null) {
                Deferred<byte[]> fired = d;
                d = null;
                fired.callback(bytes);
            }
            throw new BadClientError("Application code is very buggy!");
        }
    }

    private static IPv4Address udp(String host, int port) {
        return new IPv4Address("UDP", host, port);
    }

    private static int portOf(IAddress addr) {
        return ((IPv4Address) addr).port();
    }

    /** The type of the host address of a listening DatagramProtocol's transport is "UDP". */
    @Test
    public void test_oldAddress() {
        Server server = new Server();
        Deferred<Void> d = server.startedDeferred = new Deferred<>();
        IListeningPort p = reactor.listenUDP(0, server, "127.0.0.1", MAX_PACKET_SIZE);
        runUntil(reactor, d.addCallbackDeferred(ignored -> {
            IPv4Address addr = (IPv4Address) p.getHost();
            assertEquals("UDP", addr.type());
            return p.stopListening();
        }));
    }

    /**
     * The DatagramProtocol's startProtocol and stopProtocol methods are called when its
     * transports starts and stops listening, respectively.
     */
    @Test
    public void test_startStop() {
        Server server = new Server();
        Deferred<Void> d = server.startedDeferred = new Deferred<>();
        IListeningPort port1 = reactor.listenUDP(0, server, "127.0.0.1", MAX_PACKET_SIZE);
        runUntil(reactor, d.addCallbackDeferred(ignored -> {
            assertEquals(1, server.started);
            assertEquals(0, server.stopped);
            return port1.stopListening();
        }).addCallback(ignored -> {
            assertEquals(1, server.stopped);
            return null;
        }));
    }

    /** Re-listening with the same DatagramProtocol re-invokes the startProtocol callback. */
    @Test
    public void test_rebind() {
        Server server = new Server();
        Deferred<Void> d = server.startedDeferred = new Deferred<>();
        IListeningPort p = reactor.listenUDP(0, server, "127.0.0.1", MAX_PACKET_SIZE);
        runUntil(reactor, d.addCallbackDeferred(ignored -> p.stopListening()).addCallbackDeferred(ignored -> {
            Deferred<Void> d2 = server.startedDeferred = new Deferred<>();
            IListeningPort p2 = reactor.listenUDP(0, server, "127.0.0.1", MAX_PACKET_SIZE);
            return d2.addCallbackDeferred(ign -> p2.stopListening());
        }));
        assertEquals(1, server.started);
        assertEquals(1, server.stopped);
    }

    /**
     * A CannotListenError exception is raised when attempting to bind a second protocol instance
     * to an already bound port.
     */
    @Test
    public void test_bindError() {
        Server server = new Server();
        Deferred<Void> d = server.startedDeferred = new Deferred<>();
        IListeningPort port = reactor.listenUDP(0, server, "127.0.0.1", MAX_PACKET_SIZE);
        runUntil(reactor, d.addCallback(ignored -> {
            assertEquals(port.getHost(), server.transport.getHost());
            Server server2 = new Server();
            assertThrows(CannotListenError.class,
                    () -> reactor.listenUDP(portOf(port.getHost()), server2, "127.0.0.1", MAX_PACKET_SIZE));
            return null;
        }).addCallbackDeferred(ignored -> port.stopListening()));
    }

    /**
     * Datagrams can be sent with the transport's write method and received via the
     * datagramReceived callback method.
     */
    @Test
    public void test_sendPackets() {
        Server server = new Server();
        Deferred<Void> serverStarted = server.startedDeferred = new Deferred<>();
        IListeningPort port1 = reactor.listenUDP(0, server, "127.0.0.1", MAX_PACKET_SIZE);
        GoodClient client = new GoodClient();
        Deferred<Void> clientStarted = client.startedDeferred = new Deferred<>();
        IListeningPort[] port2 = new IListeningPort[1];

        Deferred<Void> d = serverStarted.addCallbackDeferred(ignored -> {
            port2[0] = reactor.listenUDP(0, client, "127.0.0.1", MAX_PACKET_SIZE);
            return clientStarted;
        });
        Deferred<List<Object>> sends = d.addCallbackDeferred(ignored -> {
            client.transport.connect("127.0.0.1", portOf(server.transport.getHost()));
            IPv4Address cAddr = (IPv4Address) client.transport.getHost();
            IPv4Address sAddr = (IPv4Address) server.transport.getHost();
            Deferred<Void> serverSend = client.packetReceived = new Deferred<>();
            server.transport.write("hello".getBytes(), udp(cAddr.host(), cAddr.port()));
            List<Object[]> clientWrites = new ArrayList<>(List.of(
                    new Object[] {"a"}, new Object[] {"b", null}, new Object[] {"c", udp(sAddr.host(), sAddr.port())}));
            Deferred<Void> clientSends = cbClientSend(server, client, clientWrites);
            return Defer.<Object>gatherResults(List.of(clientSends, serverSend));
        });
        Deferred<Void> finished = sends.addCallback(ignored -> {
            IPv4Address cAddr = (IPv4Address) client.transport.getHost();
            IPv4Address sAddr = (IPv4Address) server.transport.getHost();
            assertEquals(List.of(Map.entry("hello", (IAddress) udp(sAddr.host(), sAddr.port()))), client.packets);
            IAddress clientAddr = udp(cAddr.host(), cAddr.port());
            assertEquals(List.of(Map.entry("a", clientAddr), Map.entry("b", clientAddr), Map.entry("c", clientAddr)),
                    server.packets);
            return null;
        }).addCallbackDeferred(ignored -> Defer.gatherResults(List.of(port1.stopListening(), port2[0].stopListening()))
                .addCallback(ign -> (Void) null));
        runUntil(reactor, finished);
    }

    private static Deferred<Void> cbClientSend(Server server, GoodClient client, List<Object[]> clientWrites) {
        if (clientWrites.isEmpty()) {
            return Defer.succeed(null);
        }
        Deferred<Void> nextClientWrite = server.packetReceived = new Deferred<>();
        Deferred<Void> rest = nextClientWrite.addCallbackDeferred(ign -> cbClientSend(server, client, clientWrites));
        Object[] write = clientWrites.remove(0);
        IAddress addr = write.length > 1 ? (IAddress) write[1] : null;
        client.transport.write(((String) write[0]).getBytes(), addr);
        return rest;
    }

    /**
     * A ConnectionRefusedError exception is raised when a connection attempt is actively refused
     * by the other end. Note: This test assumes no one is listening on port 80 UDP.
     */
    @Test
    public void test_connectionRefused() {
        GoodClient client = new GoodClient();
        Deferred<Void> clientStarted = client.startedDeferred = new Deferred<>();
        IListeningPort port = reactor.listenUDP(0, client, "127.0.0.1", MAX_PACKET_SIZE);
        Server server = new Server();
        Deferred<Void> serverStarted = server.startedDeferred = new Deferred<>();
        IListeningPort port2 = reactor.listenUDP(0, server, "127.0.0.1", MAX_PACKET_SIZE);
        Object[] refused = new Object[1];
        Deferred<Void> d = Defer.gatherResults(List.of(clientStarted, serverStarted)).addCallbackDeferred(ignored -> {
            Deferred<Void> connectionRefused = client.startedDeferred = new Deferred<>();
            client.transport.connect("127.0.0.1", 80);
            for (int i = 0; i < 10; i++) {
                client.transport.write(Integer.toString(i).getBytes(), null);
                server.transport.write(Integer.toString(i).getBytes(), udp("127.0.0.1", 80));
            }
            return connectionRefused.addCallbacks(
                    r -> {
                        throw new AssertionError("expected ConnectionRefusedError, got " + r);
                    },
                    f -> {
                        refused[0] = f.value();
                        return null;
                    });
        }).addCallbackDeferred(ignored -> Defer.gatherResults(List.of(port.stopListening(), port2.stopListening()))
                .addCallback(ign -> (Void) null));
        runUntil(reactor, d);
        assertInstanceOf(ConnectionRefusedError.class, refused[0]);
    }

    /**
     * When a server fails to successfully read a packet the server should still be able to
     * process future packets. Note: This test assumes no one is listening on port 80 UDP.
     */
    @Test
    public void test_serverReadFailure() {
        GoodClient client = new GoodClient();
        Deferred<Void> clientStarted = client.startedDeferred = new Deferred<>();
        IListeningPort clientPort = reactor.listenUDP(0, client, "127.0.0.1", MAX_PACKET_SIZE);
        String testDataToSend = "Sending test packet to server";
        Server server = new Server();
        Deferred<Void> serverStarted = server.startedDeferred = new Deferred<>();
        Deferred<Void> serverGotData = server.packetReceived = new Deferred<>();
        IListeningPort serverPort = reactor.listenUDP(0, server, "127.0.0.1", MAX_PACKET_SIZE);
        Deferred<Void> started = Defer.gatherResults(List.of(clientStarted, serverStarted)).addCallback(ignored -> {
            server.transport.write("write to port no one is listening to".getBytes(), udp("127.0.0.1", 80));
            client.transport.write(testDataToSend.getBytes(), udp("127.0.0.1", portOf(serverPort.getHost())));
            return null;
        });
        Deferred<Void> all = Defer.<Object>gatherResults(List.of(started, serverGotData)).addCallback(ignored -> {
            assertEquals(testDataToSend, server.packets.get(0).getKey());
            return null;
        }).addCallbackDeferred(ignored -> Defer.gatherResults(List.of(clientPort.stopListening(), serverPort.stopListening()))
                .addCallback(ign -> (Void) null));
        runUntil(reactor, all);
    }

    /**
     * A call to the transport's connect method fails with an InvalidAddressError when a non-IP
     * address is passed as the host value. A call to a transport's connect method fails with an
     * IllegalStateException (Twisted's RuntimeError) when the transport is already connected.
     */
    @Test
    public void test_badConnect() {
        GoodClient client = new GoodClient();
        IListeningPort port = reactor.listenUDP(0, client, "127.0.0.1", MAX_PACKET_SIZE);
        assertThrows(InvalidAddressError.class, () -> client.transport.connect("localhost", 80));
        client.transport.connect("127.0.0.1", 80);
        assertThrows(IllegalStateException.class, () -> client.transport.connect("127.0.0.1", 80));
        runUntil(reactor, port.stopListening());
    }

    /** When datagramReceived raises an exception it is logged but the port is not disconnected. */
    @Test
    public void test_datagramReceivedError() {
        try (CapturedLogs logs = CapturedLogs.capture()) {
            Deferred<Void> finalDeferred = new Deferred<>();
            BadClient client = new BadClient();
            IListeningPort port = reactor.listenUDP(0, client, "127.0.0.1", MAX_PACKET_SIZE);
            IPv4Address addr = (IPv4Address) port.getHost();
            List<Integer> attempts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                attempts.add(i);
            }
            List<byte[]> succeededAttempts = new ArrayList<>();
            Runnable[] makeAttempt = new Runnable[1];
            makeAttempt[0] = () -> {
                if (attempts.isEmpty()) {
                    finalDeferred.errback(new Failure(new AssertionError("Not enough packets received")));
                    return;
                }
                assertNotNull(client.transport, "UDP Protocol lost its transport");
                byte[] packet = Integer.toString(attempts.remove(0)).getBytes();
                Deferred<byte[]> packetDeferred = new Deferred<>();
                client.setDeferred(packetDeferred);
                client.transport.write(packet, udp(addr.host(), addr.port()));
                IDelayedCall[] timeoutCall = new IDelayedCall[1];
                packetDeferred.addCallbacks(
                        p -> {
                            timeoutCall[0].cancel();
                            succeededAttempts.add(p);
                            if (succeededAttempts.size() == 2) {
                                reactor.callLater(0, () -> finalDeferred.callback(null));
                            } else {
                                makeAttempt[0].run();
                            }
                            return null;
                        },
                        err -> {
                            makeAttempt[0].run();
                            return null;
                        });
                timeoutCall[0] = reactor.callLater(0.1, () -> packetDeferred.errback(
                        new Failure(new TimeoutError(null, "Timed out in testDatagramReceivedError"))));
            };
            makeAttempt[0].run();
            runUntil(reactor, finalDeferred.addCallbackDeferred(ign -> port.stopListening()));
            long errs = logs.events().stream()
                    .filter(e -> e.get("log_failure") instanceof Failure f && f.value() instanceof BadClientError)
                    .count();
            assertEquals(2, errs, "Incorrectly found " + errs + " errors, expected 2");
        }
    }
}
