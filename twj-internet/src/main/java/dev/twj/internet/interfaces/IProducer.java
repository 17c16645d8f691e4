package dev.twj.internet.interfaces;

/**
 * A producer produces data for a consumer. Port of {@code twisted.internet.interfaces.IProducer}.
 *
 * <p>Typically a producer is registered with a transport (an {@link IConsumer}) so that writing
 * follows the pace of the network: see {@link IPushProducer} and {@link IPullProducer}.
 */
public interface IProducer {
    /**
     * Stops producing data. This tells a producer that its consumer has died, so it must stop
     * producing data for good.
     */
    void stopProducing();
}
