package dev.twj.protocols.basic;

import dev.twj.internet.interfaces.IPushProducer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A protocol that receives lines and/or raw data, depending on mode. Port of
 * {@code twisted.protocols.basic.LineReceiver}.
 *
 * <p>In line mode, each line that's received becomes a call of {@link #lineReceived}. In raw data
 * mode, each chunk of raw data becomes a call of {@link #rawDataReceived}. The
 * {@link #setLineMode} and {@link #setRawMode} methods switch between the two modes, also from
 * inside those callbacks. This is useful for line-oriented protocols such as IRC, HTTP, POP, etc.
 *
 * <pre>{@code
 * class Upper extends LineReceiver {
 *     @Override
 *     public void lineReceived(byte[] line) {
 *         sendLine(new String(line, US_ASCII).toUpperCase().getBytes(US_ASCII));
 *     }
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #delimiter} (default {@code \r\n}) and {@link #MAX_LENGTH} (default 16384) are
 *       plain fields a subclass sets in its constructor, as Twisted's class attributes.
 *   <li>A line longer than {@code MAX_LENGTH}, or {@code MAX_LENGTH + delimiter.length} buffered
 *       bytes with no delimiter, calls {@link #lineLengthExceeded} with all buffered bytes at
 *       once (the default drops the connection) and empties the buffer: a line never buffers
 *       more than {@code MAX_LENGTH + delimiter.length} bytes plus the chunk being received.
 *   <li>A {@code dataReceived} call made from inside a callback (for instance by
 *       {@code setLineMode(extra)}) only buffers; the outer call parses it.
 *   <li>Processing stops while {@link #paused}, after {@code lineLengthExceeded}, and after a
 *       line once the transport is disconnecting.
 * </ul>
 *
 * <p>Differences from Twisted: Twisted's {@code dataReceived}, {@code lineReceived} and
 * {@code rawDataReceived} may return a "reason" that stops processing; Java's are {@code void}.
 * Finding a delimiter costs O(bytes received) however the line is chunked (Twisted re-splits
 * its whole buffer on each chunk). The pause methods reach the transport only if it is an
 * {@link IPushProducer} (Twisted assumes it is).
 */
public class LineReceiver extends PauseableProtocol {
    /** True in line mode (the default), false in raw mode; Twisted's {@code line_mode}. */
    public boolean lineMode = true;

    /** The line-ending delimiter to use; by default {@code \r\n}. */
    public byte[] delimiter = {'\r', '\n'};

    /**
     * The maximum length of a line to allow; if a received line is longer than this,
     * {@link #lineLengthExceeded} is called (by default dropping the connection). Default 16384.
     */
    public int MAX_LENGTH = 16384;


    private final ReceiveBuffer buffer = new ReceiveBuffer();
    private boolean busyReceiving;

    /** Creates a receiver in line mode. */
    public LineReceiver() {}

    /**
     * Clears buffered data.
     *
     * @return all of the cleared buffered data
     */
    public byte[] clearLineBuffer() {
        return buffer.takeAll();
    }

    /**
     * Translates bytes into lines, and calls {@link #lineReceived} (or {@link #rawDataReceived},
     * depending on mode).
     */
    @Override
    public void dataReceived(byte[] data) {
        if (busyReceiving) {
            buffer.append(data);
            return;
        }
        try {
            busyReceiving = true;
            // Parse the chunk in place when nothing is buffered; detach() below keeps the rest.
            buffer.adopt(data);
            while (buffer.size() > 0 && !paused) {
                if (lineMode) {
                    byte[] delim = delimiter;
                    // A delimiter starting after MAX_LENGTH means a too-long line either way.
                    int index = buffer.indexOf(delim, MAX_LENGTH);
                    if (index < 0) {
                        if (buffer.size() >= (long) MAX_LENGTH + delim.length) {
                            lineLengthExceeded(buffer.takeAll());
                        }
                        return;
                    }
                    byte[] line = buffer.take(index);
                    buffer.skip(delim.length);
                    lineReceived(line);
                    if (Transports.disconnecting(transport)) {
                        return;
                    }
                } else {
                    rawDataReceived(buffer.takeAll());
                }
            }
        } finally {
            buffer.detach();
            busyReceiving = false;
        }
    }

    /**
     * Sets the line-mode of this receiver.
     *
     * <p>If you are calling this from a {@link #rawDataReceived} callback, you can pass in extra
     * unhandled data, and that data will be parsed for lines. Further data received will be sent
     * to {@link #lineReceived} rather than {@link #rawDataReceived}.
     *
     * <p>Do not pass extra data if calling this function from within a {@code lineReceived}
     * callback.
     */
    public void setLineMode(byte[] extra) {
        lineMode = true;
        if (extra != null && extra.length > 0) {
            dataReceived(extra);
        }
    }

    /** Sets line mode with no extra data: {@code setLineMode(new byte[0])}. */
    public void setLineMode() {
        setLineMode(null);
    }

    /**
     * Sets the raw mode of this receiver. Further data received will be sent to
     * {@link #rawDataReceived} rather than {@link #lineReceived}.
     */
    public void setRawMode() {
        lineMode = false;
    }

    /**
     * Override this for when raw data is received.
     *
     * @throws UnsupportedOperationException unless overridden (Twisted's NotImplementedError)
     */
    public void rawDataReceived(byte[] data) {
        throw new UnsupportedOperationException(
                getClass().getName() + ".rawDataReceived is not implemented");
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
        byte[] out = Arrays.copyOf(line, line.length + delimiter.length);
        System.arraycopy(delimiter, 0, out, line.length, delimiter.length);
        transport.write(out);
    }

    /**
     * Called when the maximum line length has been reached. Override if it needs to be dealt
     * with in some special way; the default drops the connection.
     *
     * <p>The argument contains the remainder of the buffer, starting with (at least some part)
     * of the line which is too long. This may be more than one line, or may be only the initial
     * portion of the line.
     */
    public void lineLengthExceeded(byte[] line) {
        transport.loseConnection();
    }

    /** Returns the mode, the number of buffered bytes and whether paused. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + (lineMode ? "line" : "raw") + " mode, delimiter="
                + new String(delimiter, StandardCharsets.ISO_8859_1).replace("\r", "\\r")
                        .replace("\n", "\\n")
                + ", buffered=" + buffer.size() + (paused ? ", paused" : "") + "}";
    }
}
