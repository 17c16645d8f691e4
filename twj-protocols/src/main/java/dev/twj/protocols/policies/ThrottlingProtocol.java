package dev.twj.protocols.policies;

import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IPushProducer;

/**
 * The wrapper a {@link ThrottlingFactory} builds: counts the bytes read and written, and pauses
 * reads or writes when its factory asks. Port of
 * {@code twisted.protocols.policies.ThrottlingProtocol}.
 */
public class ThrottlingProtocol extends ProtocolWrapper {
    /**
     * The producer registered through this wrapper, paused to throttle writes; null when none
     * (Twisted deletes the attribute). Writes are only throttled if a push producer is registered.
     */
    public IProducer producer;

    private final ThrottlingFactory throttlingFactory;

    /** Creates a wrapper of {@code wrappedProtocol} built by {@code factory}. */
    public ThrottlingProtocol(ThrottlingFactory factory, IProtocol wrappedProtocol) {
        super(factory, wrappedProtocol);
        this.throttlingFactory = factory;
    }

    /** Counts the bytes with the factory, then writes them. */
    @Override
    public void write(byte[] data) {
        throttlingFactory.registerWritten(data.length);
        super.write(data);
    }

    /** Counts the bytes with the factory, then writes them. */
    @Override
    public void writeSequence(Iterable<byte[]> seq) {
        long length = 0;
        for (byte[] chunk : seq) {
            length += chunk.length;
        }
        throttlingFactory.registerWritten(length);
        super.writeSequence(seq);
    }

    /** Counts the bytes with the factory, then passes them on. */
    @Override
    public void dataReceived(byte[] data) {
        throttlingFactory.registerRead(data.length);
        super.dataReceived(data);
    }

    /** Remembers {@code producer} (to throttle writes) and registers it with the transport. */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        this.producer = producer;
        super.registerProducer(producer, streaming);
    }

    /** Forgets the producer and unregisters it from the transport. */
    @Override
    public void unregisterProducer() {
        this.producer = null;
        super.unregisterProducer();
    }

    /** Pauses the real transport. */
    public void throttleReads() {
        pauseProducing();
    }

    /** Resumes the real transport. */
    public void unthrottleReads() {
        resumeProducing();
    }

    /** Pauses the registered producer, if any. */
    public void throttleWrites() {
        if (producer instanceof IPushProducer p) {
            p.pauseProducing();
        }
    }

    /** Resumes the registered producer, if any. */
    public void unthrottleWrites() {
        if (producer instanceof IPushProducer p) {
            p.resumeProducing();
        }
    }
}
