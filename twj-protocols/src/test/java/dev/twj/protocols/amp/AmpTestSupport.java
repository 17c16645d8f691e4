package dev.twj.protocols.amp;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.logger.CapturedLogs;
import dev.twj.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Helpers for the ports of test_amp.py: byte literals, an in-memory connection of two protocols
 * (Twisted's {@code iosim.connectedServerAndClient} and {@code IOPump}), and
 * {@code flushLoggedErrors}.
 */
final class AmpTestSupport {
    private AmpTestSupport() {}

    /** Python's {@code b"..."}: the ISO-8859-1 bytes of {@code s}. */
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bytes as an ISO-8859-1 string, for assertEquals. */
    static String s(byte[] data) {
        return data == null ? null : new String(data, StandardCharsets.ISO_8859_1);
    }

    /** Concatenates byte arrays. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One end of an in-memory connection: Twisted's {@code iosim.FakeTransport}. */
    static final class FakeTransport implements ITransport {
        final IProtocol protocol;
        final boolean isServer;
        final IAddress hostAddress;
        final IAddress peerAddress;
        private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
        boolean disconnecting;
        boolean disconnected;
        Throwable disconnectReason = new ConnectionDone("Connection done");

        FakeTransport(IProtocol protocol, boolean isServer) {
            this.protocol = protocol;
            this.isServer = isServer;
            IPv4Address server = new IPv4Address("TCP", "192.168.1.1", 4321);
            IPv4Address client = new IPv4Address("TCP", "192.168.1.2", 1234);
            this.hostAddress = isServer ? server : client;
            this.peerAddress = isServer ? client : server;
        }

        @Override
        public void write(byte[] data) {
            stream.writeBytes(data);
        }

        @Override
        public void writeSequence(Iterable<byte[]> data) {
            for (byte[] d : data) {
                write(d);
            }
        }

        @Override
        public void loseConnection() {
            disconnecting = true;
        }

        @Override
        public IAddress getPeer() {
            return peerAddress;
        }

        @Override
        public IAddress getHost() {
            return hostAddress;
        }

        byte[] getOutBuffer() {
            byte[] out = stream.toByteArray();
            stream.reset();
            return out;
        }

        void bufferReceived(byte[] buf) {
            protocol.dataReceived(buf);
        }

        void reportDisconnect() {
            protocol.connectionLost(new Failure(disconnectReason));
        }

        @Override
        public String toString() {
            return "FakeTransport<" + (isServer ? "S" : "C") + ">";
        }
    }

    /** Moves bytes between two {@link FakeTransport}s: Twisted's {@code iosim.IOPump}. */
    static final class IOPump {
        final IProtocol client;
        final IProtocol server;
        final FakeTransport clientIO;
        final FakeTransport serverIO;

        IOPump(IProtocol client, IProtocol server, FakeTransport clientIO, FakeTransport serverIO) {
            this.client = client;
            this.server = server;
            this.clientIO = clientIO;
            this.serverIO = serverIO;
        }

        /** Pumps until there is no more input or output; returns whether anything moved. */
        boolean flush() {
            boolean result = false;
            for (int i = 0; i < 1000; i++) {
                if (pump()) {
                    result = true;
                } else {
                    return result;
                }
            }
            throw new AssertionError("Too long");
        }

        /** Moves data back and forth once; returns whether any data moved. */
        boolean pump() {
            byte[] sData = serverIO.getOutBuffer();
            byte[] cData = clientIO.getOutBuffer();
            if (cData.length > 0) {
                serverIO.bufferReceived(cData);
            }
            if (sData.length > 0) {
                clientIO.bufferReceived(sData);
            }
            if (cData.length > 0 || sData.length > 0) {
                return true;
            }
            if (serverIO.disconnecting && !serverIO.disconnected) {
                serverIO.disconnected = true;
                clientIO.disconnecting = true;
                clientIO.reportDisconnect();
                return true;
            }
            if (clientIO.disconnecting && !clientIO.disconnected) {
                clientIO.disconnected = true;
                serverIO.disconnecting = true;
                serverIO.reportDisconnect();
                return true;
            }
            return false;
        }
    }

    /** What {@link #connectedServerAndClient} returns: Twisted's {@code (client, server, pump)}. */
    record Connected<C extends IProtocol, S extends IProtocol>(C c, S s, IOPump p) {}

    /** Connects a new server and client protocol in memory and flushes the greeting. */
    static <S extends IProtocol, C extends IProtocol> Connected<C, S> connectedServerAndClient(
            Supplier<S> serverClass, Supplier<C> clientClass) {
        S server = serverClass.get();
        C client = clientClass.get();
        FakeTransport serverTransport = new FakeTransport(server, true);
        FakeTransport clientTransport = new FakeTransport(client, false);
        server.makeConnection(serverTransport);
        client.makeConnection(clientTransport);
        IOPump pump = new IOPump(client, server, clientTransport, serverTransport);
        pump.flush();
        return new Connected<>(client, server, pump);
    }

    /** Twisted's default: two {@link AmpFixtures.SimpleSymmetricProtocol}s. */
    static Connected<AmpFixtures.SimpleSymmetricProtocol, AmpFixtures.SimpleSymmetricProtocol> connectedServerAndClient() {
        return connectedServerAndClient(AmpFixtures.SimpleSymmetricProtocol::new, AmpFixtures.SimpleSymmetricProtocol::new);
    }

    /** Captures logged failures: trial's {@code flushLoggedErrors}. */
    static final class LoggedErrors implements AutoCloseable {
        private final CapturedLogs logs = CapturedLogs.capture();
        private int flushed;

        /** Returns the failures logged since the last flush whose exception is one of {@code types}. */
        List<Failure> flushLoggedErrors(Class<?>... types) {
            List<Map<String, Object>> events = logs.events();
            List<Failure> out = new ArrayList<>();
            for (Map<String, Object> e : events.subList(flushed, events.size())) {
                if (e.get("log_failure") instanceof Failure f && (types.length == 0 || f.check(types) != null)) {
                    out.add(f);
                }
            }
            flushed = events.size();
            return out;
        }

        @Override
        public void close() {
            logs.close();
        }
    }

    /**
     * Returns {@code o} with every {@code byte[]} replaced by its Python repr, recursively through
     * lists and maps, so that values holding byte arrays compare with assertEquals.
     */
    static Object norm(Object o) {
        if (o instanceof byte[] bytes) {
            return Amp.bytesRepr(bytes);
        }
        if (o instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object x : list) {
                out.add(norm(x));
            }
            return out;
        }
        if (o instanceof Map<?, ?> map) {
            Map<Object, Object> out = new java.util.HashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(e.getKey(), norm(e.getValue()));
            }
            return out;
        }
        return o;
    }

    /** Asserts two values are equal after {@link #norm}. */
    static void assertNormEquals(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertEquals(norm(expected), norm(actual));
    }

    /** A map allowing null values: Python's {@code dict(k=v, ...)}. */
    static Map<String, Object> dict(Object... keysAndValues) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
