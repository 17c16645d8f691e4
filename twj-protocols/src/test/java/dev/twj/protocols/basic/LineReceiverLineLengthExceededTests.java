package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.concat;
import static dev.twj.protocols.basic.BasicTestSupport.repeat;
import static dev.twj.protocols.basic.BasicTestSupport.strs;

import dev.twj.internet.testing.StringTransport;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of {@code twisted.protocols.test.test_basic.LineReceiverLineLengthExceededTests}: tests
 * for {@link LineReceiver#lineLengthExceeded}.
 */
class LineReceiverLineLengthExceededTests extends SynchronousTestCase {
    /**
     * Helper for these tests: {@code longLines} gives the values {@code lineLengthExceeded} has
     * been called with.
     */
    static class ExcessivelyLargeLineCatcher extends LineReceiver {
        List<byte[]> longLines;

        @Override
        public void connectionMade() {
            longLines = new ArrayList<>();
        }

        /** Disregard any received lines. */
        @Override
        public void lineReceived(byte[] line) {}

        /** Record any data that exceeds the line length limits. */
        @Override
        public void lineLengthExceeded(byte[] data) {
            longLines.add(data);
        }
    }

    ExcessivelyLargeLineCatcher proto;
    StringTransport transport;

    void setUp() {
        proto = new ExcessivelyLargeLineCatcher();
        proto.MAX_LENGTH = 6;
        transport = new StringTransport();
        proto.makeConnection(transport);
    }

    /**
     * If more bytes than {@code LineReceiver.MAX_LENGTH} arrive containing no line delimiter,
     * all of the bytes are passed as a single string to {@code lineLengthExceeded}.
     */
    public void test_longUnendedLine() {
        byte[] excessive = repeat("x", proto.MAX_LENGTH * 2 + 2);
        proto.dataReceived(excessive);
        assertEqual(strs(proto.longLines), strs(List.of(excessive)));
    }

    /**
     * If dataReceived is called with bytes representing a short line followed by bytes that
     * exceed the length limit without a line delimiter, lineLengthExceeded is called with all of
     * the bytes following the short line's delimiter.
     */
    public void test_longLineAfterShortLine() {
        byte[] excessive = repeat("x", proto.MAX_LENGTH * 2 + 2);
        proto.dataReceived(concat(b("x"), proto.delimiter, excessive));
        assertEqual(strs(proto.longLines), strs(List.of(excessive)));
    }

    /**
     * If dataReceived is called with more than MAX_LENGTH bytes containing a line delimiter
     * somewhere not in the first MAX_LENGTH bytes, the entire byte string is passed to
     * lineLengthExceeded.
     */
    public void test_longLineWithDelimiter() {
        byte[] x = repeat("x", proto.MAX_LENGTH * 2 + 2);
        byte[] excessive = concat(x, proto.delimiter, x);
        proto.dataReceived(excessive);
        assertEqual(strs(proto.longLines), strs(List.of(excessive)));
    }

    /**
     * If dataReceived is called with more than MAX_LENGTH bytes containing multiple line
     * delimiters somewhere not in the first MAX_LENGTH bytes, the entire byte string is passed
     * to lineLengthExceeded.
     */
    public void test_multipleLongLines() {
        byte[] line = concat(repeat("x", proto.MAX_LENGTH * 2 + 2), proto.delimiter);
        byte[] excessive = concat(line, line);
        proto.dataReceived(excessive);
        assertEqual(strs(proto.longLines), strs(List.of(excessive)));
    }

    /**
     * {@code LineReceiver} disconnects the transport if it receives a line longer than its
     * {@code MAX_LENGTH}.
     */
    public void test_maximumLineLength() {
        LineReceiver proto = new LineReceiver();
        StringTransport transport = new StringTransport();
        proto.makeConnection(transport);
        proto.dataReceived(concat(repeat("x", proto.MAX_LENGTH + 1), b("\r\nr")));
        assertTrue(transport.disconnecting);
    }

    /**
     * {@code LineReceiver} disconnects the transport it if receives a non-finished line longer
     * than its {@code MAX_LENGTH}.
     */
    public void test_maximumLineLengthRemaining() {
        LineReceiver proto = new LineReceiver();
        StringTransport transport = new StringTransport();
        proto.makeConnection(transport);
        proto.dataReceived(repeat("x", proto.MAX_LENGTH + proto.delimiter.length));
        assertTrue(transport.disconnecting);
    }
}
