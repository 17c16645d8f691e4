package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.concat;
import static dev.twj.protocols.amp.AmpTestSupport.s;
import static dev.twj.protocols.amp.Command.arg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.testing.StringTransport;
import dev.twj.python.failure.Failure;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java-only checks of AMP: every chunking of the wire, hostile input (never an exception out of
 * {@code dataReceived}, never unbounded buffering), and the text forms that must match Python's.
 */
class AmpBehaviourTests {
    static class Sum extends Command {
        Sum() {
            commandName("sum");
            arguments(arg("a", new IntegerArgument()), arg("b", new IntegerArgument()));
            response(arg("total", new IntegerArgument()));
        }
    }

    static class Adder extends AMP {
        int calls;

        @Responder(Sum.class)
        Map<String, Object> sum(Map<String, Object> a) {
            calls++;
            return Map.of("total", (Long) a.get("a") + (Long) a.get("b"));
        }
    }

    AmpTestSupport.LoggedErrors logged;

    @BeforeEach
    void setUp() {
        logged = new AmpTestSupport.LoggedErrors();
    }

    @AfterEach
    void tearDown() {
        logged.close();
    }

    static final class Recorder implements IBoxReceiver {
        final List<AmpBox> boxes = new ArrayList<>();
        Failure stopped;

        @Override
        public void startReceivingBoxes(IBoxSender sender) {}

        @Override
        public void ampBoxReceived(AmpBox box) {
            boxes.add(box);
        }

        @Override
        public void stopReceivingBoxes(Failure reason) {
            stopped = reason;
        }
    }

    static List<AmpBox> sampleBoxes() {
        byte[] big = new byte[300];
        Arrays.fill(big, (byte) 0xAB);
        return List.of(
                AmpBox.of("_command", "sum", "_ask", "1", "a", "1", "b", "2"),
                new AmpBox().put("empty", new byte[0]).put("k", big),
                new AmpBox().put("\u00ff\u0000key", b("\u0000\u0000")));
    }

    /** Every cut of a stream of boxes into two chunks, and one byte at a time, gives the same boxes. */
    @Test
    public void boxesParseTheSameInEveryChunking() {
        List<AmpBox> expected = sampleBoxes();
        byte[] wire = concat(expected.stream().map(AmpBox::serialize).toArray(byte[][]::new));
        for (int cut = 0; cut <= wire.length; cut++) {
            Recorder r = new Recorder();
            BinaryBoxProtocol p = new BinaryBoxProtocol(r);
            StringTransport t = new StringTransport();
            p.makeConnection(t);
            p.dataReceived(Arrays.copyOfRange(wire, 0, cut));
            p.dataReceived(Arrays.copyOfRange(wire, cut, wire.length));
            assertEquals(expected, r.boxes, "cut at " + cut);
            assertFalse(t.disconnecting);
        }
        Recorder r = new Recorder();
        BinaryBoxProtocol p = new BinaryBoxProtocol(r);
        p.makeConnection(new StringTransport());
        for (byte x : wire) {
            p.dataReceived(new byte[] {x});
        }
        assertEquals(expected, r.boxes);
    }

    /** A command fed to an AMP in every chunking is answered once, correctly. */
    @Test
    public void commandAnsweredTheSameInEveryChunking() {
        byte[] wire = AmpBox.of("_command", "sum", "_ask", "a1", "a", "40", "b", "2").serialize();
        for (int cut = 0; cut <= wire.length; cut++) {
            Adder amp = new Adder();
            StringTransport t = new StringTransport();
            amp.makeConnection(t);
            amp.dataReceived(Arrays.copyOfRange(wire, 0, cut));
            amp.dataReceived(Arrays.copyOfRange(wire, cut, wire.length));
            assertEquals(List.of(AmpBox.of("_answer", "a1", "total", "42")), Amp.parseString(t.value()), "cut " + cut);
        }
        Adder amp = new Adder();
        StringTransport t = new StringTransport();
        amp.makeConnection(t);
        for (byte x : wire) {
            amp.dataReceived(new byte[] {x});
        }
        assertEquals(List.of(AmpBox.of("_answer", "a1", "total", "42")), Amp.parseString(t.value()));
    }

