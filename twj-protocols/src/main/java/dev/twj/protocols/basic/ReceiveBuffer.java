package dev.twj.protocols.basic;

import java.util.Arrays;

/**
 * A growable byte buffer for the receivers of this package: appends at the end, takes from the
 * front, and remembers how far it has already searched for a delimiter so that a line that
 * arrives in small chunks is scanned once, not once per chunk.
 *
 * <p>Appending is amortized O(1) per byte (doubling growth, compaction only when the live bytes
 * fill at most half of the array). A large backing array is released once the buffer empties.
 */
final class ReceiveBuffer {
    static final byte[] EMPTY = new byte[0];

    /** Backing arrays larger than this are dropped when the buffer empties. */
    private static final int RETAIN_LIMIT = 1 << 16;

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private byte[] buf = EMPTY;
    private int start;
    private int end;

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
        byte first = delimiter[0];
        for (int p = scanned; p <= last; p++) {
            if (buf[p] == first && matchesAt(p, delimiter)) {
                scanned = p;
                return p - start;
            }
        }
        if (last + 1 > scanned) {
            scanned = (int) (last + 1);
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
        if (start == 0 && end == buf.length) {
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
        if (buf.length > RETAIN_LIMIT) {
            buf = EMPTY;
        }
    }

    @Override
    public String toString() {
        return "ReceiveBuffer{size=" + size() + ", capacity=" + buf.length + "}";
    }
}
