package dev.twj.internet.tcp;

import dev.twj.internet.Main;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.error.ConnectionAborted;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.interfaces.IHalfCloseableDescriptor;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IHalfCloseableProtocol;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ISSLTransport;
import dev.twj.internet.interfaces.ITCPTransport;
import dev.twj.internet.interfaces.ITLSTransport;
import dev.twj.internet.internal.TLSSupport;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;

/**
 * A TCP connection over a non-blocking {@link SocketChannel}: the {@link ITCPTransport} of one
 * protocol. Port of Twisted's {@code twisted.internet.tcp.Connection}.
 *
 * <p>Reads go into one reusable 64 KiB direct buffer per reactor thread, and writes go out
 * through it, at most 64 KiB per system call; the protocol's {@code dataReceived} gets a copy of
 * the bytes read. The connection is lost with
 * {@link ConnectionDone} when closed cleanly (by either side), {@link ConnectionLost} on a reset
 * or I/O error, and {@link ConnectionAborted} after {@link #abortConnection}. When the peer
 * closes its side and the protocol is an {@link IHalfCloseableProtocol}, its
 * {@code readConnectionLost} is called instead and the connection stays open for writing.
 *
 * <p>{@link #startTLS} inserts a TLS layer ({@code dev.twj.protocols.tls.TLSMemoryBIOProtocol},
 * reached through a service of twj-protocols) between this transport and its protocol, as
 * Twisted's {@code twisted.internet._newtls} does: afterwards {@link #write},
 * {@link #loseConnection} and the producer calls go through the layer, and
 * {@link #getPeerCertificate} answers. Difference from Twisted: the connection is an
 * {@link ISSLTransport} from the start (Java cannot add an interface later);
 * {@link #getPeerCertificate} returns null until TLS has started and its handshake finished.
 */