    /** A key length above 255, in any chunking, closes the connection and reports TooLong. */
    @Test
    public void oversizedKeyClosesInEveryChunking() {
        byte[] wire = concat(AmpBox.of("k", "v").serialize(), b("\u0000\u0001k\u0000\u0001v"), b("\u0001\u0000"), new byte[300]);
        for (int cut = 0; cut <= wire.length; cut++) {
            Recorder r = new Recorder();
            BinaryBoxProtocol p = new BinaryBoxProtocol(r);
            StringTransport t = new StringTransport();
            p.makeConnection(t);
            p.dataReceived(Arrays.copyOfRange(wire, 0, cut));
            p.dataReceived(Arrays.copyOfRange(wire, cut, wire.length));
            p.dataReceived(new byte[100_000]);
            assertTrue(t.disconnecting, "cut " + cut);
            assertEquals(List.of(AmpBox.of("k", "v")), r.boxes);
            assertEquals(0, p.recvd().length, "the rest is discarded, not buffered");
            p.connectionLost(new Failure(new ConnectionDone()));
            assertInstanceOf(TooLong.class, r.stopped.value());
        }
    }

    /** A 65,535-byte value fed one byte at a time arrives whole, in linear time, buffering only it. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    public void largestValueOneByteAtATimeIsBounded() {
        byte[] value = new byte[Amp.MAX_VALUE_LENGTH];
        Arrays.fill(value, (byte) 'v');
        byte[] wire = new AmpBox().put("k", value).serialize();
        Recorder r = new Recorder();
        BinaryBoxProtocol p = new BinaryBoxProtocol(r);
        p.makeConnection(new StringTransport());
        for (int i = 0; i < wire.length - 2; i++) {
            p.dataReceived(new byte[] {wire[i]});
            assertTrue(p.recvd().length <= 2 + Amp.MAX_VALUE_LENGTH);
        }
        p.dataReceived(new byte[] {0, 0});
        assertEquals(List.of(new AmpBox().put("k", value)), r.boxes);
    }

    private void assertClosedWithLoggedError(Class<? extends Throwable> error, byte[] wire) {
        Adder amp = new Adder();
        StringTransport t = new StringTransport();
        amp.makeConnection(t);
        assertDoesNotThrow(() -> amp.dataReceived(wire));
        assertTrue(t.disconnecting);
        assertEquals(1, logged.flushLoggedErrors(error).size());
        assertDoesNotThrow(() -> amp.dataReceived(AmpBox.of("_command", "sum", "_ask", "2", "a", "1", "b", "1").serialize()));
        assertEquals(0, amp.calls, "nothing is dispatched after the bad box");
    }

    /** An empty box is NoEmptyBoxes: logged, connection closed, nothing escapes dataReceived. */
    @Test
    public void emptyBoxClosesConnection() {
        assertClosedWithLoggedError(NoEmptyBoxes.class, b("\u0000\u0000"));
    }

    /** A box with _ask but no _command is NoEmptyBoxes too. */
    @Test
    public void askWithoutCommandClosesConnection() {
        assertClosedWithLoggedError(NoEmptyBoxes.class, AmpBox.of("_ask", "1", "a", "1").serialize());
    }

    /** An answer to a tag never asked is MalformedAmpBox (Twisted: KeyError). */
    @Test
    public void answerToUnknownTagClosesConnection() {
        assertClosedWithLoggedError(MalformedAmpBox.class, AmpBox.of("_answer", "99").serialize());
    }

    /** An error box without _error_code is MalformedAmpBox. */
    @Test
    public void errorBoxWithoutCodeClosesConnection() {
        assertClosedWithLoggedError(MalformedAmpBox.class, AmpBox.of("_error", "1", "_error_description", "x").serialize());
    }

    /** A command without _ask runs and gets no answer. */
    @Test
    public void commandWithoutAskRunsUnanswered() {
        Adder amp = new Adder();
        StringTransport t = new StringTransport();
        amp.makeConnection(t);
        amp.dataReceived(AmpBox.of("_command", "sum", "a", "1", "b", "2").serialize());
        assertEquals(1, amp.calls);
        assertEquals(0, t.value().length);
        assertFalse(t.disconnecting);
    }

