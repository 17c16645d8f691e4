package dev.twj.internet.interfaces;

/**
 * A pull producer, also known as a non-streaming producer, produces a chunk each time it is
 * asked. Port of {@code twisted.internet.interfaces.IPullProducer}.
 */
public interface IPullProducer extends IProducer {
    /** Produces data for the consumer a single time: one call of the consumer's {@code write}. */
    void resumeProducing();
}
