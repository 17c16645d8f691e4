package dev.twj.internet.protocol;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A wrapper around an {@link OutputStream} to make it behave as a transport.
 *
 * <p>This doesn't actually stream the file to the attached protocol, and is thus useful mainly as
 * a utility for debugging protocols.
 *
 * <p>Port of {@code twisted.internet.protocol.FileWrapper}. Where twj differs: it wraps an
 * {@code OutputStream} (Twisted: any file-like object); {@link #getHost()} and {@link #getPeer()}
 * return {@link #FILE_ADDRESS} where Twisted returns the strings {@code "file"} and
 * {@code ("file", "file")} (Twisted's ticket 7820 notes these should be addresses).
 */
public class FileWrapper implements ITransport, IConsumer, IPushProducer {
    /** The address {@link #getHost()} and {@link #getPeer()} report. */
    public static final IAddress FILE_ADDRESS = new IAddress() {
        @Override
        public String toString() {
            return "file";
        }
    };

    /** The wrapped stream. */
    public final OutputStream file;

    /** True once {@link #loseConnection()} was called. */
    public boolean closed;

    /** The registered producer, or null. */
    public IProducer producer;

    /** Whether {@link #producer} is a streaming (push) producer. */
    public boolean streamingProducer;

    /** Wraps {@code file}. */
    public FileWrapper(OutputStream file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Writes {@code data} to the file; a failure is passed to {@link #handleException}. */
    @Override
    public void write(byte[] data) {
        try {
            file.write(data);
        } catch (IOException | RuntimeException e) {
            handleException(e);
        }
    }

    /** Writes the concatenation of {@code iovec}. */
    @Override
    public void writeSequence(Iterable<byte[]> iovec) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] chunk : iovec) {
            joined.writeBytes(Objects.requireNonNull(chunk, "chunk"));
        }
        write(joined.toByteArray());
    }

    /** From {@code abstract.FileDescriptor}: a pull producer is asked for data at once. */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        this.producer = producer;
        this.streamingProducer = streaming;
        if (!streaming && producer instanceof IPullProducer pull) {
            pull.resumeProducing();
        }
    }

    @Override
    public void unregisterProducer() {
        producer = null;
    }

    /** Unregisters the producer and closes the file. */
    public void stopConsuming() {
        unregisterProducer();
        loseConnection();
    }

    /** Closes the file; a failure is passed to {@link #handleException}. */
    @Override
    public void loseConnection() {
        closed = true;
        try {
            file.close();
        } catch (IOException e) {
            handleException(e);
        }
    }

    @Override
    public IAddress getPeer() {
        return FILE_ADDRESS;
    }

    @Override
    public IAddress getHost() {
        return FILE_ADDRESS;
    }

    /** Called with a failure to write or close; does nothing by default, as in Twisted. */
    protected void handleException(Exception e) {}

    /** Never sends data anyway. */
    @Override
    public void resumeProducing() {}

    /** Never sends data anyway. */
    @Override
    public void pauseProducing() {}

    /** Closes the file. */
    @Override
    public void stopProducing() {
        loseConnection();
    }

    @Override
    public String toString() {
        return "FileWrapper{" + file + (closed ? ", closed" : "") + "}";
    }
}
