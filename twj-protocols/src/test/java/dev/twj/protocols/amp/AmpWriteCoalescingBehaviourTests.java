package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.Command.arg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.logger.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java-only tests of how {@link BinaryBoxProtocol} hands boxes to its transport: the boxes sent
 * while {@code dataReceived} runs go out in one write when it returns, in the order sent; a box
 * sent at any other time is written at once; a box subclass that acts on the transport (a
 * {@link QuitBox}) is written after the boxes before it and before its action.
 */
class AmpWriteCoalescingBehaviourTests {
    /** {@code sum(a, b) -> total}; {@code a} of -1 makes the responder throw an undeclared error. */
    static final class Sum extends Command {
        Sum() {
            commandName("sum");
            arguments(arg("a", new IntegerArgument()), arg("b", new IntegerArgument()));
            response(arg("total", new IntegerArgument()));
        }
    }

    /** Records every call made on it, in order: {@code write:<bytes>} or {@code loseConnection}. */
    static final class RecordingTransport implements ITransport {
        final List<String> calls = new ArrayList<>();
        final List<byte[]> writes = new ArrayList<>();

        @Override
        public void write(byte[] data) {
            writes.add(data);
            calls.add("write");
        }

        @Override
        public void writeSequence(Iterable<byte[]> data) {
            for (byte[] d : data) {
                write(d);
            }
        }

        @Override
        public void loseConnection() {
            calls.add("loseConnection");
        }

        @Override
        public IAddress getPeer() {
            return null;
        }

        @Override
        public IAddress getHost() {
            return null;
        }
    }

    private static AMP server(RecordingTransport t) {
        AMP amp = new AMP();
        amp.register(new Sum(), a -> {
            if ((Long) a.get("a") == -1) {
                throw new IllegalStateException("no");
            }
            return Map.of("total", (Long) a.get("a") + (Long) a.get("b"));
        });
        amp.makeConnection(t);
        return amp;
    }

    private static byte[] ask(String tag, long a) {
        return AmpBox.of("_command", "sum", "_ask", tag, "a", Long.toString(a), "b", "1").serialize();
    }

    private static byte[] concat(byte[]... parts) {
        return AmpTestSupport.concat(parts);
    }

    /** The answers to the commands of one read reach the transport in one write, in order. */
    @Test
    void answersToOneReadGoOutInOneWrite() {
        RecordingTransport t = new RecordingTransport();
        AMP amp = server(t);
        amp.dataReceived(concat(ask("1", 10), ask("2", 20), ask("3", 30)));
        assertEquals(List.of("write"), t.calls);
        List<AmpBox> answers = Amp.parseString(t.writes.get(0));
        assertEquals(3, answers.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(String.valueOf(i + 1), answers.get(i).getString("_answer"));
            assertEquals(String.valueOf(10 * (i + 1) + 1), answers.get(i).getString("total"));
        }
    }

    /** Each read's answers are written before dataReceived returns: nothing is held back. */
    @Test
    void eachReadIsFlushedWhenDataReceivedReturns() {
        RecordingTransport t = new RecordingTransport();
        AMP amp = server(t);
        byte[] first = ask("1", 1);
        amp.dataReceived(java.util.Arrays.copyOf(first, first.length - 1));
        assertEquals(List.of(), t.calls, "no box was complete, nothing was sent");
        amp.dataReceived(concat(new byte[] {first[first.length - 1]}, ask("2", 2)));
        assertEquals(List.of("write"), t.calls);
        amp.dataReceived(ask("3", 3));
        assertEquals(List.of("write", "write"), t.calls);
        assertEquals(List.of("1", "2"), Amp.parseString(t.writes.get(0)).stream().map(b -> b.getString("_answer")).toList());
    }

    /** A command sent outside dataReceived is written at once. */
    @Test
    void boxSentOutsideDataReceivedIsWrittenAtOnce() {
        RecordingTransport t = new RecordingTransport();
        AMP amp = new AMP();
        amp.makeConnection(t);
        amp.callRemote(new Sum(), Map.of("a", 1L, "b", 2L));
        assertEquals(List.of("write"), t.calls);
        AmpBox sent = Amp.parseString(t.writes.get(0)).get(0);
        assertEquals("sum", new String(sent.get("_command"), StandardCharsets.ISO_8859_1));
    }

    /**
     * An undeclared error is answered with a QuitBox, which closes the connection: the answers
     * before it are written first, then the QuitBox, then the connection is closed.
     */
    @Test
    void quitBoxGoesAfterEarlierAnswersAndBeforeItsClose() {
        RecordingTransport t = new RecordingTransport();
        AMP amp = server(t);
        try (CapturedLogs logs = CapturedLogs.capture()) {
            amp.dataReceived(concat(ask("1", 1), ask("2", -1)));
            assertTrue(logs.events().size() >= 1, "the undeclared error was logged");
        }
        assertEquals("write", t.calls.get(0));
        assertEquals("write", t.calls.get(1));
        assertEquals("loseConnection", t.calls.get(2));
        assertEquals("1", Amp.parseString(t.writes.get(0)).get(0).getString("_answer"));
        AmpBox error = Amp.parseString(t.writes.get(1)).get(0);
        assertEquals("2", error.getString("_error"));
        assertEquals("UNKNOWN", error.getString("_error_code"));
    }
}
