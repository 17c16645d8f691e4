package dev.twj.protocols.basic;

import dev.twj.internet.protocol.Protocol;
import java.util.List;

/**
 * A protocol that receives only lines. Port of {@code twisted.protocols.basic.LineOnlyReceiver}.
 *
 * <p>This is purely a speed optimisation over {@link LineReceiver}, for the cases that raw mode
 * is known to be unnecessary.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #delimiter} (default {@code \r\n}) and {@link #MAX_LENGTH} (default 16384) are
 *       plain fields a subclass sets in its constructor. A line longer than {@code MAX_LENGTH},
 *       or more than {@code MAX_LENGTH} buffered bytes after a chunk, calls
 *       {@link #lineLengthExceeded} (by default dropping the connection).
 *   <li>Before each line the transport is checked: once it is disconnecting, the remaining
 *       lines of the chunk are disregarded.
 * </ul>
 *
 * <p>Differences from Twisted: the buffered partial line is discarded when it is handed to
 * {@code lineLengthExceeded} (Twisted keeps it and hands it over again, longer, with each later
 * chunk), so nothing is ever buffered beyond {@code MAX_LENGTH} plus one chunk. A
 * {@code dataReceived} made from inside {@code lineReceived} only buffers and the outer call
 * parses it after the lines it already has. Lines are found in O(bytes received).
 */
public class LineOnlyReceiver extends Protocol {
    /** The line-ending delimiter to use; by default {@code \r\n}. */
    public byte[] delimiter = {'\r', '\n'};

    /**
     * The maximum length of a line to allow (if a sent line is longer than this, the connection
     * is dropped). Default is 16384.
     */
    public int MAX_LENGTH = 16384;

    private final ReceiveBuffer buffer = new ReceiveBuffer();
    private boolean busyReceiving;

    /** Creates a receiver. */
    public LineOnlyReceiver() {}

    /** Translates bytes into lines, and calls {@link #lineReceived}. */
    @Override
    public void dataReceived(byte[] data) {
        buffer.append(data);
        if (busyReceiving) {
            return;
        }
        try {
            busyReceiving = true;
            byte[] delim = delimiter;
            int index;
            while ((index = buffer.indexOf(delim, Long.MAX_VALUE)) >= 0) {
                if (Transports.disconnecting(transport)) {
                    // The transport may be told to lose the connection by a line within a larger
                    // packet: disregard all the lines in that packet following that one.
                    buffer.clear();
                    return;
                }
                if (index > MAX_LENGTH) {
                    byte[] line = buffer.take(index);
                    buffer.clear();
                    lineLengthExceeded(line);
                    return;
                }
                byte[] line = buffer.take(index);
                buffer.skip(delim.length);
                lineReceived(line);
            }
            if (buffer.size() > MAX_LENGTH) {
                lineLengthExceeded(buffer.takeAll());
            }
        } finally {
            busyReceiving = false;
        }
    }

    /**
     * Override this for when each line is received.
     *
     * @param line the line which was received with the delimiter removed
     * @throws UnsupportedOperationException unless overridden (Twisted's NotImplementedError)
     */
    public void lineReceived(byte[] line) {
        throw new UnsupportedOperationException(
                getClass().getName() + ".lineReceived is not implemented");
    }

    /**
     * Sends a line to the other end of the connection.
     *
     * @param line the line to send, not including the delimiter
     */
    public void sendLine(byte[] line) {
        transport.writeSequence(List.of(line, delimiter));
    }

    /**
     * Called when the maximum line length has been reached. Override if it needs to be dealt
     * with in some special way; the default drops the connection.
     */
    public void lineLengthExceeded(byte[] line) {
        transport.loseConnection();
    }

    /** Returns the number of buffered bytes. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "{buffered=" + buffer.size() + "}";
    }
}
