package dev.twj.internet.testing;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITCPTransport;
import dev.twj.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One end of an in-memory connection: buffers what its protocol writes until an {@link IOPump}
 * takes it ({@link #getOutBuffer}) and delivers it to the other end ({@link #bufferReceived}).
 * Port of {@code twisted.test.iosim.FakeTransport}.
 *
 * <p>Twisted's docstring: a wrapper around a file-like object to make it behave as a transport.
 * This doesn't actually stream the file to the attached protocol, and is thus useful mainly as a
 * utility for debugging protocols.
 *
 * <h2>Contract, as in Twisted</h2>
 * <ul>
 *   <li>Writes after {@link #loseConnection} or {@link #abortConnection} are accepted and
 *       silently dropped (unlike {@link StringTransport}, which keeps them).
 *   <li>{@link #abortConnection} is the same as {@link #loseConnection}: no buffered data is lost,
 *       and the protocols are told {@link #disconnectReason}, a {@link ConnectionDone} unless a
 *       test sets another reason (for example {@code ConnectionAborted} on the aborting side and
 *       {@code ConnectionLost} on its peer, as a real TCP transport would report).
 *   <li>A pull producer ({@code streaming} false) is resumed when registered and then once by
 *       every {@link IOPump#pump}; a push producer is never paused or resumed by this transport.
 *       Registering a second producer replaces the first without complaint; a pending producer
 *       does not delay the disconnection.
 *   <li>As a push producer itself, this transport ignores {@link #pauseProducing} and
 *       {@link #resumeProducing} ("never sends data anyways"): the pump delivers regardless.
 *   <li>The {@code ITCPTransport} options do nothing: the getters return false where Twisted's
 *       return None, and {@link #loseWriteConnection} is a no-op.
 * </ul>
 *
 * <p>Differences from Twisted: the fake TLS is left out ({@code startTLS}, the {@code tls} and
 * {@code tlsbuf} attributes, {@code TLSNegotiation} and the {@code ISSLTransport} it provides once
 * "negotiated"): twj's TLS is real TLS over JSSE (twj-protocols' {@code TLSMemoryBIOProtocol},
 * reached through {@code dev.twj.internet.tcp.Connection#startTLS}), and Twisted's fake negotiation
 * compares pyOpenSSL certificate objects that have no JSSE counterpart; tests needing TLS in memory
 * wrap the protocols in a {@code TLSMemoryBIOFactory} over this transport (as Twisted's
 * {@code DeterministicTLSMemoryBIOTests} do) or use real TCP. {@link #connected} is Java-only:
 * Twisted's FakeTransport has no {@code connected} attribute; it is false once
 * {@link #reportDisconnect} has told the protocol, so {@link Testing#waitUntilAllDisconnected}
 * can read it. Twisted's unused {@code closed} attribute is left out.
 *
 * <p>Not final: tests extend it, as Twisted's conch tests do with an {@code AbortableFakeTransport}
 * that records {@code abortConnection}; pass such a subclass through the transport factories of
 * {@link IOSim#connectedServerAndClient(java.util.function.Supplier, java.util.function.Supplier,
 * java.util.function.Function, java.util.function.Function, boolean, boolean,
 * dev.twj.internet.task.Clock)}.
 */
public class FakeTransport implements ITCPTransport, IConsumer, IPushProducer, ILoggingContext {
    private static final AtomicInteger NEXT_SERIAL = new AtomicInteger();

    /** The protocol this transport delivers bytes to. */
    public final IProtocol protocol;

    /** True if this is the accepting side of the connection, false for the connecting side. */
    public final boolean isServer;

    /** A number that identifies this transport, unique among all FakeTransports. */
    public final int serial;

    /** The writes not yet taken by {@link #getOutBuffer}, in order. */
    public List<byte[]> stream = new ArrayList<>();

    /** Set by {@link #loseConnection} and {@link #abortConnection}, or by the pump when the peer goes. */
    public boolean disconnecting;

    /** Returns the {@code disconnecting} field. */
    @Override
    public boolean disconnecting() {
        return disconnecting;
    }

    /** Set by the pump once it has reported this side's disconnection to the peer. */
    public boolean disconnected;

    /** Java-only: true until {@link #reportDisconnect} tells the protocol the connection is lost. */
    public boolean connected = true;

    /** The reason {@link #reportDisconnect} gives the protocol: {@code ConnectionDone("Connection done")}. */
    public Throwable disconnectReason = new ConnectionDone("Connection done");

    /** The registered producer, or null. */
    public IProducer producer;

    /** Whether the registered producer is a streaming (push) producer. */
    public boolean streamingProducer;

    /** Returned by {@link #getHost}. */
    public IAddress hostAddress;

    /** Returned by {@link #getPeer}. */
    public IAddress peerAddress;

    /**
     * Creates a transport with a new {@link FakeAddress} for its host and its peer.
     *
     * @param protocol this transport will deliver bytes to this protocol
     * @param isServer true if this is the accepting side of the connection, false if it is the
     *     connecting side
     */
    public FakeTransport(IProtocol protocol, boolean isServer) {
        this(protocol, isServer, null, null);
    }

    /**
     * Creates a transport.
     *
     * @param protocol this transport will deliver bytes to this protocol
     * @param isServer true if this is the accepting side of the connection, false if it is the
     *     connecting side
     * @param hostAddress the value to return from {@link #getHost}; null results in a new
     *     {@link FakeAddress} being created to use as the value
     * @param peerAddress the value to return from {@link #getPeer}; null results in a new
     *     {@link FakeAddress} being created to use as the value
     */
    public FakeTransport(IProtocol protocol, boolean isServer, IAddress hostAddress, IAddress peerAddress) {
        this.protocol = protocol;
        this.isServer = isServer;
        this.serial = NEXT_SERIAL.getAndIncrement();
        this.hostAddress = hostAddress == null ? new FakeAddress() : hostAddress;
        this.peerAddress = peerAddress == null ? new FakeAddress() : peerAddress;
    }

    /** Returns {@code FakeTransport<S,serial,ProtocolClass>} ({@code C} for a client), as Twisted. */
    @Override
    public String toString() {
        return "FakeTransport<" + (isServer ? "S" : "C") + "," + serial + ","
                + (protocol == null ? "null" : protocol.getClass().getSimpleName()) + ">";
    }

    /** Buffers {@code data} for the pump; drops it if this transport is disconnecting. */
    @Override
    public void write(byte[] data) {
        Objects.requireNonNull(data, "data");
        // If transport is closed, we should accept writes but drop the data.
        if (disconnecting) {
            return;
        }
        stream.add(data.clone());
    }

    /** Writes the concatenation of {@code data}, as one {@link #write}. */
    @Override
    public void writeSequence(Iterable<byte[]> data) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] chunk : data) {
            joined.writeBytes(chunk);
        }
        write(joined.toByteArray());
    }

    /**
     * Called by the pump at "idle" times so that producers are found and dealt with: resumes a
     * registered pull producer. Twisted's {@code _checkProducer}.
     */
    void checkProducer() {
        // Cheating; this is called at "idle" times to allow producers to be found and dealt with.
        if (producer != null && !streamingProducer) {
            resumeProducer();
        }
    }

    private void resumeProducer() {
        if (producer instanceof IPullProducer pull) {
            pull.resumeProducing();
        } else if (producer instanceof IPushProducer push) {
            push.resumeProducing();
        } else {
            throw new IllegalStateException(
                    "producer " + producer + " registered with streaming=false has no resumeProducing");
        }
    }

    /**
     * Registers a producer, replacing any other; a pull producer ({@code streaming} false) is
     * resumed at once. From Twisted's {@code abstract.FileDescriptor}.
     */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        this.producer = producer;
        this.streamingProducer = streaming;
        if (!streaming) {
            resumeProducer();
        }
    }

    /** Forgets the registered producer, if any. */
    @Override
    public void unregisterProducer() {
        producer = null;
    }

    /** Unregisters the producer and loses the connection. */
    public void stopConsuming() {
        unregisterProducer();
        loseConnection();
    }

    /** Marks this transport disconnecting; the pump then tells both protocols. */
    @Override
    public void loseConnection() {
        disconnecting = true;
    }

    /**
     * For the time being, this is the same as {@link #loseConnection}; no buffered data will be
     * lost, and the reason reported is {@link #disconnectReason}.
     */
    @Override
    public void abortConnection() {
        disconnecting = true;
    }

    /**
     * Tells the protocol the connection is lost, with {@link #disconnectReason}, and (Java-only)
     * clears {@link #connected}.
     */
    public void reportDisconnect() {
        connected = false;
        protocol.connectionLost(new Failure(disconnectReason));
    }

    /** Identifies this transport to the logging system: {@code "iosim"}. */
    @Override
    public String logPrefix() {
        return "iosim";
    }

    @Override
    public IAddress getPeer() {
        return peerAddress;
    }

    @Override
    public IAddress getHost() {
        return hostAddress;
    }

    /** Does nothing: this transport never sends data anyway. */
    @Override
    public void resumeProducing() {}

    /** Does nothing: this transport never sends data anyway. */
    @Override
    public void pauseProducing() {}

    /** Loses the connection. */
    @Override
    public void stopProducing() {
        loseConnection();
    }

    /**
     * Gets the pending writes from this transport, clearing them from the pending buffer.
     *
     * @return the bytes written with {@link #write}, or null if there are none
     */
    public byte[] getOutBuffer() {
        if (stream.isEmpty()) {
            return null;
        }
        List<byte[]> s = stream;
        stream = new ArrayList<>();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] chunk : s) {
            joined.writeBytes(chunk);
        }
        return joined.toByteArray();
    }

    /** Delivers {@code buf}, read from the other end, to the protocol. */
    public void bufferReceived(byte[] buf) {
        protocol.dataReceived(buf);
    }

    /** Does nothing (ITCPTransport.getTcpKeepAlive); returns false where Twisted returns None. */
    @Override
    public boolean getTcpKeepAlive() {
        return false;
    }

    /** Does nothing (ITCPTransport.getTcpNoDelay); returns false where Twisted returns None. */
    @Override
    public boolean getTcpNoDelay() {
        return false;
    }

    /** Does nothing (ITCPTransport.loseWriteConnection). */
    @Override
    public void loseWriteConnection() {}

    /** Does nothing (ITCPTransport.setTcpKeepAlive). */
    @Override
    public void setTcpKeepAlive(boolean enabled) {}

    /** Does nothing (ITCPTransport.setTcpNoDelay). */
    @Override
    public void setTcpNoDelay(boolean enabled) {}
}
