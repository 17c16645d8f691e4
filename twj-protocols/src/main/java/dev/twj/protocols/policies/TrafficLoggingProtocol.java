package dev.twj.protocols.policies;

import dev.twj.internet.interfaces.IProtocol;
import dev.twj.logger.Format;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A wrapper that writes a line to a log file for each event of its connection. Port of
 * {@code twisted.protocols.policies.TrafficLoggingProtocol}.
 *
 * <p>The lines are {@code *} (connection made), {@code C n: b'...'} (data received),
 * {@code S n: b'...'} (data written), {@code SV n: [b'...', ...]} (writeSequence),
 * {@code S n: *} (loseConnection) and {@code C n: <Failure ...>} (connection lost), where
 * {@code n} is the connection's number; each line is flushed at once.
 *
 * <p>Difference from Twisted: an elided chunk is the first {@code lengthLimit - 12} bytes followed
 * by the bytes of {@code "<... elided>"} (Twisted adds a str to bytes there, a TypeError on
 * Python 3).
 */
public class TrafficLoggingProtocol extends ProtocolWrapper {
    /** The file the lines are written to. */
    public final Writer logfile;

    /** The longest chunk logged in full, or null for no limit. */
    public final Integer lengthLimit;

    private final int number;

    /**
     * Creates a logging wrapper.
     *
     * @param factory factory which created this protocol
     * @param wrappedProtocol the underlying protocol
     * @param logfile file opened for writing used to write log messages
     * @param lengthLimit maximum size of the data logged, or null
     * @param number identifier of the connection
     */
    public TrafficLoggingProtocol(
            WrappingFactory factory, IProtocol wrappedProtocol, Writer logfile, Integer lengthLimit, int number) {
        super(factory, wrappedProtocol);
        this.logfile = logfile;
        this.lengthLimit = lengthLimit;
        this.number = number;
    }

    private void log(String line) {
        try {
            logfile.write(line + "\n");
            logfile.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] mungeData(byte[] data) {
        if (lengthLimit != null && lengthLimit != 0 && data.length > lengthLimit) {
            byte[] head = Arrays.copyOf(data, Math.max(lengthLimit - 12, 0));
            byte[] tail = "<... elided>".getBytes(StandardCharsets.US_ASCII);
            byte[] out = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, out, head.length, tail.length);
            return out;
        }
        return data;
    }

    // IProtocol

    /** Logs {@code *}. */
    @Override
    public void connectionMade() {
        log("*");
        super.connectionMade();
    }

    /** Logs {@code C n: b'...'} and passes the data on. */
    @Override
    public void dataReceived(byte[] data) {
        log("C " + number + ": " + Format.repr(mungeData(data)));
        super.dataReceived(data);
    }

    /** Logs {@code C n: <Failure ...>} and passes the loss on. */
    @Override
    public void connectionLost(Failure reason) {
        log("C " + number + ": " + reason);
        super.connectionLost(reason);
    }

    // ITransport

    /** Logs {@code S n: b'...'} and writes the data. */
    @Override
    public void write(byte[] data) {
        log("S " + number + ": " + Format.repr(mungeData(data)));
        super.write(data);
    }

    /** Logs {@code SV n: [b'...', ...]} and writes the data. */
    @Override
    public void writeSequence(Iterable<byte[]> iovec) {
        List<byte[]> munged = new ArrayList<>();
        for (byte[] d : iovec) {
            munged.add(mungeData(d));
        }
        log("SV " + number + ": " + Format.repr(munged));
        super.writeSequence(iovec);
    }

    /** Logs {@code S n: *} and closes the connection. */
    @Override
    public void loseConnection() {
        log("S " + number + ": *");
        super.loseConnection();
    }
}
