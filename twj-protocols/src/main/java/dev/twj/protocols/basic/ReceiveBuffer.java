package dev.twj.protocols.basic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte buffer for the receivers of this package: appends at the end, takes from the
 * front, and remembers how far it has already searched for a delimiter so that a line that
 * arrives in small chunks is scanned once, not once per chunk.
 *
 * <p>Appending is amortized O(1) per byte (doubling growth, compaction only when the live bytes
 * fill at most half of the array). A large backing array is released once the buffer empties.
 * {@link #adopt} lets an empty buffer parse a caller's chunk in place, without copying it; the
 * caller ends with {@link #detach}, which copies what is left (at most a partial line) into the
 * buffer's own array. Delimiter search looks at eight bytes at a time.
 */
final class ReceiveBuffer {
    static final byte[] EMPTY = new byte[0];

    /** Backing arrays larger than this are dropped when the buffer empties. */
    private static final int RETAIN_LIMIT = 1 << 16;

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private byte[] buf = EMPTY;
    private int start;
    private int end;

    /** False while {@link #buf} is a caller's chunk (see {@link #adopt}): never written. */
    private boolean owned = true;

    /** The buffer's own array, kept for reuse while a caller's chunk is adopted. */
    private byte[] spare = EMPTY;

    /** Positions in [start, scanned) are known not to start {@link #scanDelimiter}. */
    private int scanned;

    private byte[] scanDelimiter;

    /** Returns the number of buffered bytes. */
    int size() {
        return end - start;
    }

    /** Appends all of {@code data}. */
    void append(byte[] data) {
        append(data, 0, data.length);
    }

    /** Appends {@code len} bytes of {@code data} from {@code off}. */
    void append(byte[] data, int off, int len) {
        if (len == 0) {
            return;
        }
        if (!owned) {
            int live = end - start;
            long needed = (long) live + len;
            if (needed > MAX_ARRAY) {
                throw new OutOfMemoryError("buffer size " + needed + " > " + MAX_ARRAY);
            }
            byte[] target = spare.length >= needed ? spare
                    : new byte[(int) Math.min(Math.max(Math.max(256L, 2L * live), needed), MAX_ARRAY)];
            moveTo(target);
        }
        if (end + (long) len > buf.length) {
            int live = end - start;
            long needed = (long) live + len;
            if (needed > MAX_ARRAY) {
                throw new OutOfMemoryError("buffer size " + needed + " > " + MAX_ARRAY);
            }
            if (needed <= buf.length / 2) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                long capacity = Math.max(Math.max(256L, 2L * buf.length), needed);
                byte[] grown = new byte[(int) Math.min(capacity, MAX_ARRAY)];
                System.arraycopy(buf, start, grown, 0, live);
                buf = grown;
            }
            scanned = Math.max(0, scanned - start);
            start = 0;
            end = live;
        }
        System.arraycopy(data, off, buf, end, len);
        end += len;
    }

    /**
     * Appends {@code data}; when the buffer is empty, by using {@code data} itself as the
     * buffer (no copy) until {@link #detach}. The caller must call {@code detach} before it
     * returns to whoever owns {@code data}.
     */
    void adopt(byte[] data) {
        if (end != start || data.length == 0 || !owned) {
            append(data, 0, data.length);
            return;
        }
        spare = buf;
        buf = data;
        start = 0;
        end = data.length;
        scanned = 0;
        owned = false;
    }

    /** Stops using an adopted chunk: copies what is left of it into the buffer's own array. */
    void detach() {
        if (owned) {
            return;
        }
        int live = end - start;
        if (live == 0) {
            reset();
            return;
        }
        moveTo(spare.length >= live ? spare : new byte[Math.max(256, live)]);
    }

    /** Copies the live bytes to the front of {@code target}, an array of the buffer's own. */
    private void moveTo(byte[] target) {
        int live = end - start;
        System.arraycopy(buf, start, target, 0, live);
        scanned = Math.max(0, scanned - start);
        buf = target;
        spare = EMPTY;
        owned = true;
        start = 0;
        end = live;
    }

    /**
     * Returns the offset from the front of the first occurrence of {@code delimiter} that starts
     * at an offset of at most {@code maxStart}, or -1. Positions already searched for the same
     * delimiter are not searched again. An empty delimiter is never found (Python's
     * {@code split(b"")} raises, which LineReceiver treats as "no delimiter").
     */
    int indexOf(byte[] delimiter, long maxStart) {
        int dlen = delimiter.length;
        if (dlen == 0) {
            return -1;
        }
        if (scanDelimiter == null || !Arrays.equals(scanDelimiter, delimiter)) {
            scanDelimiter = delimiter.clone();
            scanned = start;
        }
        if (scanned < start) {
            scanned = start;
        }
        long last = Math.min((long) end - dlen, start + Math.max(-1L, Math.min(maxStart, end)));
        if (last < scanned) {
            return -1;
        }
        int limit = (int) last + 1;
        byte first = delimiter[0];
        int p = scanned;
        while ((p = indexOfByte(buf, p, limit, first)) >= 0) {
            if (matchesAt(p, delimiter)) {
                scanned = p;
                return p - start;
            }
            p++;
        }
        scanned = limit;
        return -1;
    }

    /**
     * Returns the index of the first {@code b} in {@code a[from, to)}, or -1: eight bytes at a
     * time (a zero byte of {@code word ^ pattern} is a match; the lowest flagged byte is exact).
     */
    static int indexOfByte(byte[] a, int from, int to, byte b) {
        long pattern = (b & 0xFFL) * ONES;
        int i = from;
        for (int stop = to - 7; i < stop; i += 8) {
            long w = (long) LONGS.get(a, i) ^ pattern;
            long found = (w - ONES) & ~w & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(int p, byte[] delimiter) {
        for (int i = 1; i < delimiter.length; i++) {
            if (buf[p + i] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the byte at {@code offset} from the front. */
    byte get(int offset) {
        return buf[start + offset];
    }

    /** Removes and returns the first {@code n} bytes. */
    byte[] take(int n) {
        byte[] out = Arrays.copyOfRange(buf, start, start + n);
        skip(n);
        return out;
    }

    /** Removes the first {@code n} bytes. */
    void skip(int n) {
        start += n;
        if (start == end) {
            reset();
        }
    }

    /** Removes and returns all buffered bytes. */
    byte[] takeAll() {
        byte[] out;
        if (owned && start == 0 && end == buf.length) {
            out = buf;
            buf = EMPTY;
        } else {
            out = Arrays.copyOfRange(buf, start, end);
        }
        reset();
        return out;
    }

    /** Returns a copy of all buffered bytes, leaving them buffered. */
    byte[] peekAll() {
        return Arrays.copyOfRange(buf, start, end);
    }

    /** Discards all buffered bytes. */
    void clear() {
        reset();
    }

    private void reset() {
        start = 0;
        end = 0;
        scanned = 0;
        if (!owned) {
            buf = spare;
            spare = EMPTY;
            owned = true;
        }
        if (buf.length > RETAIN_LIMIT) {
            buf = EMPTY;
        }
    }

    @Override
    public String toString() {
        return "ReceiveBuffer{size=" + size() + ", capacity=" + buf.length + "}";
    }
}
