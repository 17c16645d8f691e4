package dev.twj.protocols.policies;

import static dev.twj.protocols.policies.PoliciesTestSupport.b;
import static dev.twj.protocols.policies.PoliciesTestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.testing.StringTransportWithDisconnection;
import dev.twj.protocols.policies.PoliciesTestSupport.EchoProtocol;
import dev.twj.protocols.policies.PoliciesTestSupport.Server;
import dev.twj.protocols.policies.PoliciesTestSupport.SimpleProtocol;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port of {@code twisted.test.test_policies.LoggingFactoryTests}: {@link TrafficLoggingFactory}. */
class LoggingFactoryTests {
    /** Echoes, but with writeSequence when the data contains {@code vector!}. */
    static class WriteSequenceEchoProtocol extends EchoProtocol {
        @Override
        public void dataReceived(byte[] bytes) {
            if (s(bytes).contains("vector!")) {
                transport.writeSequence(List.of(bytes));
            } else {
                super.dataReceived(bytes);
            }
        }
    }

    /** A traffic logging factory that logs to one {@link StringWriter}. */
    static class TestLoggingFactory extends TrafficLoggingFactory {
        StringWriter openFile;

        TestLoggingFactory(IProtocolFactory wrappedFactory, String logfilePrefix) {
            super(wrappedFactory, logfilePrefix);
        }

        @Override
        public Writer open(String name) {
            assertNull(openFile, "open() called too many times");
            openFile = new StringWriter();
            return openFile;
        }
    }

    /** Check the output produced by {@link TrafficLoggingFactory}. */
    @Test
    public void test_thingsGetLogged() {
        Server wrappedFactory = new Server();
        wrappedFactory.protocol = WriteSequenceEchoProtocol::new;
        StringTransportWithDisconnection t = new StringTransportWithDisconnection();
        TestLoggingFactory f = new TestLoggingFactory(wrappedFactory, "test");
        TrafficLoggingProtocol p =
                (TrafficLoggingProtocol) f.buildProtocol(new IPv4Address("TCP", "1.2.3.4", 5678));
        t.protocol = p;
        p.makeConnection(t);

        String v = f.openFile.toString();
        assertTrue(v.contains("*"), v);
        assertEquals(0, t.value().length);

        p.dataReceived(b("here are some bytes"));

        v = f.openFile.toString();
        assertTrue(v.contains("C 1: b'here are some bytes'"), v);
        assertTrue(v.contains("S 1: b'here are some bytes'"), v);
        assertEquals("here are some bytes", s(t.value()));

        t.clear();
        p.dataReceived(b("prepare for vector! to the extreme"));
        v = f.openFile.toString();
        assertTrue(v.contains("SV 1: [b'prepare for vector! to the extreme']"), v);
        assertEquals("prepare for vector! to the extreme", s(t.value()));

        p.loseConnection();

        v = f.openFile.toString();
        assertTrue(v.contains("ConnectionDone"), v);
    }

    /** Test counter management with the resetCounter method. */
    @Test
    public void test_counter() {
        Server wrappedFactory = new Server();
        TestLoggingFactory f = new TestLoggingFactory(wrappedFactory, "test");
        assertEquals(0, f.counter());
        f.buildProtocol(new IPv4Address("TCP", "1.2.3.4", 5678));
        assertEquals(1, f.counter());
        // Reset log file
        f.openFile = null;
        f.buildProtocol(new IPv4Address("TCP", "1.2.3.4", 5679));
        assertEquals(2, f.counter());

        f.resetCounter();
        assertEquals(0, f.counter());
    }

    /**
     * When the {@link TrafficLoggingFactory} builds a protocol, it automatically opens a unique
     * log file for that protocol and attaches the logfile to the built protocol.
     *
     * <p>Java version: Twisted patches {@code builtins.open}; this test lets the default
     * {@link TrafficLoggingFactory#open} create real files in a temporary directory.
     */
    @Test
    public void test_loggingFactoryOpensLogfileAutomatically(@TempDir Path dir) throws IOException {
        ServerFactory wrappedFactory = new ServerFactory();
        wrappedFactory.protocol = SimpleProtocol::new;
        String prefix = dir.resolve("test").toString();
        TrafficLoggingFactory factory = new TrafficLoggingFactory(wrappedFactory, prefix);
        TrafficLoggingProtocol firstProto =
                (TrafficLoggingProtocol) factory.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 12345));
        TrafficLoggingProtocol secondProto =
                (TrafficLoggingProtocol) factory.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 12346));

        // We expect open to be called twice, with the files passed to the protocols.
        try (var files = Files.list(dir)) {
            assertEquals(List.of("test-1", "test-2"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertNotSame(firstProto.logfile, secondProto.logfile);
        firstProto.logfile.write("first");
        firstProto.logfile.close();
        secondProto.logfile.write("second");
        secondProto.logfile.close();
        assertEquals("first", Files.readString(dir.resolve("test-1")));
        assertEquals("second", Files.readString(dir.resolve("test-2")));
        assertFalse(Files.exists(dir.resolve("test-3")));
    }
}
