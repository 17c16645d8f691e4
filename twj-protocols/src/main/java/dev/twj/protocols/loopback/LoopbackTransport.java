package dev.twj.protocols.loopback;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.ITransport;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * The transport of each side of a {@link Loopback#loopbackAsync} connection: writes go to a
 * {@link LoopbackQueue}. Port of {@code twisted.protocols.loopback._LoopbackTransport}.
 */
final class LoopbackTransport implements ITransport, IConsumer {
    final LoopbackQueue q;
    boolean disconnecting;

    /** Returns the {@code disconnecting} field. */
    @Override
    public boolean disconnecting() {
        return disconnecting;
    }
    IProducer producer;
    boolean streamingProducer;

    LoopbackTransport(LoopbackQueue q) {
        this.q = q;
    }

    @Override
    public void write(byte[] data) {
        Objects.requireNonNull(data, "data: can only write bytes to ITransport");
        q.put(data);
    }

    @Override
    public void writeSequence(Iterable<byte[]> iovec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk : iovec) {
            out.writeBytes(chunk);
        }
        q.put(out.toByteArray());
    }

    @Override
    public void loseConnection() {
        q.disconnect = true;
        q.put(null);
    }

    /** Aborts the connection. Same as {@link #loseConnection}. */
    public void abortConnection() {
        loseConnection();
    }

    @Override
    public IAddress getPeer() {
        return new LoopbackAddress();
    }

    @Override
    public IAddress getHost() {
        return new LoopbackAddress();
    }

    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        if (this.producer != null) {
            throw new IllegalStateException("a producer is already registered: " + this.producer);
        }
        this.producer = producer;
        this.streamingProducer = streaming;
        pollProducer();
    }

    @Override
    public void unregisterProducer() {
        if (producer == null) {
            throw new IllegalStateException("no producer is registered");
        }
        producer = null;
    }

    void pollProducer() {
        if (producer != null && !streamingProducer) {
            Loopback.resume(producer);
        }
    }
}
