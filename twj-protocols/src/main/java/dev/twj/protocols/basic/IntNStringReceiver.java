package dev.twj.protocols.basic;

import java.util.Arrays;

/**
 * Generic class for length prefixed protocols: each string is preceded by its length as an
 * unsigned big-endian integer of {@link #prefixLength} bytes. Port of
 * {@code twisted.protocols.basic.IntNStringReceiver}; use {@link Int8StringReceiver},
 * {@link Int16StringReceiver} or {@link Int32StringReceiver}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>A length prefix greater than {@link #MAX_LENGTH} (default 99999) calls
 *       {@link #lengthLimitExceeded} at once, before any of the string arrives; by default it
 *       drops the connection. The string is not delivered.
 *   <li>{@link #recvd()} is the data received but not parsed yet, from the next length prefix
 *       on. {@link #setRecvd} from inside {@code stringReceived} replaces it: parsing goes on
 *       from the new value (Twisted's writable {@code recvd} attribute).
 *   <li>Nothing is delivered while {@link #paused}; {@link #resumeProducing} delivers what is
 *       buffered.
 *   <li>Parsing costs O(bytes received) however the input is chunked; complete strings are
 *       copied once, straight from the received chunk when nothing was buffered.
 * </ul>
 *
 * <p>Differences from Twisted: after {@code lengthLimitExceeded} returns, unless it called
 * {@link #setRecvd}, the buffered data and all later data are discarded, since the stream can
 * no longer be framed (Twisted keeps buffering, and re-parses its buffer from an earlier
 * offset). A {@code dataReceived} made from inside {@code stringReceived} only buffers; the
 * outer call parses it. {@code setRecvd} outside {@code stringReceived} replaces the buffer at
 * once.
 */
public class IntNStringReceiver extends PauseableProtocol {
    /** The maximum length of a string that can be received. */
    public int MAX_LENGTH = 99999;

    /** Length of the prefix, in bytes: 1, 2 or 4. */
    public final int prefixLength;


    // Data received but not parsed: unprocessed[offset, limit). When owned is false the array
    // is the caller's chunk, never written.
    private byte[] unprocessed = ReceiveBuffer.EMPTY;
    private int offset;
    private int limit;
    private boolean owned;
    private boolean busyReceiving;
    private boolean recvdReplaced;
    private boolean brokenStream;

    /**
     * Creates a receiver whose length prefixes have {@code prefixLength} bytes.
     *
     * @throws IllegalArgumentException unless prefixLength is 1, 2 or 4
     */
    protected IntNStringReceiver(int prefixLength) {
        if (prefixLength != 1 && prefixLength != 2 && prefixLength != 4) {
            throw new IllegalArgumentException("prefixLength not in (1, 2, 4): " + prefixLength);
        }
        this.prefixLength = prefixLength;
    }

    /**
     * Override this for notification when each complete string is received.
     *
     * @param string the complete string which was received with all framing (length prefix,
     *     etc) removed
     * @throws UnsupportedOperationException unless overridden (Twisted's NotImplementedError)
     */
    public void stringReceived(byte[] string) {
        throw new UnsupportedOperationException(
                getClass().getName() + ".stringReceived is not implemented");
    }

    /**
     * Called when a length prefix greater than {@link #MAX_LENGTH} is received. The default
     * implementation disconnects the transport. Override this.
     *
     * @param length the length prefix which was received
     */
    public void lengthLimitExceeded(long length) {
        transport.loseConnection();
    }

