package dev.twj.internet.testing;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITransport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A transport that buffers data in memory and keeps track of its other state without providing
 * any behaviour. Port of {@code twisted.internet.testing.StringTransport}.
 *
 * <p>Its public fields are not part of any interface it implements; they are for tests, and
 * other transports do not have them:
 *
 * <pre>{@code
 * StringTransport transport = new StringTransport();
 * protocol.makeConnection(transport);
 * protocol.dataReceived("hello\r\n".getBytes(US_ASCII));
 * assertArrayEquals("HELLO\r\n".getBytes(US_ASCII), transport.value());
 * }</pre>
 */
public class StringTransport implements ITransport, IConsumer, IPushProducer {
    /** False until {@link #loseConnection} is called, then true. */
    public boolean disconnecting;

    /** Returns the {@code disconnecting} field. */
    @Override
    public boolean disconnecting() {
        return disconnecting;
    }

    /** False until {@link #abortConnection} is called, then true. */
    public boolean disconnected;

    /** True until a subclass disconnects the protocol ({@link StringTransportWithDisconnection}). */
    public boolean connected = true;

    /** The registered producer, or null. */
    public IProducer producer;

    /** If a producer is registered, whether it is streaming; else null. */
    public Boolean streaming;

    /** Returned by {@link #getHost} when not null. */
    public IAddress hostAddr;

    /** Returned by {@link #getPeer} when not null. */
    public IAddress peerAddr;

    /** This transport's state as a push producer: "producing", "paused" or "stopped". */
    public String producerState = "producing";

    private final boolean lenient;
    private ByteArrayOutputStream io = new ByteArrayOutputStream();

    /** Creates a transport with the default addresses. */
    public StringTransport() {
        this(null, null, false);
    }

    /**
     * Creates a transport.
     *
     * @param hostAddress returned by getHost, or null for {@code 10.0.0.1:12345}
     * @param peerAddress returned by getPeer, or null for {@code 192.168.1.1:54321}
     * @param lenient if true, {@code resumeProducing} after {@code loseConnection} is allowed
     */
    public StringTransport(IAddress hostAddress, IAddress peerAddress, boolean lenient) {
        this.hostAddr = hostAddress;
        this.peerAddr = peerAddress;
        this.lenient = lenient;
    }

    /** Discards all data written so far. A test method, not a transport one. */
    public void clear() {
        io = new ByteArrayOutputStream();
    }

    /** Returns all data written since the last {@link #clear}. A test method. */
    public byte[] value() {
        return io.toByteArray();
    }

    /** Returns {@link #value} decoded as UTF-8: a convenience for text protocols. */
    public String valueString() {
        return io.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void write(byte[] data) {
        Objects.requireNonNull(data, "data");
        io.writeBytes(data);
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        for (byte[] chunk : data) {
            write(chunk);
        }
    }

    /** Closes the connection: only sets {@link #disconnecting}. */
    @Override
    public void loseConnection() {
        disconnecting = true;
    }

    /** Aborts the connection: sets {@link #disconnected}, then as {@link #loseConnection}. */
    public void abortConnection() {
        disconnected = true;
        loseConnection();
    }

    @Override
    public IAddress getPeer() {
        return peerAddr == null ? new IPv4Address("TCP", "192.168.1.1", 54321) : peerAddr;
    }

    @Override
    public IAddress getHost() {
        return hostAddr == null ? new IPv4Address("TCP", "10.0.0.1", 12345) : hostAddr;
    }

    /** @throws IllegalStateException if a producer is already registered (Twisted's RuntimeError) */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        if (this.producer != null) {
            throw new IllegalStateException("Cannot register two producers");
        }
        this.producer = producer;
        this.streaming = streaming;
    }

    /** @throws IllegalStateException if no producer is registered (Twisted's RuntimeError) */
    @Override
    public void unregisterProducer() {
        if (producer == null) {
            throw new IllegalStateException("Cannot unregister a producer unless one is registered");
        }
        producer = null;
        streaming = null;
    }

    private void checkState() {
        if (disconnecting && !lenient) {
            throw new IllegalStateException("Cannot resume producing after loseConnection");
        }
        if ("stopped".equals(producerState)) {
            throw new IllegalStateException("Cannot resume a stopped producer");
        }
    }

    @Override
    public void pauseProducing() {
        checkState();
        producerState = "paused";
    }

    @Override
    public void stopProducing() {
        producerState = "stopped";
    }

    @Override
    public void resumeProducing() {
        checkState();
        producerState = "producing";
    }
}
