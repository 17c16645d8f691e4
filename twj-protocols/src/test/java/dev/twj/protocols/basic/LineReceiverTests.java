package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.concat;
import static dev.twj.protocols.basic.BasicTestSupport.repeat;
import static dev.twj.protocols.basic.BasicTestSupport.s;
import static dev.twj.protocols.basic.BasicTestSupport.slice;
import static dev.twj.protocols.basic.BasicTestSupport.strs;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.testing.StringTransport;
import dev.twj.protocols.basic.BasicTestSupport.ZeroDelayClock;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of {@code twisted.protocols.test.test_basic.LineReceiverTests}: tests
 * {@link LineReceiver}, using the {@code LineTester} wrapper.
 */
class LineReceiverTests extends SynchronousTestCase {
    /** A line receiver that flips between line and raw data modes after one byte. */
    static class FlippingLineTester extends LineReceiver {
        final List<byte[]> lines = new ArrayList<>();

        FlippingLineTester() {
            delimiter = b("\n");
        }

        /** Set the mode to raw. */
        @Override
        public void lineReceived(byte[] line) {
            lines.add(line);
            setRawMode();
        }

        /** Set the mode back to line. */
        @Override
        public void rawDataReceived(byte[] data) {
            setLineMode(slice(data, 1));
        }
    }

    /**
     * A line receiver that parses data received and make actions on some tokens: pause,
     * rawpause, stop, len, produce, unproduce. The clock simulates the reactor's callLater; pass
     * it to use the pause/rawpause functionalities.
     */
    static class LineTester extends LineReceiver {
        final ZeroDelayClock clock;
        List<byte[]> received;
        int length;

        LineTester() {
            this(null);
        }

        LineTester(ZeroDelayClock clock) {
            this.clock = clock;
            delimiter = b("\n");
            MAX_LENGTH = 64;
        }

        /** Create/clean data received on connection. */
        @Override
        public void connectionMade() {
            received = new ArrayList<>();
        }

        /** Receive line and make some action for some tokens. */
        @Override
        public void lineReceived(byte[] line) {
            received.add(line);
            String text = s(line);
            if (text.isEmpty()) {
                setRawMode();
            } else if (text.equals("pause")) {
                pauseProducing();
                clock.callLater(0, this::resumeProducing);
            } else if (text.equals("rawpause")) {
                pauseProducing();
                setRawMode();
                received.add(new byte[0]);
                clock.callLater(0, this::resumeProducing);
            } else if (text.equals("stop")) {
                stopProducing();
            } else if (text.startsWith("len ")) {
                length = Integer.parseInt(text.substring(4));
            } else if (text.startsWith("produce")) {
                ((IConsumer) transport).registerProducer(this, false);
            } else if (text.startsWith("unproduce")) {
                ((IConsumer) transport).unregisterProducer();
            }
        }

        /**
         * Read raw data, until the quantity specified by a previous 'len' line is reached.
         */
        @Override
        public void rawDataReceived(byte[] data) {
            byte[] rest = slice(data, length);
            data = slice(data, 0, length);
            length = length - data.length;
            received.set(received.size() - 1, concat(received.get(received.size() - 1), data));
            if (length == 0) {
                setLineMode(rest);
            }
        }

        /** Adjust line mode when long lines received. */
        @Override
        public void lineLengthExceeded(byte[] line) {
            if (line.length > MAX_LENGTH + 1) {
                setLineMode(slice(line, MAX_LENGTH + 1));
            }
        }
    }

    static final byte[] buffer = b("len 10\n"
            + "\n"
            + "0123456789len 5\n"
            + "\n"
            + "1234\n"
            + "len 20\n"
            + "foo 123\n"
            + "\n"
            + "0123456789\n"
            + "012345678len 0\n"
            + "foo 5\n"
            + "\n"
            + "1234567890123456789012345678901234567890123456789012345678901234567890\n"
            + "len 1\n"
            + "\n"
            + "a");

