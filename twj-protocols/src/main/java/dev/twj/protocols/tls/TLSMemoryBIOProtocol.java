package dev.twj.protocols.tls;

import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.error.SSLError;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IHandshakeListener;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ISSLTransport;
import dev.twj.internet.interfaces.ITCPTransport;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.python.failure.Failure;
import dev.twj.protocols.policies.ProtocolWrapper;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A protocol wrapper that encrypts the bytes written to it before sending them on to the
 * underlying transport, and decrypts the bytes received from the underlying transport before
 * delivering them to the wrapped protocol. Port of {@code twisted.protocols.tls.TLSMemoryBIOProtocol}.
 *
 * <pre>
 *   transport --ciphertext--> dataReceived --unwrap--> SSLEngine --plaintext--> wrappedProtocol
 *   transport <--ciphertext-- (send BIO) <----wrap--- SSLEngine <----write----- wrappedProtocol
 * </pre>
 *
 * <p>Where Twisted drives a pyOpenSSL {@code Connection} over memory BIOs, twj drives a JSSE
 * {@link SSLEngine} over byte buffers with the same structure: received bytes go into a receive
 * buffer ({@code bio_write}), {@code unwrap} turns them into application bytes ({@code recv}),
 * {@code wrap} turns written bytes into TLS records ({@code send}) that are then written to the
 * transport ({@code bio_read}). Buffers grow on {@code BUFFER_OVERFLOW}; {@code BUFFER_UNDERFLOW}
 * waits for more bytes; delegated tasks run inline, on the reactor thread.
 *
 * <p>Contract, as in Twisted:
 * <ul>
 *   <li>Bytes written before the handshake completes are buffered ({@code _appSendBuffer}) and
 *       sent once it has; a registered producer is paused meanwhile.
 *   <li>{@link #loseConnection} sends close_notify and closes the underlying transport once the
 *       peer answered with its own close_notify (or at once if the handshake had not finished,
 *       which aborts the connection instead); writes after it are dropped.
 *   <li>A TLS failure (handshake failure, untrusted certificate, hostname mismatch, bad record)
 *       closes the connection, and the wrapped protocol's {@code connectionLost} gets a
 *       {@link Failure} whose value is an {@link SSLError} (twj's port of
 *       {@code twisted.internet.error.SSLError}) whose cause is the JSSE {@link SSLException};
 *       Twisted passes pyOpenSSL's {@code SSL.Error} itself. The underlying connection closing
 *       without close_notify (a truncation, or a reset during the handshake) is reported as
 *       {@link ConnectionLost}, as Twisted does.
 *   <li>All methods run on the thread of the transport (the reactor thread); none is
 *       thread-safe.
 * </ul>
 *
 * <p>Differences from Twisted: no ALPN/NPN ({@code negotiatedProtocol}) and no renegotiation
 * control; {@link #getHandle()} returns the {@link SSLEngine}; the wrapper always implements
 * {@link ISSLTransport} rather than copying the transport's interfaces.
 */
public class TLSMemoryBIOProtocol extends ProtocolWrapper implements ISSLTransport {
    private static final int MAX_PLAINTEXT = 1 << 14;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** What {@link #recv} returns when the peer sent close_notify: pyOpenSSL's ZeroReturnError. */
    private static final byte[] ZERO_RETURN = new byte[0];

    private final TLSMemoryBIOFactory tlsFactory;
    private final boolean connectWrapped;
    private SSLEngine tlsConnection;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private List<byte[]> appSendBuffer = new ArrayList<>();
    private Failure reason;
    private boolean handshakeDone;
    private boolean lostTLSConnection;
    private boolean aborted;
    private ProducerMembrane producer;

    /** Creates a wrapper that connects {@code wrappedProtocol} when it is connected. */
    public TLSMemoryBIOProtocol(TLSMemoryBIOFactory factory, IProtocol wrappedProtocol) {
        this(factory, wrappedProtocol, true);
    }

    /**
     * Creates a wrapper.
     *
     * @param connectWrapped whether {@link #makeConnection} calls {@code makeConnection} on the
     *     wrapped protocol: false for the reactor's {@code startTLS}, whose protocol is already
     *     connected (Twisted's {@code _connectWrapped})
     */
    public TLSMemoryBIOProtocol(TLSMemoryBIOFactory factory, IProtocol wrappedProtocol, boolean connectWrapped) {
        super(factory, wrappedProtocol);
        this.tlsFactory = factory;
        this.connectWrapped = connectWrapped;
    }

    /**
     * Returns the {@link SSLEngine} that encrypts and decrypts this connection (Twisted returns
     * the pyOpenSSL {@code Connection}).
     */
    public SSLEngine getHandle() {
        return tlsConnection;
    }

    /** True once the handshake has completed successfully. */
    public boolean handshakeDone() {
        return handshakeDone;
    }

    /**
     * Connects this wrapper to {@code transport}, creates the engine, tells the wrapped protocol
     * (unless told not to), and starts the handshake.
     */
    @Override
    public void makeConnection(ITransport transport) {
        tlsConnection = tlsFactory.createConnection(this);
        int packet = tlsConnection.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocate(packet);
        netOut = ByteBuffer.allocate(packet);
        appIn = ByteBuffer.allocate(tlsConnection.getSession().getApplicationBufferSize());
        appSendBuffer = new ArrayList<>();
        // Twisted skips ProtocolWrapper.makeConnection here: Protocol.makeConnection's work.
        this.connected = true;
        this.transport = transport;
        connectionMade();
        tlsFactory.registerProtocol(this);
        if (connectWrapped) {
            // Now that the TLS layer is initialized, notify the application of the connection.
            wrappedProtocol.makeConnection(this);
        }
        try {
            tlsConnection.beginHandshake();
        } catch (SSLException e) {
            tlsShutdownFinished(new Failure(sslError(e)));
            return;
        }
        checkHandshakeStatus();
    }

    /** Asks the engine to proceed with a handshake in progress. */
    private void checkHandshakeStatus() {
        if (aborted) {
            return;
        }
        boolean done;
        try {
            done = doHandshake();
        } catch (SSLException e) {
            tlsShutdownFinished(new Failure(sslError(e)));
            return;
        }
        flushSendBIO();
        if (!done) {
            return;
        }
        handshakeDone = true;
        if (wrappedProtocol instanceof IHandshakeListener listener) {
            listener.handshakeCompleted();
        }
    }

    /** Drives the handshake; true when it has finished, false when it needs more bytes. */
    private boolean doHandshake() throws SSLException {
        for (int steps = 0; ; steps++) {
            if (steps > 10_000) {
                throw new SSLException("TLS handshake made no progress in " + steps + " steps");
            }
            SSLEngineResult.HandshakeStatus hs = tlsConnection.getHandshakeStatus();
            switch (hs) {
                case NEED_TASK -> runDelegatedTasks();
                case NEED_WRAP -> {
                    SSLEngineResult r = wrap(EMPTY);
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED && r.bytesProduced() == 0) {
                        throw new SSLException("TLS engine closed during the handshake");
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    SSLEngineResult r = unwrap();
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        return false;
                    }
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("peer closed TLS during the handshake");
                    }
                    if (r.bytesConsumed() == 0 && r.bytesProduced() == 0
                            && tlsConnection.getHandshakeStatus() == hs) {
                        return false;
                    }
                }
                default -> {
                    return true;
                }
            }
        }
    }

    private void runDelegatedTasks() {
        Runnable task;
        while ((task = tlsConnection.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + atLeast));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }

    /** Encrypts {@code src} into the send buffer, growing it on BUFFER_OVERFLOW. */
    private SSLEngineResult wrap(ByteBuffer src) throws SSLException {
        while (true) {
            SSLEngineResult r = tlsConnection.wrap(src, netOut);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = grow(netOut, tlsConnection.getSession().getPacketBufferSize());
                continue;
            }
            if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
            }
            return r;
        }
    }

    /** Decrypts from the receive buffer into {@link #appIn}, growing it on BUFFER_OVERFLOW. */
    private SSLEngineResult unwrap() throws SSLException {
        netIn.flip();
        try {
            while (true) {
                SSLEngineResult r = tlsConnection.unwrap(netIn, appIn);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    appIn = grow(appIn, tlsConnection.getSession().getApplicationBufferSize());
                    continue;
                }
                if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runDelegatedTasks();
                }
                return r;
            }
        } finally {
            netIn.compact();
        }
    }

    /**
     * Returns decrypted application bytes, null if more bytes from the peer are needed, or
     * {@link #ZERO_RETURN} if the peer closed TLS. pyOpenSSL's {@code Connection.recv}.
     */
    private byte[] recv() throws SSLException {
        while (true) {
            if (appIn.position() > 0) {
                byte[] data = Arrays.copyOf(appIn.array(), appIn.position());
                appIn.clear();
                return data;
            }
            if (tlsConnection.isInboundDone()) {
                return ZERO_RETURN;
            }
            SSLEngineResult r = unwrap();
            switch (r.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    return null;
                }
                case CLOSED -> {
                    if (appIn.position() == 0) {
                        return ZERO_RETURN;
                    }
                }
                default -> {
                    // Post-handshake messages (session tickets, key updates, renegotiation)
                    // may need an answer.
                    while (tlsConnection.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP
                            && !tlsConnection.isOutboundDone()) {
                        if (wrap(EMPTY).bytesProduced() == 0) {
                            break;
                        }
                    }
                    if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                        return null;
                    }
                }
            }
        }
    }

    /** Writes any bytes in the send buffer to the underlying transport. */
    private void flushSendBIO() {
        if (netOut == null || netOut.position() == 0) {
            return;
        }
        byte[] bytes = Arrays.copyOf(netOut.array(), netOut.position());
        netOut.clear();
        transport.write(bytes);
    }

    /**
     * Receives the application bytes made available by the bytes just received, delivers them
     * to the wrapped protocol, and sends whatever the engine wants to send in return.
     */
    private void flushReceiveBIO() {
        while (!lostTLSConnection) {
            byte[] bytes;
            try {
                bytes = recv();
            } catch (SSLException e) {
                // Something went pretty wrong (a bad record, a failed renegotiation): TLS can
                // no longer proceed.
                tlsShutdownFinished(new Failure(sslError(e)));
                break;
            }
            if (bytes == null) {
                break;
            }
            if (bytes == ZERO_RETURN) {
                // TLS has shut down and no more TLS data will be received: reply, and let the
                // reason come from the underlying transport.
                shutdownTLS();
                tlsShutdownFinished(null);
                break;
            }
            if (!aborted && wrappedProtocol != null) {
                super.dataReceived(bytes);
            }
        }
        flushSendBIO();
    }

    /**
     * Delivers received bytes to the engine and then reads and delivers to the application any
     * application bytes that become available as a result.
     */
    @Override
    public void dataReceived(byte[] data) {
        if (netIn.remaining() < data.length) {
            netIn = grow(netIn, data.length);
        }
        netIn.put(data);
        if (!handshakeDone) {
            checkHandshakeStatus();
            if (!handshakeDone) {
                return;
            }
        }
        if (!appSendBuffer.isEmpty()) {
            unbufferPendingWrites();
        }
        flushReceiveBIO();
    }

    /** Initiates, or replies to, the shutdown handshake of the TLS layer (close_notify). */
    private void shutdownTLS() {
        boolean shutdownSuccess;
        try {
            tlsConnection.closeOutbound();
            while (!tlsConnection.isOutboundDone()) {
                if (wrap(EMPTY).bytesProduced() == 0) {
                    break;
                }
            }
            shutdownSuccess = tlsConnection.isInboundDone();
        } catch (SSLException e) {
            shutdownSuccess = false;
        }
        flushSendBIO();
        if (shutdownSuccess) {
            // Both sides have shut down: close the lower-level transport.
            transport.loseConnection();
        }
    }

    /** Sends any alert the engine has queued after a failure; never throws. */
    private void sendPendingAlerts() {
        try {
            for (int i = 0; i < 8 && tlsConnection.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP
                    && !tlsConnection.isOutboundDone(); i++) {
                if (wrap(EMPTY).bytesProduced() == 0) {
                    break;
                }
            }
        } catch (SSLException | RuntimeException e) {
            // The alert is a courtesy; the connection is going away regardless.
        }
    }

    /**
     * Called when the TLS connection has gone away; tells the underlying transport to
     * disconnect.
     *
     * @param reason the failure to report to the wrapped protocol, or null to report the one
     *     of the underlying transport
     */
    void tlsShutdownFinished(Failure reason) {
        if (this.reason == null) {
            this.reason = reason;
        }
        lostTLSConnection = true;
        // Send any alert about the nature of the shutdown (why a handshake failed) first.
        sendPendingAlerts();
        flushSendBIO();
        transport.loseConnection();
    }

    /** Wraps a JSSE exception as the named twj error this layer reports. */
    static SSLError sslError(SSLException e) {
        SSLError error = new SSLError(null, String.valueOf(e.getMessage()));
        error.initCause(e);
        return error;
    }

    /**
     * Handles the possible repetition of calls to this method (due to either the underlying
     * transport going away or an error at the TLS layer) and makes sure the wrapped protocol is
     * told only once.
     */
    @Override
    public void connectionLost(Failure reason) {
        if (!lostTLSConnection) {
            // Tell the engine no more data is coming, and give it a chance to finish reading.
            flushReceiveBIO();
            if (!lostTLSConnection) {
                try {
                    tlsConnection.closeInbound();
                } catch (SSLException e) {
                    // The peer went away without close_notify: squash this EOF in violation of
                    // the TLS protocol into ConnectionLost, as Twisted does.
                    if (this.reason == null) {
                        ConnectionLost lost = new ConnectionLost("TLS connection closed without close_notify");
                        lost.initCause(e);
                        this.reason = new Failure(lost);
                    }
                }
            }
            lostTLSConnection = true;
        }
        Failure r = this.reason != null ? this.reason : reason;
        this.reason = null;
        this.connected = false;
        if (wrappedProtocol != null) {
            super.connectionLost(r);
        }
    }

    /** Sends a TLS close alert and closes the underlying connection. */
    @Override
    public void loseConnection() {
        if (disconnecting || !connected) {
            return;
        }
        // Before the handshake has finished no clean shutdown is possible: abort instead.
        if (!handshakeDone && appSendBuffer.isEmpty()) {
            abortConnection();
        }
        disconnecting = true;
        if (appSendBuffer.isEmpty() && producer == null) {
            shutdownTLS();
        }
    }

    /**
     * Tears down TLS state so that if the connection is aborted mid-handshake no further data
     * reaches the application, and aborts the underlying transport (or loses it, if it cannot
     * abort).
     */
    @Override
    public void abortConnection() {
        aborted = true;
        disconnecting = true;
        shutdownTLS();
        if (transport instanceof ITCPTransport tcp) {
            tcp.abortConnection();
        } else {
            transport.loseConnection();
        }
    }

    /**
     * Aborts the connection during setup, reporting {@code reason} (why certificate
     * verification failed) to the wrapped protocol's {@code connectionLost}.
     */
    public void failVerification(Failure reason) {
        this.reason = reason;
        abortConnection();
    }

    /**
     * Encrypts {@code data} and sends the resulting TLS records. Writes after
     * {@link #loseConnection} are dropped, unless a producer is still registered.
     */
    @Override
    public void write(byte[] data) {
        if (disconnecting && producer == null) {
            return;
        }
        doWrite(data);
    }

    private void bufferedWrite(byte[] octets) {
        appSendBuffer.add(octets);
        if (producer != null) {
            producer.pauseProducing();
        }
    }

    private void unbufferPendingWrites() {
        List<byte[]> pendingWrites = appSendBuffer;
        appSendBuffer = new ArrayList<>();
        for (byte[] each : pendingWrites) {
            doWrite(each);
        }
        if (!appSendBuffer.isEmpty()) {
            // Writes were buffered again: nothing more to consider now.
            return;
        }
        if (producer != null) {
            // A registered producer may send again.
            producer.resumeProducing();
            return;
        }
        if (disconnecting) {
            // No buffered data left, no producer to send more, and the application wanted the
            // stream ended: initiate the TLS shutdown.
            shutdownTLS();
        }
    }

    /**
     * Encrypts and sends {@code data}, regardless of disconnection (buffered writes are sent
     * after {@code loseConnection}). Twisted's {@code _write}.
     */
    private void doWrite(byte[] data) {
        if (lostTLSConnection) {
            return;
        }
        int alreadySent = 0;
        while (alreadySent < data.length) {
            int sent;
            try {
                sent = send(data, alreadySent, Math.min(MAX_PLAINTEXT, data.length - alreadySent));
            } catch (SSLException e) {
                // Pretend the TLS connection disconnected, which disconnects the underlying
                // transport; the error reaches the wrapped protocol's connectionLost.
                tlsShutdownFinished(new Failure(sslError(e)));
                break;
            }
            if (sent < 0) {
                // Want read: the handshake (or a renegotiation) has to progress first.
                bufferedWrite(Arrays.copyOfRange(data, alreadySent, data.length));
                break;
            }
            alreadySent += sent;
            flushSendBIO();
        }
    }

    /** Encrypts up to one record of plain text; returns the bytes taken, or -1 for want-read. */
    private int send(byte[] data, int offset, int length) throws SSLException {
        if (!handshakeDone) {
            return -1;
        }
        SSLEngineResult r = wrap(ByteBuffer.wrap(data, offset, length));
        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new SSLException("TLS connection closed for writing");
        }
        return r.bytesConsumed() == 0 ? -1 : r.bytesConsumed();
    }

    /** Joins {@code iovec} and writes it as one piece. */
    @Override
    public void writeSequence(Iterable<byte[]> iovec) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] b : iovec) {
            out.writeBytes(b);
        }
        write(out.toByteArray());
    }

    /** Returns the peer's certificate, or null if it sent none or the handshake is not done. */
    @Override
    public Certificate getPeerCertificate() {
        if (tlsConnection == null || !handshakeDone) {
            return null;
        }
        try {
            Certificate[] chain = tlsConnection.getSession().getPeerCertificates();
            return chain.length == 0 ? null : chain[0];
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /**
     * Registers {@code producer} with the underlying transport through a membrane, so that the
     * TLS layer can pause it too; a pull producer is turned into a streaming one.
     */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        // If we've already disconnected, nothing to do here.
        if (lostTLSConnection) {
            producer.stopProducing();
            return;
        }
        IPushProducer push;
        PullToPush pullToPush = null;
        if (!streaming) {
            if (!(producer instanceof IPullProducer pull)) {
                throw new IllegalArgumentException("non-streaming producer " + producer + " is not an IPullProducer");
            }
            pullToPush = new PullToPush(pull, this);
            push = pullToPush;
        } else if (producer instanceof IPushProducer p) {
            push = p;
        } else {
            throw new IllegalArgumentException("streaming producer " + producer + " is not an IPushProducer");
        }
        ProducerMembrane membrane = new ProducerMembrane(push);
        // This throws if a producer is already registered.
        consumer().registerProducer(membrane, true);
        this.producer = membrane;
        if (pullToPush != null) {
            pullToPush.startStreaming();
        }
    }

    /** Unregisters the producer; a pending {@link #loseConnection} then proceeds. */
    @Override
    public void unregisterProducer() {
        if (producer == null) {
            return;
        }
        if (producer.producer instanceof PullToPush p) {
            p.stopStreaming();
        }
        producer = null;
        consumer().unregisterProducer();
        if (disconnecting && appSendBuffer.isEmpty()) {
            shutdownTLS();
        }
    }

    /** The registered producer, or null: for tests. */
    IPushProducer producer() {
        return producer;
    }

    private IConsumer consumer() {
        if (!(transport instanceof IConsumer c)) {
            throw new UnsupportedOperationException("transport " + transport + " is not an IConsumer");
        }
        return c;
    }

    @Override
    public String toString() {
        return "TLSMemoryBIOProtocol{wrapping " + wrappedProtocol + (handshakeDone ? ", handshake done" : "")
                + (lostTLSConnection ? ", lost" : "") + "}";
    }
}
