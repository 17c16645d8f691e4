package dev.twj.protocols.basic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Java-only tests of {@link ReceiveBuffer}'s fast paths: the eight-bytes-at-a-time byte search,
 * and parsing a caller's chunk in place ({@code adopt}/{@code detach}) as LineReceiver does.
 */
class ReceiveBufferBehaviourTests {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A plain loop: the reference for indexOfByte. */
    private static int naive(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Test
    public void indexOfByteAgreesWithAPlainLoopForEveryValueAndAlignment() {
        Random random = new Random(5);
        for (int round = 0; round < 60; round++) {
            byte[] a = new byte[random.nextInt(40)];
            random.nextBytes(a);
            // Near misses: the target with its high bit flipped, and the byte one below it (the
            // borrow of the SWAR test runs across such bytes).
            for (int i = 0; i < a.length; i += 3) {
                a[i] = (byte) (i % 2 == 0 ? 0x8d : 0x0c);
            }
            for (int v = 0; v < 256; v++) {
                for (int from = 0; from <= a.length; from++) {
                    for (int to = from; to <= a.length; to += 1 + to / 4) {
                        assertEquals(naive(a, from, to, (byte) v), ReceiveBuffer.indexOfByte(a, from, to, (byte) v),
                                "value " + v + " in [" + from + ", " + to + ") of " + Arrays.toString(a));
                    }
                }
            }
        }
    }

    @Test
    public void aChunkParsedInPlaceIsNotReadAfterDataReceivedReturns() {
        List<String> lines = new ArrayList<>();
        LineReceiver r = new LineReceiver() {
            @Override
            public void lineReceived(byte[] line) {
                lines.add(new String(line, StandardCharsets.ISO_8859_1));
            }
        };
        byte[] chunk = b("one\r\ntw");
        r.dataReceived(chunk);
        // The caller reuses its array: what LineReceiver kept must be its own copy.
        Arrays.fill(chunk, (byte) 'X');
        r.dataReceived(b("o\r\nthree\r\n"));
        assertEquals(List.of("one", "two", "three"), lines);
    }

    @Test
    public void rawModeGetsACopyOfAnAdoptedChunk() {
        List<byte[]> raw = new ArrayList<>();
        LineReceiver r = new LineReceiver() {
            @Override
            public void rawDataReceived(byte[] data) {
                raw.add(data);
            }
        };
        r.setRawMode();
        byte[] chunk = b("raw bytes");
        r.dataReceived(chunk);
        assertEquals(1, raw.size());
        assertArrayEquals(chunk, raw.get(0));
        assertNotSame(chunk, raw.get(0));
    }

    @Test
    public void dataReceivedFromACallbackWhileAChunkIsAdoptedIsParsedAfterIt() {
        List<String> lines = new ArrayList<>();
        LineReceiver r = new LineReceiver() {
            @Override
            public void lineReceived(byte[] line) {
                String s = new String(line, StandardCharsets.ISO_8859_1);
                lines.add(s);
                if (s.equals("a")) {
                    dataReceived(b("inner\r\n"));
                }
            }
        };
        r.dataReceived(b("a\r\nb\r\nc"));
        r.dataReceived(b("\r\n"));
        // As in Twisted, the inner data is appended after what is left of the outer chunk.
        assertEquals(List.of("a", "b", "cinner", ""), lines);
    }

    @Test
    public void clearLineBufferInsideLineReceivedReturnsTheRestOfTheAdoptedChunk() {
        List<String> cleared = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        LineReceiver r = new LineReceiver() {
            @Override
            public void lineReceived(byte[] line) {
                lines.add(new String(line, StandardCharsets.ISO_8859_1));
                cleared.add(new String(clearLineBuffer(), StandardCharsets.ISO_8859_1));
            }
        };
        r.dataReceived(b("first\r\nsecond\r\nthird"));
        r.dataReceived(b("fourth\r\n"));
        assertEquals(List.of("first", "fourth"), lines);
        assertEquals(List.of("second\r\nthird", ""), cleared);
    }

    @Test
    public void linesSplitAtEveryPositionAcrossAdoptedChunks() {
        byte[] stream = b("alpha\r\n\r\nbeta\rgamma\ndelta\r\n" + "x".repeat(100) + "\r\n");
        List<String> expected = List.of("alpha", "", "beta\rgamma\ndelta", "x".repeat(100));
        for (int cut = 0; cut <= stream.length; cut++) {
            for (int size = 1; size <= 9; size += 4) {
                List<String> lines = new ArrayList<>();
                LineReceiver r = new LineReceiver() {
                    @Override
                    public void lineReceived(byte[] line) {
                        lines.add(new String(line, StandardCharsets.ISO_8859_1));
                    }
                };
                r.dataReceived(Arrays.copyOf(stream, cut));
                for (int i = cut; i < stream.length; i += size) {
                    r.dataReceived(Arrays.copyOfRange(stream, i, Math.min(stream.length, i + size)));
                }
                assertEquals(expected, lines, "first cut " + cut + ", then pieces of " + size);
            }
        }
    }
}
