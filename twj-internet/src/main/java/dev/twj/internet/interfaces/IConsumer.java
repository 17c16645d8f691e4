package dev.twj.internet.interfaces;

/**
 * A consumer consumes data from a producer. Port of {@code twisted.internet.interfaces.IConsumer}.
 */
public interface IConsumer {
    /**
     * Registers to receive data from a producer.
     *
     * <p>With {@code streaming} true the producer is an {@link IPushProducer}: the consumer
     * pauses it when its buffer fills and resumes it when the buffer drains. With
     * {@code streaming} false it is an {@link IPullProducer}: the consumer calls
     * {@code resumeProducing} each time it wants more data.
     *
     * @throws RuntimeException if a producer is already registered
     */
    void registerProducer(IProducer producer, boolean streaming);

    /** Stops consuming data from the registered producer. */
    void unregisterProducer();

    /** Has the consumer consume {@code data}; it is buffered, never written synchronously. */
    void write(byte[] data);
}
