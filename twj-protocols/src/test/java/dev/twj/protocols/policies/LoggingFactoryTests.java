package dev.twj.protocols.policies;

import static dev.twj.protocols.policies.PoliciesTestSupport.b;
import static dev.twj.protocols.policies.PoliciesTestSupport.s;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.testing.StringTransportWithDisconnection;
import dev.twj.protocols.policies.PoliciesTestSupport.EchoProtocol;
import dev.twj.protocols.policies.PoliciesTestSupport.Server;
import dev.twj.protocols.policies.PoliciesTestSupport.SimpleProtocol;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Port of {@code twisted.test.test_policies.LoggingFactoryTests}: {@link TrafficLoggingFactory}. */
class LoggingFactoryTests extends SynchronousTestCase {
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
            if (openFile != null) {
                throw new AssertionError("open() called too many times");
            }
            openFile = new StringWriter();
            return openFile;
        }
    }

    /** Check the output produced by {@link TrafficLoggingFactory}. */
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
        assertEqual(t.value().length, 0);

        p.dataReceived(b("here are some bytes"));

        v = f.openFile.toString();
        assertTrue(v.contains("C 1: b'here are some bytes'"), v);
        assertTrue(v.contains("S 1: b'here are some bytes'"), v);
        assertEqual(s(t.value()), "here are some bytes");

        t.clear();
        p.dataReceived(b("prepare for vector! to the extreme"));
        v = f.openFile.toString();
        assertTrue(v.contains("SV 1: [b'prepare for vector! to the extreme']"), v);
        assertEqual(s(t.value()), "prepare for vector! to the extreme");

        p.loseConnection();

        v = f.openFile.toString();
        assertTrue(v.contains("ConnectionDone"), v);
    }

    /** Test counter management with the resetCounter method. */
    public void test_counter() {
        Server wrappedFactory = new Server();
        TestLoggingFactory f = new TestLoggingFactory(wrappedFactory, "test");
        assertEqual(f.counter(), 0);
        f.buildProtocol(new IPv4Address("TCP", "1.2.3.4", 5678));
        assertEqual(f.counter(), 1);
        // Reset log file
        f.openFile = null;
        f.buildProtocol(new IPv4Address("TCP", "1.2.3.4", 5679));
        assertEqual(f.counter(), 2);

        f.resetCounter();
        assertEqual(f.counter(), 0);
    }

    /**
     * When the {@link TrafficLoggingFactory} builds a protocol, it automatically opens a unique
     * log file for that protocol and attaches the logfile to the built protocol.
     *
     * <p>Java version: Twisted patches {@code builtins.open}; this test lets the default
     * {@link TrafficLoggingFactory#open} create real files in a directory from {@link #mktemp}.
     */
    public void test_loggingFactoryOpensLogfileAutomatically() throws IOException {
        Path dir = Files.createDirectories(Path.of(mktemp()));
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
            assertEqual(files.map(f -> f.getFileName().toString()).sorted().toList(), List.of("test-1", "test-2"));
        }
        assertIsNot(secondProto.logfile, firstProto.logfile);
        firstProto.logfile.write("first");
        firstProto.logfile.close();
        secondProto.logfile.write("second");
        secondProto.logfile.close();
        assertEqual(Files.readString(dir.resolve("test-1")), "first");
        assertEqual(Files.readString(dir.resolve("test-2")), "second");
        assertFalse(Files.exists(dir.resolve("test-3")));
    }
}