public abstract class Connection extends FileDescriptor
        implements ITCPTransport, ITLSTransport, ISSLTransport, IHalfCloseableDescriptor {
    private static final Logger log = new Logger(Connection.class);
    // One direct buffer per reactor thread for reads and writes: the socket reads into it and
    // writes from it without the JDK's temporary direct buffers. It holds data only inside
    // doRead (until dataReceived gets its copy) and inside a write, which never overlap.
    // An anonymous class, not withInitial(lambda): no lambda class spun on the first read.
    private static final ThreadLocal<ByteBuffer> IO_BUFFER = new ThreadLocal<>() {
        @Override
        protected ByteBuffer initialValue() {
            return ByteBuffer.allocateDirect(1 << 16);
        }
    };

    /** The socket of this connection. */
    protected SocketChannel socket;
    /** The protocol this transport delivers to; null once the connection is lost. */
    protected IProtocol protocol;

    private boolean aborting;
    private boolean readDisconnected;
    /** The TLS layer once {@link #startTLS} was called: Twisted's {@code TLS} flag. */
    private ISSLTransport tls;

    /** Creates a connection over {@code socket} for {@code protocol} (which may be set later). */
    protected Connection(SocketChannel socket, IProtocol protocol, ReactorBase reactor) {
        super(reactor);
        this.socket = socket;
        this.protocol = protocol;
    }

    @Override
    public SelectableChannel fileno() {
        return socket;
    }

    /** Returns the protocol of this connection, or null once lost. */
    public IProtocol getProtocol() {
        return protocol;
    }

    /** Reads what is available and delivers it to the protocol. */
    @Override
    public Object doRead() {
        if (aborting || readDisconnected) {
            return null;
        }
        ByteBuffer buffer = IO_BUFFER.get();
        buffer.clear();
        int n;
        try {
            n = socket.read(buffer);
        } catch (IOException e) {
            return new Failure(lost(e));
        }
        if (n < 0) {
            return new Failure(Main.CONNECTION_DONE);
        }
        if (n == 0) {
            return null;
        }
        byte[] data = new byte[n];
        buffer.flip().get(data);
        protocol.dataReceived(data);
        return null;
    }

    private static ConnectionLost lost(IOException e) {
        ConnectionLost error = new ConnectionLost(String.valueOf(e.getMessage()));
        error.initCause(e);
        return error;
    }

    @Override
    public Object doWrite() {
        if (aborting) {
            return null;
        }
        return super.doWrite();
    }

    /** True unless aborting, disconnecting or closing the write side: see {@link FileDescriptor#write}. */
    @Override
    protected boolean writeImmediately() {
        return !aborting && !disconnecting && !writeDisconnecting;
    }

    /**
     * Sends the queued buffers' bytes, copied in order into the thread's direct buffer, 64 KiB
     * per {@code write(2)}, until the socket takes less than was offered or all are sent. The
     * JDK would instead copy each heap buffer into a temporary direct buffer as large as it
     * (kept per thread afterwards) and send several with {@code writev(2)}.
     */
    @Override
    protected Object writeSomeData(ByteBuffer[] buffers) {
        ByteBuffer out = IO_BUFFER.get();
        long sent = 0;
        int first = 0;
        try {
            while (first < buffers.length) {
                out.clear();
                for (int i = first; i < buffers.length && out.hasRemaining(); i++) {
                    ByteBuffer b = buffers[i];
                    int k = Math.min(b.remaining(), out.remaining());
                    out.put(out.position(), b, b.position(), k);
                    out.position(out.position() + k);
                }
                out.flip();
                int offered = out.remaining();
                int n = socket.write(out);
                sent += n;
                for (int left = n; left > 0; ) {
                    ByteBuffer b = buffers[first];
                    int k = Math.min(left, b.remaining());
                    b.position(b.position() + k);
                    left -= k;
                    if (!b.hasRemaining()) {
                        first++;
                    }
                }
                while (first < buffers.length && !buffers[first].hasRemaining()) {
                    first++;
                }
                if (n < offered) {
                    break;
                }
            }
        } catch (IOException e) {
            return new Failure(lost(e));
        }
        return sent;
    }

    /**
     * Sends {@code data} through the thread's direct buffer, 64 KiB per {@code write(2)}, until
     * the socket takes less than was offered: no allocation. An I/O error stops it; the next
     * {@link #doWrite} reports it.
     */
    @Override
    protected int writeNow(byte[] data) {
        ByteBuffer out = IO_BUFFER.get();
        int sent = 0;
        try {
            while (sent < data.length) {
                int offered = Math.min(out.capacity(), data.length - sent);
                out.clear();
                out.put(data, sent, offered).flip();
                int n = socket.write(out);
                sent += n;
                if (n < offered) {
                    break;
                }
            }
        } catch (IOException e) {
            // The unsent rest is queued and doWrite meets the error again.
        }
        return sent;
    }

    @Override
    protected Object closeWriteConnection() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            return new Failure(lost(e));
        }
        if (protocol instanceof IHalfCloseableProtocol p) {
            try {
                p.writeConnectionLost();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                Failure f = new Failure(t);
                log.failure("Error in writeConnectionLost of {protocol}", f, "protocol", protocol);
                connectionLost(f);
            }
        }
        return null;
    }

    /**
     * Called by the reactor when the peer closed its write side: tells an
     * {@link IHalfCloseableProtocol}, else loses the connection.
     */
    @Override
    public void readConnectionLost(Failure reason) {
        readDisconnected = true;
        if (protocol instanceof IHalfCloseableProtocol p) {
            try {
                p.readConnectionLost();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                Failure f = new Failure(t);
                log.failure("Error in readConnectionLost of {protocol}", f, "protocol", protocol);
                connectionLost(f);
            }
        } else {
            connectionLost(reason);
        }
    }

    /** Called when the write side was closed by the reactor; loses the connection. */
    @Override
    public void writeConnectionLost(Failure reason) {
        connectionLost(reason);
    }

    @Override
    public void resumeProducing() {
        if (!readDisconnected && !aborting) {
            super.resumeProducing();
        }
    }

    /**
     * Closes the connection at once, discarding buffered data; the protocol's
     * {@code connectionLost} is called (in a later reactor iteration) with
     * {@link ConnectionAborted}.
     */
    @Override
    public void abortConnection() {
        if (disconnected || aborting) {
            return;
        }
        aborting = true;
        stopReading();
        stopWriting();
        reactor.callLater(0, () -> connectionLost(new Failure(new ConnectionAborted())));
    }

    /** Closes the socket and tells the protocol the connection was lost. */
    @Override
    public void connectionLost(Failure reason) {
        if (disconnected) {
            return;
        }
        super.connectionLost(reason);
        closeSocket(!(reason.value() instanceof ConnectionAborted));
        IProtocol p = protocol;
        protocol = null;
        if (p != null) {
            p.connectionLost(reason);
        }
    }

    /** Closes the socket; a non-orderly close resets the connection (SO_LINGER 0). */
    protected void closeSocket(boolean orderly) {
        try {
            if (!orderly && socket.isConnected()) {
                socket.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (IOException | RuntimeException e) {
            // Closing below is what matters.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    private <T> T option(SocketOption<T> name) {
        try {
            return socket.getOption(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private <T> void option(SocketOption<T> name, T value) {
        try {
            socket.setOption(name, value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean getTcpNoDelay() {
        return option(StandardSocketOptions.TCP_NODELAY);
    }

    @Override
    public void setTcpNoDelay(boolean enabled) {
        option(StandardSocketOptions.TCP_NODELAY, enabled);
    }

    @Override
    public boolean getTcpKeepAlive() {
        return option(StandardSocketOptions.SO_KEEPALIVE);
    }

    @Override
    public void setTcpKeepAlive(boolean enabled) {
        option(StandardSocketOptions.SO_KEEPALIVE, enabled);
    }

    @Override
    public void loseWriteConnection() {
        super.loseWriteConnection();
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        if (tls != null) {
            tls.writeSequence(data);
        } else {
            super.writeSequence(data);
        }
    }

    /** Writes {@code data}, through the TLS layer once TLS has started. */
    @Override
    public void write(byte[] data) {
        if (tls != null) {
            tls.write(data);
        } else {
            super.write(data);
        }
    }

    /**
     * Closes the connection once pending data was sent; once TLS has started, the TLS layer
     * sends close_notify first.
     */
    @Override
    public void loseConnection() {
        if (tls != null) {
            if (connected && !disconnecting) {
                tls.loseConnection();
            }
        } else {
            super.loseConnection();
        }
    }

    /** Registers {@code producer}, with the TLS layer once TLS has started. */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        if (tls != null) {
            ((IConsumer) tls).registerProducer(producer, streaming);
        } else {
            super.registerProducer(producer, streaming);
        }
    }

    /** Unregisters the producer, from the TLS layer once TLS has started. */
    @Override
    public void unregisterProducer() {
        if (tls != null) {
            ((IConsumer) tls).unregisterProducer();
        } else {
            super.unregisterProducer();
        }
    }

    /** True if this side is the TLS client when {@link #startTLS} is called normally. */
    protected boolean tlsClientDefault() {
        return false;
    }

    /** Starts TLS as the client on a connecting transport, the server on an accepted one. */
    @Override
    public void startTLS(Object contextFactory) {
        startTLS(contextFactory, true);
    }

    /**
     * Starts TLS. Port of {@code _newtls.startTLS}.
     *
     * @param normal true to be the TLS client on a client connection (and the server on a server
     *     connection), false for the opposite
     * @throws IllegalStateException if TLS was already started
     */
    public void startTLS(Object contextFactory, boolean normal) {
        if (tls != null) {
            throw new IllegalStateException("TLS already started on " + this);
        }
        boolean client = normal == tlsClientDefault();
        IProducer oldProducer = producer;
        boolean streaming = streamingProducer;
        if (oldProducer != null) {
            super.unregisterProducer();
        }
        IProtocol original = protocol;
        IProtocol layer = TLSSupport.get().startTLS(protocol, contextFactory, client);
        protocol = layer;
        tls = (ISSLTransport) layer;
        try {
            layer.makeConnection(new BypassTLS());
        } catch (RuntimeException | Error e) {
            // The context factory raised (creating the engine): leave the connection as it was,
            // as Twisted's does when getContext raises (test_tcp's test_badContext).
            protocol = original;
            tls = null;
            if (oldProducer != null) {
                registerProducer(oldProducer, streaming);
            }
            throw e;
        }
        if (oldProducer != null) {
            registerProducer(oldProducer, streaming);
        }
    }

    /** True once {@link #startTLS} was called: Twisted's {@code TLS} attribute. */
    public boolean TLS() {
        return tls != null;
    }

    /** Returns the peer's TLS certificate, or null before TLS (or its handshake) finished. */
    @Override
    public java.security.cert.Certificate getPeerCertificate() {
        return tls == null ? null : tls.getPeerCertificate();
    }

    /**
     * The transport of the TLS layer: writes to the socket directly, bypassing the TLS routing
     * of {@link Connection#write}. Port of {@code twisted.internet._newtls._BypassTLS}.
     */
    private final class BypassTLS implements ITCPTransport, IConsumer, IPushProducer {
        @Override
        public void write(byte[] data) {
            Connection.super.write(data);
        }

        @Override
        public void writeSequence(Iterable<byte[]> data) {
            Connection.super.writeSequence(data);
        }

        @Override
        public void loseConnection() {
            Connection.super.loseConnection();
        }

        @Override
        public boolean disconnecting() {
            return disconnecting;
        }

        @Override
        public IAddress getPeer() {
            return Connection.this.getPeer();
        }

        @Override
        public IAddress getHost() {
            return Connection.this.getHost();
        }

        @Override
        public void registerProducer(IProducer producer, boolean streaming) {
            Connection.super.registerProducer(producer, streaming);
        }

        @Override
        public void unregisterProducer() {
            Connection.super.unregisterProducer();
        }

        @Override
        public void pauseProducing() {
            Connection.this.pauseProducing();
        }

        @Override
        public void resumeProducing() {
            Connection.this.resumeProducing();
        }

        @Override
        public void stopProducing() {
            Connection.super.loseConnection();
        }

        @Override
        public void loseWriteConnection() {
            Connection.this.loseWriteConnection();
        }

        @Override
        public void abortConnection() {
            Connection.this.abortConnection();
        }

        @Override
        public boolean getTcpNoDelay() {
            return Connection.this.getTcpNoDelay();
        }

        @Override
        public void setTcpNoDelay(boolean enabled) {
            Connection.this.setTcpNoDelay(enabled);
        }

        @Override
        public boolean getTcpKeepAlive() {
            return Connection.this.getTcpKeepAlive();
        }

        @Override
        public void setTcpKeepAlive(boolean enabled) {
            Connection.this.setTcpKeepAlive(enabled);
        }

        @Override
        public String toString() {
            return "BypassTLS{" + Connection.this + "}";
        }
    }

    @Override
    public String logPrefix() {
        return protocol == null ? "-" : dev.twj.internet.internal.ClassNames.nameOf(protocol.getClass());
    }
}