    static final List<String> output = List.of(
            "len 10",
            "0123456789",
            "len 5",
            "1234\n",
            "len 20",
            "foo 123",
            "0123456789\n012345678",
            "len 0",
            "foo 5",
            "",
            "67890",
            "len 1",
            "a");

    /** Feeds {@code data} in packets of {@code packetSize}, as the Twisted tests do. */
    static void feed(LineReceiver a, byte[] data, int packetSize) {
        for (int i = 0; i < data.length / packetSize + 1; i++) {
            a.dataReceived(slice(data, i * packetSize, (i + 1) * packetSize));
        }
    }

    /**
     * Test buffering for different packet size, checking received matches expected data.
     */
    public void test_buffer() {
        for (int packetSize = 1; packetSize < 10; packetSize++) {
            StringTransport t = new StringTransport();
            LineTester a = new LineTester();
            a.makeConnection(t);
            feed(a, buffer, packetSize);
            assertEqual(strs(a.received), output, "packet size " + packetSize);
        }
    }

    static final byte[] pauseBuf = b("twiddle1\ntwiddle2\npause\ntwiddle3\n");
    static final List<String> pauseOutput1 = List.of("twiddle1", "twiddle2", "pause");
    static final List<String> pauseOutput2 = List.of("twiddle1", "twiddle2", "pause", "twiddle3");

    /**
     * Test pause inside data receiving. It uses fake clock to see if pausing/resuming work.
     */
    public void test_pausing() {
        for (int packetSize = 1; packetSize < 10; packetSize++) {
            StringTransport t = new StringTransport();
            ZeroDelayClock clock = new ZeroDelayClock();
            LineTester a = new LineTester(clock);
            a.makeConnection(t);
            feed(a, pauseBuf, packetSize);
            assertEqual(strs(a.received), pauseOutput1);
            clock.advance(0);
            assertEqual(strs(a.received), pauseOutput2);
        }
    }

    static final byte[] rawpauseBuf = b("twiddle1\ntwiddle2\nlen 5\nrawpause\n12345twiddle3\n");
    static final List<String> rawpauseOutput1 =
            List.of("twiddle1", "twiddle2", "len 5", "rawpause", "");
    static final List<String> rawpauseOutput2 =
            List.of("twiddle1", "twiddle2", "len 5", "rawpause", "12345", "twiddle3");

    /** Test pause inside raw date receiving. */
    public void test_rawPausing() {
        for (int packetSize = 1; packetSize < 10; packetSize++) {
            StringTransport t = new StringTransport();
            ZeroDelayClock clock = new ZeroDelayClock();
            LineTester a = new LineTester(clock);
            a.makeConnection(t);
            feed(a, rawpauseBuf, packetSize);
            assertEqual(strs(a.received), rawpauseOutput1);
            clock.advance(0);
            assertEqual(strs(a.received), rawpauseOutput2);
        }
    }

    static final byte[] stop_buf = b("twiddle1\ntwiddle2\nstop\nmore\nstuff\n");
    static final List<String> stop_output = List.of("twiddle1", "twiddle2", "stop");

    /** Test stop inside producing. */
    public void test_stopProducing() {
        for (int packetSize = 1; packetSize < 10; packetSize++) {
            StringTransport t = new StringTransport();
            LineTester a = new LineTester();
            a.makeConnection(t);
            feed(a, stop_buf, packetSize);
            assertEqual(strs(a.received), stop_output);
        }
    }

    /** Test produce/unproduce in receiving. */
    public void test_lineReceiverAsProducer() {
        LineTester a = new LineTester();
        StringTransport t = new StringTransport();
        a.makeConnection(t);
        a.dataReceived(b("produce\nhello world\nunproduce\ngoodbye\n"));
        assertEqual(strs(a.received), List.of("produce", "hello world", "unproduce", "goodbye"));
    }