    /** An unknown command is answered with an UNHANDLED error box; the connection stays up. */
    @Test
    public void unknownCommandGetsErrorBox() {
        Adder amp = new Adder();
        StringTransport t = new StringTransport();
        amp.makeConnection(t);
        amp.dataReceived(AmpBox.of("_command", "nope", "_ask", "7").serialize());
        assertEquals(List.of(AmpBox.of("_error", "7", "_error_code", "UNHANDLED",
                "_error_description", "Unhandled Command: b'nope'")), Amp.parseString(t.value()));
        assertFalse(t.disconnecting);
    }

    /** An argument of the wrong type is answered with UNKNOWN in a QuitBox: logged and closed. */
    @Test
    public void wrongArgumentTypeGetsUnknownErrorAndClose() {
        Adder amp = new Adder();
        StringTransport t = new StringTransport();
        amp.makeConnection(t);
        amp.dataReceived(AmpBox.of("_command", "sum", "_ask", "3", "a", "abc", "b", "2").serialize());
        assertEquals(List.of(AmpBox.of("_error", "3", "_error_code", "UNKNOWN", "_error_description", "Unknown Error")),
                Amp.parseString(t.value()));
        assertTrue(t.disconnecting);
        assertEquals(1, logged.flushLoggedErrors(NumberFormatException.class).size());
        assertEquals(0, amp.calls);
    }

    /** A missing required argument is MalformedAmpBox, answered with UNKNOWN and closed. */
    @Test
    public void missingArgumentGetsUnknownErrorAndClose() {
        Adder amp = new Adder();
        StringTransport t = new StringTransport();
        amp.makeConnection(t);
        amp.dataReceived(AmpBox.of("_command", "sum", "_ask", "3", "a", "1").serialize());
        assertEquals("UNKNOWN", s(Amp.parseString(t.value()).get(0).get("_error_code")));
        assertTrue(t.disconnecting);
        assertEquals(1, logged.flushLoggedErrors(MalformedAmpBox.class).size());
    }

    /** Truncated ListOf and AmpList values are MalformedAmpBox, not silently shortened. */
    @Test
    public void truncatedListValuesAreMalformed() {
        ListOf l = new ListOf(new IntegerArgument());
        assertThrows(MalformedAmpBox.class, () -> l.fromString(b("\u0000\u00011\u0000")));
        assertThrows(MalformedAmpBox.class, () -> l.fromString(b("\u0000\u00051")));
        AmpList al = new AmpList(List.of(arg("x", new IntegerArgument())));
        byte[] whole = AmpBox.of("x", "1").serialize();
        for (int cut = 1; cut < whole.length; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThrows(MalformedAmpBox.class, () -> al.fromStringProto(part, null), "cut " + cut);
        }
        assertThrows(MalformedAmpBox.class, () -> al.fromStringProto(b("\u0001\u0000"), null));
    }

