package dev.twj.internet.tcp;

import dev.twj.internet.Main;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.IReactorFDSet;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.internet.interfaces.IWriteDescriptor;
import dev.twj.python.failure.Failure;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * An object which can be operated on by select(): a buffered, non-blocking writer and a reader.
 * Port of Twisted's {@code twisted.internet.abstract.FileDescriptor}.
 *
 * <p>Writes are queued as {@link ByteBuffer}s (each {@code write} wraps a copy of its argument;
 * no buffer is ever concatenated) and sent by {@link #writeSomeData} when the descriptor is
 * writable; {@code write} never blocks. As an {@link IConsumer}, a streaming producer is paused
 * when more than {@link #bufferSize} bytes are buffered and resumed when the buffer drains; a
 * pull producer is asked for more ({@code resumeProducing}) each time the buffer drains. As an
 * {@link IPushProducer}, {@code pauseProducing} stops reading.
 *
 * <p>Difference from Twisted: {@link #loseConnection} waits for any registered producer to be
 * unregistered, streaming or not, as Twisted's docstring promises (Twisted's code closes once
 * the buffer drains when an unpaused streaming producer is registered).
 *
 * <h2>Contract</h2>
 * <p>All methods run on the reactor thread.
 */
public abstract class FileDescriptor implements IReadDescriptor, IWriteDescriptor, IConsumer, IPushProducer {
    /** Bytes buffered above which a streaming producer is paused (Twisted's {@code bufferSize}). */
    public int bufferSize = 1 << 16;

    /** True while the descriptor is connected. */
    public boolean connected;
    /** True once the connection is lost. */
    public boolean disconnected;
    /** True once {@link #loseConnection} was called, until the connection is lost. */
    public boolean disconnecting;

    /** Returns the {@code disconnecting} field: {@code ITransport.disconnecting()} for connections. */
    public boolean disconnecting() {
        return disconnecting;
    }

    /** True once {@link #loseWriteConnection} was called. */
    protected boolean writeDisconnecting;
    /** True once the write side was shut down. */
    protected boolean writeDisconnected;

    /** The registered producer, or null. */
    public IProducer producer;
    /** True if {@link #producer} is a streaming (push) producer. */
    public boolean streamingProducer;
    /** True if this descriptor paused its streaming producer. */
    public boolean producerPaused;

    /** The reactor this descriptor belongs to. */
    protected final ReactorBase reactor;

    /** At most this many buffers go to one gathering write. */
    private static final int MAX_GATHER = 1024;

    // Created by the first write that has to wait (most connections never need one): an idle
    // connection holds no queue. Never null again once created.
    private ArrayDeque<ByteBuffer> dataBuffer;
    // True after write sent everything at once and no doWrite ran since: Twisted would still
    // have write interest registered, and its next doWrite would resume a pull producer
    // registered meanwhile (see registerProducer).
    private boolean drainedAtOnce;
    private long bufferedBytes;

    /**
     * Creates a descriptor for {@code reactor}, which must also be an {@link IReactorFDSet}.
     *
     * @throws IllegalArgumentException if the reactor is not an IReactorFDSet
     */
    protected FileDescriptor(ReactorBase reactor) {
        if (!(reactor instanceof IReactorFDSet)) {
            throw new IllegalArgumentException("reactor is not an IReactorFDSet: " + reactor);
        }
        this.reactor = reactor;
    }

    private IReactorFDSet fds() {
        // The constructor checked it; not kept in a second field (one per connection).
        return (IReactorFDSet) reactor;
    }

    /** Returns the number of bytes written but not yet sent. */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    /**
     * Sends as much of {@code buffers} as the descriptor takes now, advancing their positions.
     *
     * @return the number of bytes sent, or a Failure (an exception) if the connection is lost
     */
    protected abstract Object writeSomeData(ByteBuffer[] buffers);

    /** Shuts down the write side; Twisted's {@code _closeWriteConnection}. Returns null or a Failure. */
    protected Object closeWriteConnection() {
        return null;
    }

    /** Called when the buffer drained after {@link #loseConnection}; returns the reason to disconnect. */
    protected Object postLoseConnection() {
        return new Failure(Main.CONNECTION_DONE);
    }

    /**
     * Called when data can be written: sends buffered data; when the buffer drains, asks the
     * producer for more, or finishes a pending {@code loseConnection}/{@code loseWriteConnection}.
     *
     * @return null on success, a Failure when the connection is lost
     */
    @Override
    public Object doWrite() {
        drainedAtOnce = false;
        ArrayDeque<ByteBuffer> q = dataBuffer;
        if (q != null && !q.isEmpty()) {
            ByteBuffer[] buffers = new ByteBuffer[Math.min(q.size(), MAX_GATHER)];
            int i = 0;
            for (ByteBuffer b : q) {
                if (i == buffers.length) {
                    break;
                }
                buffers[i++] = b;
            }
            Object l = writeSomeData(buffers);
            if (l instanceof Failure) {
                return l;
            }
            bufferedBytes -= ((Number) l).longValue();
            while (!q.isEmpty() && !q.peekFirst().hasRemaining()) {
                q.pollFirst();
            }
        }
        if (q == null || q.isEmpty()) {
            stopWriting();
            if (producer != null && (!streamingProducer || producerPaused)) {
                producerPaused = false;
                resumeProducer();
            } else if (disconnecting) {
                if (producer == null) {
                    return postLoseConnection();
                }
            } else if (writeDisconnecting && !writeDisconnected) {
                writeDisconnected = true;
                return closeWriteConnection();
            }
        }
        return null;
    }

    private void resumeProducer() {
        if (producer instanceof IPushProducer push) {
            push.resumeProducing();
        } else if (producer instanceof IPullProducer pull) {
            pull.resumeProducing();
        }
    }

    /**
     * Buffers {@code data} to be sent when the descriptor is writable; never blocks. Ignored when
     * not connected or after the write side was closed.
     */
    @Override
    public void write(byte[] data) {
        if (!connected || writeDisconnected || data.length == 0) {
            return;
        }
        if ((dataBuffer == null || dataBuffer.isEmpty()) && producer == null && writeImmediately()) {
            // Nothing is queued: send at once, and wait for writability only for what the
            // kernel did not take. Twisted registers write interest around every write (two
            // epoll_ctl calls and one more select pass per write); Netty writes at once too.
            int sent = writeNow(data);
            if (sent == data.length) {
                drainedAtOnce = true;
                return;
            }
            // A partial write queues the rest; an error queues it all, and doWrite reports the
            // error from the reactor loop, as it would have without this shortcut.
            byte[] rest = sent <= 0 ? data.clone() : java.util.Arrays.copyOfRange(data, sent, data.length);
            queue().addLast(ByteBuffer.wrap(rest));
            bufferedBytes += rest.length;
            startWriting();
            return;
        }
        queue().addLast(ByteBuffer.wrap(data.clone()));
        bufferedBytes += data.length;
        maybePauseProducer();
        startWriting();
    }

    /**
     * Sends as much of {@code data} as the descriptor takes now, without blocking: the shortcut
     * of {@link #write} when nothing is queued (see {@link #writeImmediately}).
     *
     * <p>Returns the number of bytes sent; 0 when none was, or when sending failed: the unsent
     * bytes are then queued and the next {@link #doWrite} reports the error. This implementation
     * calls {@link #writeSomeData} with {@code data} wrapped; {@link Connection} sends from a
     * reusable direct buffer instead, allocating nothing.
     */
    protected int writeNow(byte[] data) {
        ByteBuffer now = ByteBuffer.wrap(data);
        return writeSomeData(new ByteBuffer[] {now}) instanceof Failure ? 0 : now.position();
    }

    private ArrayDeque<ByteBuffer> queue() {
        ArrayDeque<ByteBuffer> q = dataBuffer;
        if (q == null) {
            q = new ArrayDeque<>(4);
            dataBuffer = q;
        }
        return q;
    }

    /**
     * Whether {@link #write} may call {@link #writeSomeData} at once when nothing is buffered and
     * no producer is registered, instead of waiting for the reactor to report the descriptor
     * writable. False here (Twisted's behaviour); {@link Connection} says true while it is
     * neither aborting nor half-closed for writing.
     */
    protected boolean writeImmediately() {
        return false;
    }

    /** Buffers each element of {@code iovec}, as {@link #write} would, with one wake-up. */
    public void writeSequence(Iterable<byte[]> iovec) {
        if (!connected || writeDisconnected) {
            return;
        }
        boolean any = false;
        for (byte[] data : iovec) {
            if (data.length > 0) {
                queue().addLast(ByteBuffer.wrap(data.clone()));
                bufferedBytes += data.length;
                any = true;
            }
        }
        if (any) {
            maybePauseProducer();
            startWriting();
        }
    }

    private void maybePauseProducer() {
        if (producer instanceof IPushProducer push && streamingProducer && !producerPaused
                && bufferedBytes > bufferSize) {
            producerPaused = true;
            push.pauseProducing();
        }
    }

    /**
     * Closes the connection once all pending data was sent and any registered producer was
     * unregistered. The connection is lost with {@link ConnectionDone}.
     */
    public void loseConnection() {
        if (connected && !disconnecting) {
            if (writeDisconnected) {
                // doWrite won't close the connection any more.
                stopReading();
                stopWriting();
                connectionLost(new Failure(Main.CONNECTION_DONE));
            } else {
                stopReading();
                startWriting();
                disconnecting = true;
            }
        }
    }

    /** Closes the write side once all pending data was sent (half-close). */
    public void loseWriteConnection() {
        writeDisconnecting = true;
        startWriting();
    }

    /** Called when the connection is lost: stops the producer and removes this descriptor. */
    @Override
    public void connectionLost(Failure reason) {
        disconnected = true;
        connected = false;
        if (producer != null) {
            IProducer p = producer;
            producer = null;
            p.stopProducing();
        }
        stopReading();
        stopWriting();
    }

    /** Stops waiting for read availability. */
    public void stopReading() {
        fds().removeReader(this);
    }

    /** Stops waiting for write availability. */
    public void stopWriting() {
        fds().removeWriter(this);
    }

    /** Starts waiting for read availability. */
    public void startReading() {
        fds().addReader(this);
    }

    /** Starts waiting for write availability. */
    public void startWriting() {
        fds().addWriter(this);
    }

    /**
     * Registers {@code producer} to write to this consumer.
     *
     * @throws IllegalStateException if a producer is already registered
     */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        if (this.producer != null) {
            throw new IllegalStateException("Cannot register producer " + producer + ", because producer "
                    + this.producer + " was never unregistered.");
        }
        if (disconnected) {
            producer.stopProducing();
        } else {
            this.producer = producer;
            this.streamingProducer = streaming;
            this.producerPaused = false;
            if (!streaming) {
                resumeProducer();
                if (drainedAtOnce) {
                    // What Twisted's pending doWrite would do: resume it again once writable.
                    startWriting();
                }
            }
        }
    }

    /** Stops consuming data from the producer; a pending loseConnection then proceeds. */
    @Override
    public void unregisterProducer() {
        producer = null;
        if (connected && disconnecting) {
            startWriting();
        }
    }

    /** Stops consuming: unregisters the producer and loses the connection. */
    public void stopConsuming() {
        unregisterProducer();
        loseConnection();
    }

    /** Stops reading; Twisted's pauseProducing. */
    @Override
    public void pauseProducing() {
        stopReading();
    }

    /** Resumes reading unless disconnecting. */
    @Override
    public void resumeProducing() {
        if (connected && !disconnecting) {
            startReading();
        }
    }

    /** Loses the connection; Twisted's stopProducing. */
    @Override
    public void stopProducing() {
        loseConnection();
    }

    @Override
    public String logPrefix() {
        return "-";
    }
}
