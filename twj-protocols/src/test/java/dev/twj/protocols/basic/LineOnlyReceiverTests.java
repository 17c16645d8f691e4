package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.concat;
import static dev.twj.protocols.basic.BasicTestSupport.iterbytes;
import static dev.twj.protocols.basic.BasicTestSupport.repeat;
import static dev.twj.protocols.basic.BasicTestSupport.strs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.testing.StringTransport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.protocols.test.test_basic.LineOnlyReceiverTests}: tests for
 * {@link LineOnlyReceiver}.
 */
class LineOnlyReceiverTests {
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
    @Test
    public void test_buffer() {
        StringTransport t = new StringTransport();
        LineOnlyTester a = new LineOnlyTester();
        a.makeConnection(t);
        for (byte[] c : iterbytes(buffer)) {
            a.dataReceived(c);
        }
        List<String> expected = Arrays.asList(new String(buffer, 0, buffer.length,
                java.nio.charset.StandardCharsets.ISO_8859_1).split("\n", -1));
        assertEquals(expected.subList(0, expected.size() - 1), strs(a.received));
    }

    /**
     * {@code LineOnlyReceiver} disconnects the transport if it receives a line longer than its
     * {@code MAX_LENGTH} + len(delimiter).
     */
    @Test
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
    @Test
    public void test_lineReceivedNotImplemented() {
        LineOnlyReceiver proto = new LineOnlyReceiver();
        assertThrows(UnsupportedOperationException.class, () -> proto.lineReceived(b("foo")));
    }
}
