package dev.twj.protocols.loopback;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.Protocol;
import dev.twj.logger.Format;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A transport that buffers what is written and delivers it to a target protocol when
 * {@link #clearBuffer} is called. Port of {@code twisted.protocols.loopback.LoopbackRelay}.
 *
 * <p>Difference from Twisted: {@link #getHost} and {@link #getPeer} return a
 * {@link LoopbackAddress} (whose {@code toString()} is {@code "loopback"}) rather than the string
 * {@code "loopback"}.
 */
public class LoopbackRelay implements ITransport, IConsumer, ILoggingContext {
    /** The protocol the buffered bytes go to. */
    public final IProtocol target;

    /** Where writes and deliveries are logged, or null. */
    public final Writer logFile;

    /** 0 while open, 1 once {@link #loseConnection} is called, -1 once the target has been told. */
    public int shouldLose;

    /** True once the connection is being closed (never set, as in Twisted). */
    public boolean disconnecting;

    /** Returns the {@code disconnecting} field. */
    @Override
    public boolean disconnecting() {
        return disconnecting;
    }

    /** The registered producer, resumed by each {@link #clearBuffer}; or null. */
    public IProducer producer;

    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    /** Creates a relay to {@code target} with no log. */
    public LoopbackRelay(IProtocol target) {
        this(target, null);
    }

    /** Creates a relay to {@code target} logging to {@code logFile} (may be null). */
    public LoopbackRelay(IProtocol target, Writer logFile) {
        this.target = target;
        this.logFile = logFile;
    }

    private void log(String line) {
        if (logFile != null) {
            try {
                logFile.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Appends {@code data} to the buffer. */
    @Override
    public void write(byte[] data) {
        buffer.writeBytes(data);
        log("loopback writing " + Format.repr(data) + "\n");
    }

    /** Appends the chunks to the buffer. */
    @Override
    public void writeSequence(Iterable<byte[]> iovec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk : iovec) {
            out.writeBytes(chunk);
        }
        write(out.toByteArray());
    }

    /**
     * Resumes the producer, delivers the buffered bytes to the target, and tells it the
     * connection is lost if {@link #loseConnection} was called.
     */
    public void clearBuffer() {
        if (shouldLose == -1) {
            return;
        }
        if (producer != null) {
            Loopback.resume(producer);
        }
        if (buffer.size() > 0) {
            byte[] data = buffer.toByteArray();
            log("loopback receiving " + Format.repr(data) + "\n");
            buffer = new ByteArrayOutputStream();
            target.dataReceived(data);
        }
        if (shouldLose == 1) {
            shouldLose = -1;
            target.connectionLost(Protocol.connectionDone());
        }
    }

    /** Asks for the connection to be closed at the next {@link #clearBuffer}. */
    @Override
    public void loseConnection() {
        if (shouldLose != -1) {
            shouldLose = 1;
        }
    }

    /** Returns a {@link LoopbackAddress}. */
    @Override
    public IAddress getHost() {
        return new LoopbackAddress();
    }

    /** Returns a {@link LoopbackAddress}. */
    @Override
    public IAddress getPeer() {
        return new LoopbackAddress();
    }

    /** Remembers {@code producer}. */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        this.producer = producer;
    }

    /** Forgets the producer. */
    @Override
    public void unregisterProducer() {
        this.producer = null;
    }

    /** Returns {@code Loopback('TargetClass')}. */
    @Override
    public String logPrefix() {
        return "Loopback(" + Format.repr(target.getClass().getSimpleName()) + ")";
    }
}