    /** Float encodes as Python's repr. */
    @Test
    public void floatEncodesAsPythonRepr() {
        double[] values = {1e-05, 1e16, 1234567890123456.0, 0.0001, 1.5, -0.0, 5e-324, 1.7976931348623157e+308,
            0.1, 100.0, 1e22, 123456789.125, 9999999999999998.0, -2.5e-7, 0.3, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        String[] python = {"1e-05", "1e+16", "1234567890123456.0", "0.0001", "1.5", "-0.0", "5e-324",
            "1.7976931348623157e+308", "0.1", "100.0", "1e+22", "123456789.125", "9999999999999998.0",
            "-2.5e-07", "0.3", "nan", "inf", "-inf"};
        FloatArgument f = new FloatArgument();
        for (int i = 0; i < values.length; i++) {
            assertEquals(python[i], s(f.toString(values[i])));
            assertEquals(values[i], (Double) f.fromString(b(python[i])));
        }
        assertEquals(Double.NEGATIVE_INFINITY, f.fromString(b("-Infinity")));
        assertThrows(NumberFormatException.class, () -> f.fromString(b("1.5f")));
    }

    /** Decimal encodes as Python's str(Decimal). */
    @Test
    public void decimalEncodesAsPythonStr() {
        DecimalArgument d = new DecimalArgument();
        for (String s : List.of("1.1", "1E+2", "-0.00001", "123.4560", "0E-8", "1.23E-7", "-1E+1")) {
            assertEquals(s, s(d.toString(d.fromString(b(s)))));
        }
        assertEquals(new BigDecimal("1E+2"), d.fromString(b("1e2")));
        assertEquals(DecimalArgument.Special.NEGATIVE_INFINITY, d.fromString(b("-Inf")));
        assertThrows(NumberFormatException.class, () -> d.fromString(b("1.2.3")));
    }

    /** Integer accepts what Python's int() accepts for these forms, and keeps big values exact. */
    @Test
    public void integerParsing() {
        IntegerArgument i = new IntegerArgument();
        assertEquals(12L, i.fromString(b(" 12 ")));
        assertEquals(5L, i.fromString(b("+5")));
        assertEquals(BigInteger.TWO.pow(64), i.fromString(b("18446744073709551616")));
        assertThrows(NumberFormatException.class, () -> i.fromString(b("1.5")));
        assertThrows(IllegalArgumentException.class, () -> i.toString(1.5));
    }

    /** Unicode decoding is strict. */
    @Test
    public void unicodeRejectsMalformedUtf8() {
        assertThrows(IllegalArgumentException.class, () -> new UnicodeArgument().fromString(new byte[] {(byte) 0xff}));
        assertThrows(IllegalArgumentException.class, () -> new UnicodeArgument().toString("\ud800"));
        assertArrayEquals("\u2603".getBytes(StandardCharsets.UTF_8), new UnicodeArgument().toString("\u2603"));
    }

    /** Wire names map to identifiers as in Twisted. */
    @Test
    public void wireNamesMapToPythonIdentifiers() {
        assertEquals("From", Amp.wireNameToPythonIdentifier("from"));
        assertEquals("Print", Amp.wireNameToPythonIdentifier("print"));
        assertEquals("dash_arg", Amp.wireNameToPythonIdentifier("dash-arg"));
        assertEquals("mixedCase", Amp.wireNameToPythonIdentifier("mixedCase"));
    }

    /** Responders can be registered explicitly, and win over annotated ones. */
    @Test
    public void explicitRegistration() {
        Adder amp = new Adder();
        amp.register(Sum.class, a -> Map.of("total", 0L));
        StringTransport t = new StringTransport();
        amp.makeConnection(t);
        amp.dataReceived(AmpBox.of("_command", "sum", "_ask", "1", "a", "1", "b", "2").serialize());
        assertEquals(List.of(AmpBox.of("_answer", "1", "total", "0")), Amp.parseString(t.value()));
        CommandLocator locator = new CommandLocator();
        locator.register(new Sum(), a -> Map.of("total", 9L));
        assertTrue(locator.locateResponder("sum") != null);
    }

    /** A switch answer followed by the new protocol's bytes, in every chunking, hands over exactly those bytes. */
    @Test
    public void protocolSwitchHandsOverTheRestInEveryChunking() {
        byte[] command = AmpBox.of("_command", "Switch-Proto", "_ask", "1", "name", "test-proto").serialize();
        byte[] after = b("\u0000\u0000raw bytes for the new protocol");
        byte[] wire = concat(command, after);
        for (int cut = 0; cut <= wire.length; cut++) {
            dev.twj.internet.defer.Deferred<List<byte[]>> lost = new dev.twj.internet.defer.Deferred<>();
            AmpFixtures.SimpleSymmetricCommandProtocol server = new AmpFixtures.SimpleSymmetricCommandProtocol(lost);
            StringTransport t = new StringTransport();
            server.makeConnection(t);
            server.dataReceived(Arrays.copyOfRange(wire, 0, cut));
            server.dataReceived(Arrays.copyOfRange(wire, cut, wire.length));
            AmpFixtures.TestProto inner = (AmpFixtures.TestProto) server.innerProtocol;
            assertEquals(s(after), s(concat(inner.data.toArray(new byte[0][]))), "cut " + cut);
            byte[] out = t.value();
            byte[] answer = AmpBox.of("_answer", "1").serialize();
            assertEquals(s(concat(answer, AmpFixtures.SWITCH_SERVER_DATA)), s(out), "cut " + cut);
        }
    }

    /** A too-long ListOf element reports TooLong without a key name. */
    @Test
    public void tooLongListElement() {
        TooLong e = assertThrows(TooLong.class, () -> new ListOf(new StringArgument()).toString(List.of(new byte[70000])));
        assertTrue(e.getMessage().contains("70000"), e.getMessage());
    }
}
