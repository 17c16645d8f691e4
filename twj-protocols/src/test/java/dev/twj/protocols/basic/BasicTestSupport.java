package dev.twj.protocols.basic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** Helpers shared by the ports of test_basic.py: bytes, slices, a zero-delay clock. */
final class BasicTestSupport {
    private BasicTestSupport() {}

    /** Returns the ISO-8859-1 bytes of {@code s}: Python's {@code b"..."} literal. */
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Returns {@code data} decoded as ISO-8859-1, so byte strings compare with assertEquals. */
    static String s(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    /** Returns the list decoded with {@link #s(byte[])}. */
    static List<String> strs(List<byte[]> list) {
        List<String> out = new ArrayList<>();
        for (byte[] item : list) {
            out.add(s(item));
        }
        return out;
    }

    /** Python's {@code data[from:to]}, clamped to the array. */
    static byte[] slice(byte[] data, int from, int to) {
        int f = Math.min(Math.max(from, 0), data.length);
        int t = Math.min(Math.max(to, f), data.length);
        return Arrays.copyOfRange(data, f, t);
    }

    /** Python's {@code data[from:]}. */
    static byte[] slice(byte[] data, int from) {
        return slice(data, from, data.length);
    }

    /** Python's {@code a + b} for bytes. */
    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] part : parts) {
            n += part.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** Python's {@code b * n}. */
    static byte[] repeat(String s, int n) {
        return b(s.repeat(n));
    }

    /** Python's {@code iterbytes(data)}: one single-byte chunk per byte. */
    static List<byte[]> iterbytes(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        for (byte x : data) {
            out.add(new byte[] {x});
        }
        return out;
    }

    /** {@code struct.pack(fmt, n)} for the unsigned big-endian formats !B, !H and !I. */
    static byte[] pack(int prefixLength, long n) {
        byte[] out = new byte[prefixLength];
        for (int i = 0; i < prefixLength; i++) {
            out[i] = (byte) (n >>> (8 * (prefixLength - 1 - i)));
        }
        return out;
    }

    /**
     * Every way this test suite chunks an input: cut in two at every position, then in chunks
     * of every size from 1 byte to the whole input (STYLE.md item 17).
     */
    static List<List<byte[]>> everyChunking(byte[] input) {
        List<List<byte[]>> out = new ArrayList<>();
        for (int cut = 0; cut <= input.length; cut++) {
            out.add(List.of(slice(input, 0, cut), slice(input, cut)));
        }
        for (int size = 1; size <= input.length; size++) {
            List<byte[]> chunks = new ArrayList<>();
            for (int at = 0; at < input.length; at += size) {
                chunks.add(slice(input, at, at + size));
            }
            out.add(chunks);
        }
        return out;
    }

    /** Returns the chunks joined with "|", to name a failing chunking. */
    static String describe(List<byte[]> chunks) {
        StringBuilder out = new StringBuilder();
        for (byte[] chunk : chunks) {
            out.append(out.length() == 0 ? "" : "|").append(s(chunk).replace("\n", "\\n"));
        }
        return out.toString();
    }

    /** Asserts that two byte strings are equal, showing them as text. */
    static void assertBytes(byte[] expected, byte[] actual) {
        assertEquals(s(expected), s(actual));
    }

    /**
     * A clock for {@code callLater(0, f)} and {@code advance(0)}: the part of Twisted's
     * {@code task.Clock} that LineReceiverTests uses (twj's Clock lives on another branch).
     */
    static final class ZeroDelayClock {
        private record Call(double time, Runnable f) {}

        private final List<Call> calls = new ArrayList<>();
        private double now;

        /** Schedules {@code f} to run {@code delay} seconds from now. */
        void callLater(double delay, Runnable f) {
            calls.add(new Call(now + delay, f));
        }

        /** Moves time on and runs the calls that become due, oldest first. */
        void advance(double amount) {
            now += amount;
            while (true) {
                Call due = null;
                for (Call call : calls) {
                    if (call.time <= now && (due == null || call.time < due.time)) {
                        due = call;
                    }
                }
                if (due == null) {
                    return;
                }
                calls.remove(due);
                due.f.run();
            }
        }
    }

    /** The state of Twisted's {@code TestMixin}, and hooks standing in for monkey-patching. */
    static final class Recorder {
        List<byte[]> received = new ArrayList<>();
        boolean closed;
        Consumer<byte[]> stringReceived;
        LongConsumer lengthLimitExceeded;
    }

    /** A test protocol that records into a {@link Recorder}. */
    interface Recording {
        Recorder rec();
    }
}
