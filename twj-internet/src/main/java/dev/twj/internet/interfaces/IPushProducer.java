package dev.twj.internet.interfaces;

/**
 * A push producer, also known as a streaming producer, produces continuously until told to
 * pause. Port of {@code twisted.internet.interfaces.IPushProducer}.
 */
public interface IPushProducer extends IProducer {
    /**
     * Pauses producing data. Tells a producer that it has produced too much data to process for
     * the time being, and to stop until {@link #resumeProducing} is called.
     */
    void pauseProducing();

    /** Resumes producing data after {@link #pauseProducing}. */
    void resumeProducing();
}
