package dev.twj.internet.protocol;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.python.failure.Failure;
import java.util.Objects;

/**
 * Adapts an {@link IConsumer} to {@link IProtocol}: data received by the protocol is written to
 * the consumer.
 *
 * <p>Port of {@code twisted.internet.protocol.ConsumerToProtocolAdapter}. Twisted registers it
 * with zope's adapter registry so that {@code IProtocol(consumer)} finds it; Java has no adapter
 * registry, so callers construct it explicitly. The connection events do nothing, as in Twisted.
 */
public final class ConsumerToProtocolAdapter implements IProtocol {
    /** The adapted consumer. */
    public final IConsumer original;

    /** Adapts {@code original}. */
    public ConsumerToProtocolAdapter(IConsumer original) {
        this.original = Objects.requireNonNull(original, "original");
    }

    /** Writes {@code data} to the consumer. */
    @Override
    public void dataReceived(byte[] data) {
        original.write(data);
    }

    /** Does nothing, as in Twisted. */
    @Override
    public void connectionLost(Failure reason) {}

    /** Does nothing, as in Twisted. */
    @Override
    public void makeConnection(ITransport transport) {}

    /** Does nothing, as in Twisted. */
    @Override
    public void connectionMade() {}

    @Override
    public String toString() {
        return "ConsumerToProtocolAdapter{" + original + "}";
    }
}
