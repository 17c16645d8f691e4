package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.concat;
import static dev.twj.protocols.basic.BasicTestSupport.describe;
import static dev.twj.protocols.basic.BasicTestSupport.everyChunking;
import static dev.twj.protocols.basic.BasicTestSupport.iterbytes;
import static dev.twj.protocols.basic.BasicTestSupport.pack;
import static dev.twj.protocols.basic.BasicTestSupport.repeat;
import static dev.twj.protocols.basic.BasicTestSupport.s;
import static dev.twj.protocols.basic.BasicTestSupport.strs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.testing.StringTransport;
import dev.twj.logger.CapturedLogs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java-only tests of {@code dev.twj.protocols.basic}: every parser fed its input in every
 * chunking (STYLE.md item 17), hostile input, linear parsing cost, and StatefulStringProtocol
 * (which Twisted's test_basic.py does not test).
 */
class BasicBehaviourTests {
    // ---- helpers -------------------------------------------------------------------------

    /** A LineReceiver recording its lines and its lineLengthExceeded calls. */
    static class RecordingLineReceiver extends LineReceiver {
        final List<byte[]> lines = new ArrayList<>();
        final List<Integer> exceeded = new ArrayList<>();

        @Override
        public void lineReceived(byte[] line) {
            lines.add(line);
        }

        @Override
        public void lineLengthExceeded(byte[] line) {
            exceeded.add(line.length);
            super.lineLengthExceeded(line);
        }
    }

    /** A LineOnlyReceiver recording its lines and its lineLengthExceeded calls. */
    static class RecordingLineOnlyReceiver extends LineOnlyReceiver {
        final List<byte[]> lines = new ArrayList<>();
        final List<Integer> exceeded = new ArrayList<>();

        @Override
        public void lineReceived(byte[] line) {
            lines.add(line);
        }

        @Override
        public void lineLengthExceeded(byte[] line) {
            exceeded.add(line.length);
            super.lineLengthExceeded(line);
        }
    }

    /** A NetstringReceiver recording its strings. */
    static class RecordingNetstringReceiver extends NetstringReceiver {
        final List<byte[]> strings = new ArrayList<>();

        @Override
        public void stringReceived(byte[] string) {
            strings.add(string);
        }
    }

    /** An IntNStringReceiver recording its strings and its lengthLimitExceeded calls. */
    static class RecordingIntNReceiver extends IntNStringReceiver {
        final List<byte[]> strings = new ArrayList<>();
        final List<Long> exceeded = new ArrayList<>();

        RecordingIntNReceiver(int prefixLength) {
            super(prefixLength);
        }

        @Override
        public void stringReceived(byte[] string) {
            strings.add(string);
        }

        @Override
        public void lengthLimitExceeded(long length) {
            exceeded.add(length);
            super.lengthLimitExceeded(length);
        }
    }

    static StringTransport connect(dev.twj.internet.protocol.Protocol protocol) {
        StringTransport transport = new StringTransport();
        protocol.makeConnection(transport);
        return transport;
    }

    static void feed(dev.twj.internet.protocol.Protocol protocol, List<byte[]> chunks) {
        for (byte[] chunk : chunks) {
            protocol.dataReceived(chunk);
        }
    }

    // ---- every chunking ------------------------------------------------------------------

    /**
     * LineReceiverTests' LineTester input (mode switches, raw data, an over-long line) gives the
     * same lines cut at every position and in chunks of every size. A lineLengthExceeded call
     * ends its dataReceived call, as in Twisted, so a last empty chunk parses what it left.
     */
    @Test
    public void lineReceiverDeliversTheSameLinesForEveryChunking() {
        for (List<byte[]> chunks : everyChunking(LineReceiverTests.buffer)) {
            LineReceiverTests.LineTester a = new LineReceiverTests.LineTester();
            connect(a);
            feed(a, chunks);
            a.dataReceived(new byte[0]);
            assertEquals(LineReceiverTests.output, strs(a.received), describe(chunks));
        }
    }

    /** The default two-byte delimiter is found across every cut, lone CR and LF are data. */
    @Test
    public void lineReceiverFindsTwoByteDelimiterForEveryChunking() {
        byte[] input = b("one\r\n\r\ntwo\rthree\n\r\nfour\r\r\n\n\r\nlast");
        List<String> expected = List.of("one", "", "two\rthree\n", "four\r", "\n");
        for (List<byte[]> chunks : everyChunking(input)) {
            RecordingLineReceiver a = new RecordingLineReceiver();
            StringTransport t = connect(a);
            feed(a, chunks);
            assertEquals(expected, strs(a.lines), describe(chunks));
            assertEquals("last", s(a.clearLineBuffer()));
            assertFalse(t.disconnecting);
        }
    }

    /** LineOnlyReceiver gives the same lines for every chunking. */
    @Test
    public void lineOnlyReceiverDeliversTheSameLinesForEveryChunking() {
        byte[] input = b("foo\r\n\r\nbar\rbaz\n\r\n x \r\r\n\r\ntail");
        List<String> expected = List.of("foo", "", "bar\rbaz\n", " x \r", "");
        for (List<byte[]> chunks : everyChunking(input)) {
            RecordingLineOnlyReceiver a = new RecordingLineOnlyReceiver();
            StringTransport t = connect(a);
            feed(a, chunks);
            assertEquals(expected, strs(a.lines), describe(chunks));
            assertFalse(t.disconnecting);
        }
    }

    /** NetstringReceiver gives the same strings for every chunking. */
    @Test
    public void netstringReceiverDeliversTheSameStringsForEveryChunking() {
        List<byte[]> strings = List.of(b(""), b("a"), b("12:"), b(",,"), b("1:a,"),
                repeat("x", 120), b("0"), b(""));
        StringTransport out = new StringTransport();
        RecordingNetstringReceiver sender = new RecordingNetstringReceiver();
        sender.makeConnection(out);
        for (byte[] string : strings) {
            sender.sendString(string);
        }
        byte[] input = out.value();
        assertEquals("0:,1:a,3:12:,2:,,,4:1:a,,120:", s(input).substring(0, 29));
        for (List<byte[]> chunks : everyChunking(input)) {
            RecordingNetstringReceiver a = new RecordingNetstringReceiver();
            a.MAX_LENGTH = 699;
            StringTransport t = connect(a);
            feed(a, chunks);
            assertEquals(strs(strings), strs(a.strings), describe(chunks));
            assertFalse(t.disconnecting);
            assertFalse(a.brokenPeer);
        }
    }

    /**
     * Each illegal netstring drops the connection for every chunking, without an exception out
     * of dataReceived, after delivering the valid netstrings before it.
     */
    @Test
    public void netstringReceiverRejectsIllegalInputForEveryChunking() {
        List<String> illegal = List.of(
                "9999999999999999999999", // too many length digits
                "abc", // no length
                "4:abcde", // no comma where expected
                "51:" + "a".repeat(50) + "b,", // over MAX_LENGTH
                "007:abcdefg,", // leading zeros
                "00:,", // leading zero
                "01:a,", // leading zero
                ":a,", // empty length
                "1234:", // 4 digits > ceil(log10(50)) + 1
                "3:abc;", // wrong terminator
                "-1:a,", // sign
                " 1:a,"); // space
        for (String bad : illegal) {
            byte[] input = concat(b("1:a,0:,"), b(bad), b("1:z,"));
            for (List<byte[]> chunks : everyChunking(input)) {
                RecordingNetstringReceiver a = new RecordingNetstringReceiver();
                a.MAX_LENGTH = 50;
                StringTransport t = connect(a);
                feed(a, chunks);
                String where = bad + " as " + describe(chunks);
                assertTrue(t.disconnecting, where);
                assertTrue(a.brokenPeer, where);
                assertEquals(List.of("a", ""), strs(a.strings), where);
            }
        }
    }

    /** Int8, Int16 and Int32 receivers give the same strings for every chunking. */
    @Test
    public void intNReceiversDeliverTheSameStringsForEveryChunking() {
        List<byte[]> strings = List.of(b(""), b("a"), repeat("b", 200), b("\u0000\u0000"), b(""));
        for (int prefixLength : new int[] {1, 2, 4}) {
            List<byte[]> framed = new ArrayList<>();
            for (byte[] string : strings) {
                framed.add(concat(pack(prefixLength, string.length), string));
            }
            byte[] input = concat(framed.toArray(new byte[0][]));
            for (List<byte[]> chunks : everyChunking(input)) {
                RecordingIntNReceiver a = new RecordingIntNReceiver(prefixLength);
                a.MAX_LENGTH = 255;
                StringTransport t = connect(a);
                feed(a, chunks);
                assertEquals(strs(strings), strs(a.strings),
                        "prefix " + prefixLength + ": " + describe(chunks));
                assertFalse(t.disconnecting);
                assertEquals(0, a.recvd().length);
            }
        }
    }

    // ---- hostile input -------------------------------------------------------------------

    /**
     * A 10 MB line without delimiter, arriving in 1000-byte chunks, is rejected once
     * MAX_LENGTH + len(delimiter) bytes are buffered; nothing more than that plus one chunk is
     * ever held.
     */
    @Test
    public void lineReceiverRejectsTenMegabyteLineWithoutBufferingIt() {
        RecordingLineReceiver a = new RecordingLineReceiver();
        StringTransport t = connect(a);
        byte[] chunk = repeat("x", 1000);
        int bound = a.MAX_LENGTH + a.delimiter.length + chunk.length;
        a.dataReceived(chunk);
        for (int sent = chunk.length; sent < 10_000_000; sent += chunk.length) {
            a.dataReceived(chunk);
            if (sent >= bound) {
                assertTrue(t.disconnecting, "not rejected after " + sent + " bytes");
            }
        }
        assertTrue(a.exceeded.get(0) >= a.MAX_LENGTH + a.delimiter.length);
        for (int length : a.exceeded) {
            assertTrue(length <= bound, "handed " + length + " bytes > " + bound);
        }
        assertTrue(a.clearLineBuffer().length <= bound);
        assertEquals(List.of(), a.lines);
    }

    /** The same for a single 10 MB chunk: one lineLengthExceeded call, with that chunk. */
    @Test
    public void lineReceiverRejectsTenMegabyteChunkAtOnce() {
        RecordingLineReceiver a = new RecordingLineReceiver();
        StringTransport t = connect(a);
        byte[] line = new byte[10_000_000];
        Arrays.fill(line, (byte) 'x');
        line[line.length - 2] = '\r';
        line[line.length - 1] = '\n';
        a.dataReceived(line);
        assertEquals(List.of(line.length), a.exceeded);
        assertTrue(t.disconnecting);
        assertEquals(0, a.clearLineBuffer().length);
    }

    /** LineOnlyReceiver rejects a 10 MB line in chunks once MAX_LENGTH is passed. */
    @Test
    public void lineOnlyReceiverRejectsTenMegabyteLineWithoutBufferingIt() {
        RecordingLineOnlyReceiver a = new RecordingLineOnlyReceiver();
        StringTransport t = connect(a);
        byte[] chunk = repeat("x", 1000);
        int bound = a.MAX_LENGTH + chunk.length;
        for (int sent = 0; sent < 10_000_000; sent += chunk.length) {
            a.dataReceived(chunk);
            if (sent >= bound) {
                assertTrue(t.disconnecting, "not rejected after " + sent + " bytes");
            }
        }
        for (int length : a.exceeded) {
            assertTrue(length <= bound, "handed " + length + " bytes > " + bound);
        }
        assertEquals(List.of(), a.lines);
    }

    /**
     * A length prefix of 2^31-1 is rejected as soon as the prefix arrives, before any of the
     * string; the data after it is discarded, not buffered.
     */
    @Test
    public void int32ReceiverRejectsMaxIntLengthPrefixAtOnce() {
        RecordingIntNReceiver a = new RecordingIntNReceiver(4);
        StringTransport t = connect(a);
        for (byte[] c : iterbytes(pack(4, Integer.MAX_VALUE))) {
            a.dataReceived(c);
        }
        assertEquals(List.of((long) Integer.MAX_VALUE), a.exceeded);
        assertTrue(t.disconnecting);
        for (int i = 0; i < 1000; i++) {
            a.dataReceived(new byte[1000]);
        }
        assertEquals(List.of((long) Integer.MAX_VALUE), a.exceeded);
        assertEquals(0, a.recvd().length);
        assertEquals(List.of(), a.strings);
    }

    /** An unsigned 32-bit prefix above 2^31 is read as its unsigned value. */
    @Test
    public void int32ReceiverReadsPrefixUnsigned() {
        RecordingIntNReceiver a = new RecordingIntNReceiver(4);
        connect(a);
        a.dataReceived(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        assertEquals(List.of(0xffffffffL), a.exceeded);
    }

    /**
     * With MAX_LENGTH raised to 2^31-1, a prefix declaring that much buffers only what
     * arrived: no space is set aside for the declared length.
     */
    @Test
    public void int32ReceiverDoesNotPreallocateDeclaredLength() {
        RecordingIntNReceiver a = new RecordingIntNReceiver(4);
        a.MAX_LENGTH = Integer.MAX_VALUE;
        StringTransport t = connect(a);
        a.dataReceived(concat(pack(4, Integer.MAX_VALUE), b("0123456789")));
        assertEquals(14, a.recvd().length);
        assertFalse(t.disconnecting);
        assertEquals(List.of(), a.exceeded);
    }

    /**
     * A netstring length of 2^31-1 is refused, one byte at a time, as soon as its digits read
     * more than MAX_LENGTH (at "214748" > 99999), before the colon.
     */
    @Test
    public void netstringRejectsHugeLengthBeforeTheColon() {
        RecordingNetstringReceiver a = new RecordingNetstringReceiver();
        StringTransport t = connect(a);
        byte[] digits = b("2147483647");
        for (int i = 0; i < digits.length; i++) {
            a.dataReceived(new byte[] {digits[i]});
            assertEquals(i >= 5, t.disconnecting, "after " + (i + 1) + " digits");
        }
        assertTrue(a.brokenPeer);
    }

    /**
     * A netstring length above MAX_LENGTH is refused as soon as its digits exceed it, before
     * the colon and the payload.
     */
    @Test
    public void netstringRejectsLengthAboveMaxLength() {
        RecordingNetstringReceiver a = new RecordingNetstringReceiver();
        a.MAX_LENGTH = 50;
        StringTransport t = connect(a);
        a.dataReceived(b("5"));
        assertFalse(t.disconnecting);
        a.dataReceived(b("1"));
        assertTrue(t.disconnecting);
        a.dataReceived(b("50:" + "a".repeat(50) + ","));
        assertEquals(List.of(), a.strings);
    }

    /** The parse errors carry Twisted's messages. */
    @Test
    public void netstringParseErrorsCarryTwistedsMessages() {
        NetstringReceiver a = new RecordingNetstringReceiver();
        a.MAX_LENGTH = 50;
        a.setRemainingData(b("51:"));
        assertEquals("The received netstring is longer than the maximum 50 specified by "
                + "self.MAX_LENGTH", assertThrows(NetstringParseError.class, a::consumeLength)
                .getMessage());
        a = new RecordingNetstringReceiver();
        a.setRemainingData(b("01:"));
        assertEquals("The received netstring does not start with a length specification.",
                assertThrows(NetstringParseError.class, a::consumeLength).getMessage());
    }

    /** After a parse error, later data is discarded: no string, no exception. */
    @Test
    public void netstringIgnoresDataAfterParseError() {
        RecordingNetstringReceiver a = new RecordingNetstringReceiver();
        StringTransport t = connect(a);
        a.dataReceived(b("x"));
        assertTrue(a.brokenPeer);
        assertTrue(t.disconnecting);
        a.dataReceived(b("1:a,"));
        assertEquals(List.of(), a.strings);
    }

    /** StringTooLongError names the length and the maximum; the largest string fits. */
    @Test
    public void sendStringTooLongNamesLengthAndMaximum() {
        RecordingIntNReceiver a = new RecordingIntNReceiver(1);
        StringTransport t = connect(a);
        a.sendString(repeat("x", 255));
        assertEquals(256, t.value().length);
        StringTooLongError e =
                assertThrows(StringTooLongError.class, () -> a.sendString(repeat("x", 256)));
        assertEquals("Try to send 256 bytes whereas maximum is 256", e.getMessage());
    }

    // ---- linear cost ---------------------------------------------------------------------

    /**
     * A 1 MB line, netstring or int32 string arriving one byte at a time is parsed in time
     * linear in its size (a parser re-scanning or copying its buffer per byte would take
     * minutes).
     */
    @Test
    public void parsersAreLinearForOneByteChunks() {
        int size = 1 << 20;
        byte[] one = {'x'};
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            RecordingLineReceiver lines = new RecordingLineReceiver();
            lines.MAX_LENGTH = 4 * size;
            connect(lines);
            RecordingLineOnlyReceiver lineOnly = new RecordingLineOnlyReceiver();
            lineOnly.MAX_LENGTH = 4 * size;
            connect(lineOnly);
            RecordingNetstringReceiver netstrings = new RecordingNetstringReceiver();
            netstrings.MAX_LENGTH = 4 * size;
            connect(netstrings);
            netstrings.dataReceived(b(size + ":"));
            RecordingIntNReceiver int32 = new RecordingIntNReceiver(4);
            int32.MAX_LENGTH = 4 * size;
            connect(int32);
            int32.dataReceived(pack(4, size));
            for (int i = 0; i < size; i++) {
                lines.dataReceived(one);
                lineOnly.dataReceived(one);
                netstrings.dataReceived(one);
                int32.dataReceived(one);
            }
            lines.dataReceived(b("\r\n"));
            lineOnly.dataReceived(b("\r\n"));
            netstrings.dataReceived(b(","));
            assertEquals(size, lines.lines.get(0).length);
            assertEquals(size, lineOnly.lines.get(0).length);
            assertEquals(size, netstrings.strings.get(0).length);
            assertEquals(size, int32.strings.get(0).length);
        });
    }

    // ---- exceptions from callbacks -------------------------------------------------------

    /**
     * An exception thrown by the callback propagates out of dataReceived, as in Twisted, and
     * the rest of the chunk stays buffered: the next call parses it.
     */
    @Test
    public void callbackExceptionPropagatesAndTheRestIsParsedLater() {
        RecordingLineReceiver lines = new RecordingLineReceiver() {
            @Override
            public void lineReceived(byte[] line) {
                super.lineReceived(line);
                if (lines.size() == 1) {
                    throw new IllegalStateException("first");
                }
            }
        };
        connect(lines);
        assertThrows(IllegalStateException.class, () -> lines.dataReceived(b("a\r\nb\r\n")));
        lines.dataReceived(new byte[0]);
        assertEquals(List.of("a", "b"), strs(lines.lines));

        RecordingLineOnlyReceiver lineOnly = new RecordingLineOnlyReceiver() {
            @Override
            public void lineReceived(byte[] line) {
                super.lineReceived(line);
                if (lines.size() == 1) {
                    throw new IllegalStateException("first");
                }
            }
        };
        connect(lineOnly);
        assertThrows(IllegalStateException.class, () -> lineOnly.dataReceived(b("a\r\nb\r\n")));
        lineOnly.dataReceived(new byte[0]);
        assertEquals(List.of("a", "b"), strs(lineOnly.lines));

        RecordingNetstringReceiver netstrings = new RecordingNetstringReceiver() {
            @Override
            public void stringReceived(byte[] string) {
                super.stringReceived(string);
                if (strings.size() == 1) {
                    throw new IllegalStateException("first");
                }
            }
        };
        connect(netstrings);
        assertThrows(IllegalStateException.class, () -> netstrings.dataReceived(b("1:a,1:b,")));
        netstrings.dataReceived(new byte[0]);
        assertEquals(List.of("a", "b"), strs(netstrings.strings));

        RecordingIntNReceiver int8 = new RecordingIntNReceiver(1) {
            @Override
            public void stringReceived(byte[] string) {
                super.stringReceived(string);
                if (strings.size() == 1) {
                    throw new IllegalStateException("first");
                }
            }
        };
        connect(int8);
        assertThrows(IllegalStateException.class,
                () -> int8.dataReceived(b("\u0001a\u0001b")));
        int8.dataReceived(new byte[0]);
        assertEquals(List.of("a", "b"), strs(int8.strings));
    }

    // ---- LineReceiver corners ------------------------------------------------------------

    /** Once lineReceived loses the connection, the following lines are not delivered. */
    @Test
    public void lineReceiverStopsAfterLineThatDisconnects() {
        RecordingLineReceiver a = new RecordingLineReceiver() {
            @Override
            public void lineReceived(byte[] line) {
                super.lineReceived(line);
                transport.loseConnection();
            }
        };
        connect(a);
        a.dataReceived(b("first\r\nsecond\r\n"));
        assertEquals(List.of("first"), strs(a.lines));
    }

    /** A delimiter changed from inside lineReceived applies to the next line. */
    @Test
    public void lineReceiverDelimiterChangeAppliesToNextLine() {
        for (List<byte[]> chunks : everyChunking(b("a\r\nb\nc\r\n"))) {
            RecordingLineReceiver a = new RecordingLineReceiver() {
                @Override
                public void lineReceived(byte[] line) {
                    super.lineReceived(line);
                    delimiter = b("\n");
                }
            };
            connect(a);
            feed(a, chunks);
            assertEquals(List.of("a", "b", "c\r"), strs(a.lines), describe(chunks));
        }
    }

    /** toString shows the mode and the buffered byte count. */
    @Test
    public void lineReceiverToStringShowsModeAndBuffer() {
        RecordingLineReceiver a = new RecordingLineReceiver();
        a.dataReceived(b("abc"));
        assertEquals("{line mode, delimiter=\\r\\n, buffered=3}",
                a.toString().substring(a.toString().indexOf('{')));
    }

    // ---- StatefulStringProtocol ----------------------------------------------------------

    /** A netstring protocol with states init -> name -> done. */
    static class Greeter extends NetstringReceiver implements StatefulStringProtocol {
        String state = "init";
        final List<String> calls = new ArrayList<>();

        @Override
        public String state() {
            return state;
        }

        @Override
        public void setState(String state) {
            this.state = state;
        }

        @Override
        public void stringReceived(byte[] string) {
            StatefulStringProtocol.super.stringReceived(string);
        }

        public String proto_init(byte[] string) {
            calls.add("init:" + s(string));
            return "name";
        }

        public String proto_name(byte[] string) {
            calls.add("name:" + s(string));
            sendString(concat(b("hello "), string));
            return s(string).equals("stop") ? "done" : "name";
        }

        public String proto_boom(byte[] string) {
            throw new IllegalStateException("boom " + s(string));
        }
    }

    /** Each string goes to proto_&lt;state&gt;, which returns the next state. */
    @Test
    public void statefulStringProtocolCallsTheMethodOfEachState() {
        Greeter g = new Greeter();
        StringTransport t = connect(g);
        g.dataReceived(b("2:hi,3:bob,5:alice,"));
        assertEquals(List.of("init:hi", "name:bob", "name:alice"), g.calls);
        assertEquals("name", g.state);
        assertEquals("9:hello bob,11:hello alice,", t.valueString());
        assertFalse(t.disconnecting);
    }

    /** A handler returning "done" loses the connection. */
    @Test
    public void statefulStringProtocolDoneLosesConnection() {
        Greeter g = new Greeter();
        StringTransport t = connect(g);
        g.dataReceived(b("2:hi,4:stop,"));
        assertEquals("done", g.state);
        assertTrue(t.disconnecting);
    }

    /** A state without handler is logged as Twisted does, and the string dropped. */
    @Test
    public void statefulStringProtocolMissingHandlerIsLogged() {
        Greeter g = new Greeter();
        connect(g);
        g.state = "nowhere";
        try (CapturedLogs logs = CapturedLogs.capture()) {
            g.dataReceived(b("1:x,"));
            List<Map<String, Object>> events = logs.events();
            assertEquals(1, events.size());
            assertEquals("callback {state} not found", events.get(0).get("log_format"));
            assertEquals("nowhere", events.get(0).get("state"));
        }
        assertEquals("nowhere", g.state);
        assertEquals(List.of(), g.calls);
    }

    /** An exception thrown by a handler propagates, as in Twisted. */
    @Test
    public void statefulStringProtocolHandlerExceptionPropagates() {
        Greeter g = new Greeter();
        connect(g);
        g.state = "boom";
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> g.dataReceived(b("1:x,")));
        assertEquals("boom x", e.getMessage());
    }

    /** The mixin works over Int32StringReceiver too, with a handler chosen without reflection. */
    @Test
    public void statefulStringProtocolOverInt32WithExplicitHandlers() {
        List<String> seen = new ArrayList<>();
        class Counter extends Int32StringReceiver implements StatefulStringProtocol {
            String state = "init";

            @Override
            public String state() {
                return state;
            }

            @Override
            public void setState(String state) {
                this.state = state;
            }

            @Override
            public void stringReceived(byte[] string) {
                StatefulStringProtocol.super.stringReceived(string);
            }

            @Override
            public StateHandler stateHandler(String state) {
                return string -> {
                    seen.add(state + ":" + s(string));
                    return state.equals("init") ? "second" : "done";
                };
            }
        }
        Counter c = new Counter();
        StringTransport t = connect(c);
        c.dataReceived(concat(pack(4, 1), b("a"), pack(4, 2), b("bc")));
        assertEquals(List.of("init:a", "second:bc"), seen);
        assertTrue(t.disconnecting);
    }
}