    /**
     * {@link LineReceiver#clearLineBuffer} removes all buffered data and returns it as bytes
     * and can be called from beneath {@code dataReceived}.
     */
    public void test_clearLineBuffer() {
        class ClearingReceiver extends LineReceiver {
            byte[] line;
            byte[] rest;

            @Override
            public void lineReceived(byte[] line) {
                this.line = line;
                this.rest = clearLineBuffer();
            }
        }

        ClearingReceiver protocol = new ClearingReceiver();
        protocol.dataReceived(b("foo\r\nbar\r\nbaz"));
        assertEqual(s(protocol.line), "foo");
        assertEqual(s(protocol.rest), "bar\r\nbaz");

        // Deliver another line to make sure the previously buffered data is really gone.
        protocol.dataReceived(b("quux\r\n"));
        assertEqual(s(protocol.line), "quux");
        assertEqual(s(protocol.rest), "");
    }

    /**
     * Test switching modes many times on the same data. (Python's recursion limit stands in
     * as a count; 10,000 here, ten times Python's default.)
     */
    public void test_stackRecursion() {
        FlippingLineTester proto = new FlippingLineTester();
        StringTransport transport = new StringTransport();
        proto.makeConnection(transport);
        int limit = 10_000;
        proto.dataReceived(repeat("x\nx", limit));
        StringBuilder joined = new StringBuilder();
        for (byte[] line : proto.lines) {
            joined.append(s(line));
        }
        assertEqual(joined.toString(), "x".repeat(limit));
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
     * {@code LineReceiver} doesn't disconnect the transport when it receives a finished line as
     * long as its {@code MAX_LENGTH}, when the second-to-last packet ended with a pattern that
     * could have been -- and turns out to have been -- the start of a delimiter, and that packet
     * causes the total input to exceed {@code MAX_LENGTH} + len(delimiter).
     */
    public void test_maximumLineLengthPartialDelimiter() {
        LineTester proto = new LineTester();
        proto.MAX_LENGTH = 4;
        StringTransport t = new StringTransport();
        proto.makeConnection(t);

        byte[] line = repeat("x", proto.MAX_LENGTH - 1);
        proto.dataReceived(line);
        proto.dataReceived(slice(proto.delimiter, 0, proto.delimiter.length - 1));
        proto.dataReceived(concat(slice(proto.delimiter, proto.delimiter.length - 1), line));
        assertFalse(t.disconnecting);
        assertEqual(proto.received.size(), 1);
        assertEqual(s(proto.received.get(0)), s(line));
    }

    /**
     * {@code LineReceiver} doesn't disconnect the transport it if receives a non-finished line
     * whose length, counting the delimiter, is longer than its {@code MAX_LENGTH} but shorter
     * than its {@code MAX_LENGTH} + len(delimiter). (When the first part that exceeds the max is
     * the beginning of the delimiter.)
     */
    public void test_notQuiteMaximumLineLengthUnfinished() {
        LineReceiver proto = new LineReceiver();
        // '\r\n' is the default, but we set it just to be explicit in this test.
        proto.delimiter = b("\r\n");
        StringTransport transport = new StringTransport();
        proto.makeConnection(transport);
        proto.dataReceived(concat(repeat("x", proto.MAX_LENGTH),
                slice(proto.delimiter, 0, proto.delimiter.length - 1)));
        assertFalse(transport.disconnecting);
    }

    /**
     * When {@link LineReceiver#rawDataReceived} is not overridden in a subclass, calling it
     * raises {@code NotImplementedError} (UnsupportedOperationException).
     */
    public void test_rawDataReceivedNotImplemented() {
        LineReceiver proto = new LineReceiver();
        assertRaises(UnsupportedOperationException.class, () -> proto.rawDataReceived(b("foo")));
    }

    /**
     * When {@link LineReceiver#lineReceived} is not overridden in a subclass, calling it raises
     * {@code NotImplementedError} (UnsupportedOperationException).
     */
    public void test_lineReceivedNotImplemented() {
        LineReceiver proto = new LineReceiver();
        assertRaises(UnsupportedOperationException.class, () -> proto.lineReceived(b("foo")));
    }
}
