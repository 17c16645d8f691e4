package dev.twj.protocols.basic;

import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A protocol that sends and receives netstrings. Port of
 * {@code twisted.protocols.basic.NetstringReceiver}.
 *
 * <p>See <a href="http://cr.yp.to/proto/netstrings.txt">netstrings.txt</a> for the specification
 * of netstrings. Every netstring starts with digits that specify the length of the data. This
 * length specification is separated from the data by a colon. The data is terminated with a
 * comma: {@code 5:hello,}.
 *
 * <p>Override {@link #stringReceived} to handle received netstrings. This method is called with
 * the netstring payload as a single argument whenever a complete netstring is received.
 *
 * <p>Security features:
 * <ol>
 *   <li>Messages are limited in size, useful if you don't want someone sending you a 500MB
 *       netstring (change {@link #MAX_LENGTH} to the maximum length you wish to accept).
 *   <li>The connection is lost if an illegal message is received.
 * </ol>
 *
 * <h2>Parsing states, as Twisted's</h2>
 * <pre>
 *   PARSING_LENGTH --"(0|[1-9][0-9]*):"--&gt; PARSING_PAYLOAD --N bytes, ","--&gt; PARSING_LENGTH
 * </pre>
 * A {@link NetstringParseError} drops the connection ({@code transport.loseConnection()}) and
 * sets {@link #brokenPeer}; it never escapes {@code dataReceived}. The errors:
 * <ul>
 *   <li>no length specification, or one with a leading zero ({@code 007:}): {@code _MISSING_LENGTH};
 *   <li>more length digits than {@code ceil(log10(MAX_LENGTH)) + 1}, checked as the digits arrive
 *       before the colon, or a length above {@code MAX_LENGTH}: {@code _TOO_LONG};
 *   <li>no comma after the payload: {@code _MISSING_COMMA}.
 * </ul>
 * Nothing is buffered but the length digits and the payload of the current netstring, at most
 * {@code MAX_LENGTH + 1} bytes.
 *
 * <p>Differences from Twisted: after a parse error the receiver discards all further data
 * (Twisted keeps buffering it and fails again on each chunk). Python's {@code $} lets Twisted
 * wait on a length followed by a single {@code \n}; twj rejects it at once. Parsing costs
 * O(bytes received) however the input is chunked.
 */
public class NetstringReceiver extends Protocol {
    static final String MISSING_LENGTH =
            "The received netstring does not start with a length specification.";
    static final String OVERFLOW = "The length specification of the received netstring cannot be "
            + "represented in Python - it causes an OverflowError!";
    static final String TOO_LONG =
            "The received netstring is longer than the maximum %s specified by self.MAX_LENGTH";
    static final String MISSING_COMMA = "The received netstring is not terminated by a comma.";

    private static final int PARSING_LENGTH = 0;
    private static final int PARSING_PAYLOAD = 1;

    /** Defines the maximum length of netstrings that can be received. */
    public int MAX_LENGTH = 99999;

    /** True once an illegal netstring was received and the connection dropped. */
    public boolean brokenPeer;

    private int state;

    // The length specification received so far: a valid prefix "0" or "[1-9][0-9]*".
    private int lengthDigits;
    private long lengthValue;
    private boolean lengthLeadingZero;

    // The payload plus trailing comma.
    private long expectedPayloadSize;
    private long currentPayloadSize;
    private byte[] payload = ReceiveBuffer.EMPTY;

    // Twisted's _remainingData: the part of the chunk being parsed not yet consumed.
    private byte[] remaining = ReceiveBuffer.EMPTY;
    private int remainingPos;
    private int remainingEnd;
    private boolean busyReceiving;
    private byte[] carry = ReceiveBuffer.EMPTY;

    /** Creates a receiver, ready to parse a length specification. */
    public NetstringReceiver() {
        initialize();
    }

    /** Initializes the parser, then makes the connection. */
    @Override
    public void makeConnection(ITransport transport) {
        super.makeConnection(transport);
        initialize();
    }

    private void initialize() {
        remaining = ReceiveBuffer.EMPTY;
        carry = ReceiveBuffer.EMPTY;
        remainingPos = 0;
        remainingEnd = 0;
        currentPayloadSize = 0;
        payload = ReceiveBuffer.EMPTY;
        state = PARSING_LENGTH;
        expectedPayloadSize = 0;
        resetLength();
        brokenPeer = false;
    }

    /**
     * Sends a netstring: wraps up {@code string} by adding length information and a trailing
     * comma, and writes the result to the transport.
     *
     * @param string the string to send; the necessary framing (length prefix, etc) will be added
     */
    public void sendString(byte[] string) {
        byte[] length = Integer.toString(string.length).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[length.length + string.length + 2];
        System.arraycopy(length, 0, out, 0, length.length);
        out[length.length] = ':';
        System.arraycopy(string, 0, out, length.length + 1, string.length);
        out[out.length - 1] = ',';
        transport.write(out);
    }

    /**
     * Receives some characters of a netstring. Whenever a complete netstring is received, this
     * method extracts its payload and calls {@link #stringReceived} to process it.
     *
     * @param data a chunk of data representing a (possibly partial) netstring
     */
    @Override
    public void dataReceived(byte[] data) {
        if (brokenPeer) {
            return;
        }
        if (busyReceiving) {
            // Called from stringReceived: parse after what the outer call has left.
            int left = remainingEnd - remainingPos;
            byte[] joined = Arrays.copyOfRange(remaining, remainingPos, remainingEnd + data.length);
            System.arraycopy(data, 0, joined, left, data.length);
            setRemainingData(joined);
            return;
        }
        if (carry.length > 0) {
            // Left by a stringReceived that threw: Twisted's _remainingData keeps it too.
            byte[] joined = Arrays.copyOf(carry, carry.length + data.length);
            System.arraycopy(data, 0, joined, carry.length, data.length);
            data = joined;
            carry = ReceiveBuffer.EMPTY;
        }
        setRemainingData(data);
        busyReceiving = true;
        try {
            while (remainingPos < remainingEnd) {
                try {
                    if (!consumeData()) {
                        break;
                    }
                } catch (NetstringParseError e) {
                    handleParseError();
                    break;
                }
            }
        } finally {
            busyReceiving = false;
            if (remainingPos < remainingEnd && !brokenPeer) {
                carry = Arrays.copyOfRange(remaining, remainingPos, remainingEnd);
            }
            setRemainingData(ReceiveBuffer.EMPTY);
        }
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

    /** Returns the string size of {@link #MAX_LENGTH}: {@code ceil(log10(MAX_LENGTH)) + 1}. */
    final int maxLengthSize() {
        return (int) Math.ceil(Math.log10(MAX_LENGTH)) + 1;
    }

    /** Twisted's {@code _remainingData = data}: the bytes the next consume calls parse. */
    final void setRemainingData(byte[] data) {
        remaining = data;
        remainingPos = 0;
        remainingEnd = data.length;
    }

    /** Twisted's {@code _expectedPayloadSize}: the payload size plus one for the comma. */
    final long expectedPayloadSize() {
        return expectedPayloadSize;
    }

    /**
     * Consumes the remaining data: a length specification and/or payload.
     *
     * @return false if more data is needed (Twisted's IncompleteNetstring)
     * @throws NetstringParseError if the received data do not form a valid netstring
     */
    private boolean consumeData() {
        if (state == PARSING_LENGTH) {
            if (!consumeLength()) {
                return false;
            }
            prepareForPayloadConsumption();
        }
        return consumePayload();
    }

    /**
     * Consumes the length portion of the remaining data, Twisted's {@code _consumeLength}: the
     * digits of a partial length specification are kept and checked against MAX_LENGTH.
     *
     * @return true once {@code "<digits>:"} is complete; false if more data is needed
     * @throws NetstringParseError if the data cannot start a netstring, or the length is too big
     */
    final boolean consumeLength() {
        int p = remainingPos;
        while (p < remainingEnd) {
            byte b = remaining[p];
            if (b >= '0' && b <= '9') {
                if (lengthLeadingZero) {
                    // "0" followed by a digit matches neither "(0|[1-9]\d*):" nor "(0|[1-9]\d*)$".
                    throw new NetstringParseError(MISSING_LENGTH);
                }
                if (lengthDigits == 0 && b == '0') {
                    lengthLeadingZero = true;
                }
                if (lengthDigits < 18) {
                    lengthValue = lengthValue * 10 + (b - '0');
                }
                lengthDigits++;
                p++;
            } else if (b == ':' && lengthDigits > 0) {
                remainingPos = p + 1;
                // Expect payload plus trailing comma:
                expectedPayloadSize = extractLength() + 1;
                resetLength();
                return true;
            } else {
                throw new NetstringParseError(MISSING_LENGTH);
            }
        }
        remainingPos = p;
        if (lengthDigits > 0) {
            extractLength();
        }
        return false;
    }

    private void resetLength() {
        lengthDigits = 0;
        lengthValue = 0;
        lengthLeadingZero = false;
    }

    /**
     * Checks the length digits received so far, Twisted's {@code _extractLength}: too many digits
     * are refused before even looking at their value.
     */
    private long extractLength() {
        if (lengthDigits > maxLengthSize() || lengthValue > MAX_LENGTH) {
            throw new NetstringParseError(String.format(TOO_LONG, MAX_LENGTH));
        }
        return lengthValue;
    }

    private void prepareForPayloadConsumption() {
        state = PARSING_PAYLOAD;
        currentPayloadSize = 0;
        payload = ReceiveBuffer.EMPTY;
    }

    /**
     * Consumes the payload portion of the remaining data. If the payload is complete, checks
     * for the trailing comma and processes the payload.
     *
     * @return false if fewer bytes than expected were received so far
     * @throws NetstringParseError if the payload does not end with a comma
     */
    private boolean consumePayload() {
        long needed = expectedPayloadSize - currentPayloadSize;
        int available = remainingEnd - remainingPos;
        if (available < needed) {
            appendPayload(available);
            return false;
        }
        int n = (int) needed;
        byte[] string;
        if (remaining[remainingPos + n - 1] != ',') {
            throw new NetstringParseError(MISSING_COMMA);
        }
        if (currentPayloadSize == 0) {
            string = Arrays.copyOfRange(remaining, remainingPos, remainingPos + n - 1);
            remainingPos += n;
        } else {
            appendPayload(n);
            string = Arrays.copyOf(payload, (int) expectedPayloadSize - 1);
        }
        currentPayloadSize = expectedPayloadSize;
        payload = ReceiveBuffer.EMPTY;
        state = PARSING_LENGTH;
        stringReceived(string);
        return true;
    }

    private void appendPayload(int n) {
        int size = (int) currentPayloadSize;
        if (size + n > payload.length) {
            long capacity = Math.max(Math.max(2L * payload.length, 256L), (long) size + n);
            payload = Arrays.copyOf(payload,
                    (int) Math.min(Math.min(capacity, expectedPayloadSize), Integer.MAX_VALUE - 8));
        }
        System.arraycopy(remaining, remainingPos, payload, size, n);
        remainingPos += n;
        currentPayloadSize += n;
    }

    /**
     * Returns true iff the received data contain at least as many characters as specified in
     * the length section of the netstring; Twisted's {@code _payloadComplete}.
     */
    final boolean payloadComplete() {
        return (remainingEnd - remainingPos) + currentPayloadSize >= expectedPayloadSize;
    }

    /** Terminates the connection and sets the flag {@link #brokenPeer}. */
    private void handleParseError() {
        transport.loseConnection();
        brokenPeer = true;
    }

    /** Returns the parsing state and the bytes of the current netstring received so far. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "{"
                + (brokenPeer ? "broken peer"
                        : state == PARSING_LENGTH ? "parsing length, " + lengthDigits + " digits"
                                : "parsing payload, " + currentPayloadSize + "/" + expectedPayloadSize)
                + "}";
    }
}
