package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.concat;
import static dev.twj.protocols.basic.BasicTestSupport.iterbytes;
import static dev.twj.protocols.basic.BasicTestSupport.repeat;
import static dev.twj.protocols.basic.BasicTestSupport.strs;

import dev.twj.internet.testing.StringTransport;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Port of {@code twisted.protocols.test.test_basic.LineOnlyReceiverTests}: tests for
 * {@link LineOnlyReceiver}.
 */
class LineOnlyReceiverTests extends SynchronousTestCase {
    /** A buffering line only receiver. */
    static class LineOnlyTester extends LineOnlyReceiver {
        List<byte[]> received;

        LineOnlyTester() {
            delimiter = b("\n");
            MAX_LENGTH = 64;
        }

        /** Create/clean data received on connection. */
        @Override
        public void connectionMade() {
            received = new ArrayList<>();
        }

        /** Save received data. */
        @Override
        public void lineReceived(byte[] line) {
            received.add(line);
        }
    }

    static final byte[] buffer = b("foo\n"
            + "    bleakness\n"
            + "    desolation\n"
            + "    plastic forks\n"
            + "    ");

    /** Test buffering over line protocol: data received should match buffer. */
    public void test_buffer() {
        StringTransport t = new StringTransport();
        LineOnlyTester a = new LineOnlyTester();
        a.makeConnection(t);
        for (byte[] c : iterbytes(buffer)) {
            a.dataReceived(c);
        }
        List<String> expected = Arrays.asList(new String(buffer, 0, buffer.length,
                java.nio.charset.StandardCharsets.ISO_8859_1).split("\n", -1));
        assertEqual(strs(a.received), expected.subList(0, expected.size() - 1));
    }

    /**
     * {@code LineOnlyReceiver} disconnects the transport if it receives a line longer than its
     * {@code MAX_LENGTH} + len(delimiter).
     */
    public void test_greaterThanMaximumLineLength() {
        LineOnlyTester proto = new LineOnlyTester();
        StringTransport transport = new StringTransport();
        proto.makeConnection(transport);
        proto.dataReceived(concat(
                repeat("x", proto.MAX_LENGTH + proto.delimiter.length + 1), b("\r\nr")));
        assertTrue(transport.disconnecting);
    }

    /**
     * When {@link LineOnlyReceiver#lineReceived} is not overridden in a subclass, calling it
     * raises {@code NotImplementedError} (UnsupportedOperationException).
     */
    public void test_lineReceivedNotImplemented() {
        LineOnlyReceiver proto = new LineOnlyReceiver();
        assertRaises(UnsupportedOperationException.class, () -> proto.lineReceived(b("foo")));
    }
}