    /** Converts int prefixed strings into calls to {@link #stringReceived}. */
    @Override
    public void dataReceived(byte[] data) {
        if (brokenStream) {
            return;
        }
        if (busyReceiving) {
            appendOwned(data);
            return;
        }
        busyReceiving = true;
        try {
            if (offset == limit) {
                unprocessed = data;
                offset = 0;
                limit = data.length;
                owned = false;
            } else {
                appendOwned(data);
            }
            while (limit - offset >= prefixLength && !paused) {
                long length = readPrefix(unprocessed, offset);
                if (length > MAX_LENGTH) {
                    recvdReplaced = false;
                    lengthLimitExceeded(length);
                    if (!recvdReplaced) {
                        brokenStream = true;
                        unprocessed = ReceiveBuffer.EMPTY;
                        offset = limit = 0;
                    }
                    return;
                }
                int messageStart = offset + prefixLength;
                if (limit - messageStart < length) {
                    break;
                }
                int messageEnd = messageStart + (int) length;
                byte[] packet = Arrays.copyOfRange(unprocessed, messageStart, messageEnd);
                offset = messageEnd;
                stringReceived(packet);
            }
        } finally {
            busyReceiving = false;
            keepUnprocessed();
        }
    }

    /** Drops parsed data, and copies the unparsed tail of a caller's chunk. */
    private void keepUnprocessed() {
        if (offset == limit) {
            if (unprocessed.length > (1 << 16) || !owned) {
                unprocessed = ReceiveBuffer.EMPTY;
                owned = false;
            }
            offset = limit = 0;
        } else if (!owned) {
            unprocessed = Arrays.copyOfRange(unprocessed, offset, limit);
            offset = 0;
            limit = unprocessed.length;
            owned = true;
        }
    }

    private void appendOwned(byte[] data) {
        int live = limit - offset;
        long needed = (long) live + data.length;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("buffer size " + needed);
        }
        if (!owned || limit + (long) data.length > unprocessed.length) {
            byte[] target = unprocessed;
            if (!owned || needed > unprocessed.length / 2) {
                // A caller's chunk is not ours: size from what is kept, not from its length.
                long base = owned ? unprocessed.length : live;
                long capacity = Math.max(Math.max(256L, 2L * base), needed);
                target = new byte[(int) Math.min(capacity, Integer.MAX_VALUE - 8)];
            }
            System.arraycopy(unprocessed, offset, target, 0, live);
            unprocessed = target;
            offset = 0;
            limit = live;
            owned = true;
        }
        System.arraycopy(data, 0, unprocessed, limit, data.length);
        limit += data.length;
    }

    private long readPrefix(byte[] b, int at) {
        long value = 0;
        for (int i = 0; i < prefixLength; i++) {
            value = (value << 8) | (b[at + i] & 0xff);
        }
        return value;
    }

    /**
     * Returns the data received but not yet parsed, from the next length prefix on. Twisted's
     * {@code recvd} attribute.
     */
    public byte[] recvd() {
        return Arrays.copyOfRange(unprocessed, offset, limit);
    }

    /**
     * Replaces the data received but not yet parsed. Called from {@link #stringReceived},
     * parsing goes on from {@code data} rather than from the rest of the input; Twisted's
     * assignment to {@code recvd}.
     */
    public void setRecvd(byte[] data) {
        unprocessed = data.clone();
        offset = 0;
        limit = unprocessed.length;
        owned = true;
        recvdReplaced = true;
        brokenStream = false;
    }

    /**
     * Sends a prefixed string to the other end of the connection.
     *
     * @param string the string to send; the necessary framing (length prefix, etc) will be added
     * @throws StringTooLongError if the length does not fit in the prefix
     */
    public void sendString(byte[] string) {
        if (prefixLength < 4 && string.length >= 1L << (8 * prefixLength)) {
            throw new StringTooLongError("Try to send " + string.length
                    + " bytes whereas maximum is " + (1L << (8 * prefixLength)));
        }
        byte[] out = new byte[prefixLength + string.length];
        for (int i = 0; i < prefixLength; i++) {
            out[i] = (byte) (string.length >>> (8 * (prefixLength - 1 - i)));
        }
        System.arraycopy(string, 0, out, prefixLength, string.length);
        transport.write(out);
    }

    /** Returns the prefix length and the number of unparsed bytes. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "{prefixLength=" + prefixLength + ", unprocessed="
                + (limit - offset) + (paused ? ", paused" : "") + "}";
    }
}
