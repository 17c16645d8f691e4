package dev.twj.internet.protocol;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import java.util.Objects;

/**
 * Adapts an {@link IProtocol} to {@link IConsumer}: what is written to the consumer is delivered
 * to the protocol's {@code dataReceived}.
 *
 * <p>Port of {@code twisted.internet.protocol.ProtocolToConsumerAdapter}. Twisted registers it
 * with zope's adapter registry so that {@code IConsumer(protocol)} finds it; Java has no adapter
 * registry, so callers construct it explicitly. Producers are ignored, as in Twisted.
 */
public final class ProtocolToConsumerAdapter implements IConsumer {
    /** The adapted protocol. */
    public final IProtocol original;

    /** Adapts {@code original}. */
    public ProtocolToConsumerAdapter(IProtocol original) {
        this.original = Objects.requireNonNull(original, "original");
    }

    /** Delivers {@code data} to the protocol's {@code dataReceived}. */
    @Override
    public void write(byte[] data) {
        original.dataReceived(data);
    }

    /** Does nothing, as in Twisted. */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {}

    /** Does nothing, as in Twisted. */
    @Override
    public void unregisterProducer() {}

    @Override
    public String toString() {
        return "ProtocolToConsumerAdapter{" + original + "}";
    }
}
