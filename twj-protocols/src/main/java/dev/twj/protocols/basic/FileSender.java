package dev.twj.protocols.basic;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IPullProducer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * A producer that sends the contents of a file to a consumer. Port of
 * {@code twisted.protocols.basic.FileSender}.
 *
 * <p>This is a helper for protocols that, at some point, will take a file-like object, read its
 * contents, and write them out to the network, optionally performing some transformation on the
 * bytes in between. It registers itself as a pull (non-streaming) producer: each
 * {@link #resumeProducing} writes one chunk of at most {@link #CHUNK_SIZE} bytes.
 *
 * <pre>{@code
 * new FileSender().beginFileTransfer(Files.newInputStream(path), transport, null)
 *         .addCallback(lastByte -> { transport.loseConnection(); return null; });
 * }</pre>
 *
 * <p>Differences from Twisted: the file is an {@link InputStream}, read with
 * {@link InputStream#readNBytes(int)} (so a chunk is short only at the end of the stream), and
 * an {@link IOException} while reading is thrown from {@code resumeProducing} as an
 * {@link UncheckedIOException}. The stream is not closed, as in Twisted.
 */
public class FileSender implements IPullProducer {
    /** The most bytes written per {@link #resumeProducing}: 2**14. */
    public int CHUNK_SIZE = 1 << 14;

    /** The last byte written (empty before any), passed to the Deferred when done. */
    public byte[] lastSent = new byte[0];

    /** The Deferred of the transfer in progress, or null. */
    public Deferred<byte[]> deferred;

    private InputStream file;
    private IConsumer consumer;
    private UnaryOperator<byte[]> transform;

    /** Creates a sender; {@link #beginFileTransfer} starts a transfer. */
    public FileSender() {}

    /**
     * Begins transferring a file.
     *
     * @param file the stream to read data from
     * @param consumer the object to write data to
     * @param transform a function taking one chunk and returning the bytes to write instead, or
     *     null; all bytes read from the file are passed through it before being written to the
     *     consumer
     * @return a Deferred whose callback will be invoked when the file has been completely
     *     written to the consumer; the last byte written to the consumer is passed to the
     *     callback
     */
    public Deferred<byte[]> beginFileTransfer(
            InputStream file, IConsumer consumer, UnaryOperator<byte[]> transform) {
        this.file = file;
        this.consumer = consumer;
        this.transform = transform;
        Deferred<byte[]> d = new Deferred<>();
        this.deferred = d;
        consumer.registerProducer(this, false);
        return d;
    }

    /** Begins transferring a file without transformation. */
    public Deferred<byte[]> beginFileTransfer(InputStream file, IConsumer consumer) {
        return beginFileTransfer(file, consumer, null);
    }

    /**
     * Writes the next chunk to the consumer; at the end of the file, unregisters from the
     * consumer and fires the Deferred with the last byte sent.
     *
     * @throws UncheckedIOException if reading the file fails
     */
    @Override
    public void resumeProducing() {
        byte[] chunk = new byte[0];
        if (file != null) {
            try {
                chunk = file.readNBytes(CHUNK_SIZE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (chunk.length == 0) {
            file = null;
            consumer.unregisterProducer();
            if (deferred != null) {
                Deferred<byte[]> d = deferred;
                deferred = null;
                d.callback(lastSent);
            }
            return;
        }
        if (transform != null) {
            chunk = transform.apply(chunk);
        }
        consumer.write(chunk);
        lastSent = chunk.length == 0 ? chunk : new byte[] {chunk[chunk.length - 1]};
    }

    /** Does nothing: a pull producer only produces when asked. */
    public void pauseProducing() {}

    /**
     * Stops the transfer: the Deferred fails with an Exception "Consumer asked us to stop
     * producing" if the transfer is not complete.
     */
    @Override
    public void stopProducing() {
        if (deferred != null) {
            Deferred<byte[]> d = deferred;
            deferred = null;
            d.errback(new Exception("Consumer asked us to stop producing"));
        }
    }

    /** Returns whether a transfer is in progress. */
    @Override
    public String toString() {
        return "FileSender{" + (deferred != null ? "transferring" : "idle") + "}";
    }
}
