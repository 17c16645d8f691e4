package dev.twj.internet.testing;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IPullProducer;
import java.nio.charset.StandardCharsets;

/**
 * A pull producer which writes 10 times only: {@code "0"} to {@code "9"}, then unregisters
 * itself. Port of {@code twisted.internet.testing.NonStreamingProducer}.
 */
public class NonStreamingProducer implements IPullProducer {
    /** How many times it has written. */
    public int counter;

    /** Whether {@link #stopProducing} has been called. */
    public boolean stopped;

    /** Fired with null when production is done. */
    public final Deferred<Void> result = new Deferred<>();

    /** The consumer written to; null once done. */
    public IConsumer consumer;

    /** Creates a producer writing to {@code consumer}. */
    public NonStreamingProducer(IConsumer consumer) {
        this.consumer = consumer;
    }

    /**
     * Writes the counter value once.
     *
     * @throws IllegalStateException if called after unregistering or stopping
     */
    @Override
    public void resumeProducing() {
        if (consumer == null || counter >= 10) {
            throw new IllegalStateException("BUG: resume after unregister/stop.");
        }
        consumer.write(Integer.toString(counter).getBytes(StandardCharsets.US_ASCII));
        counter++;
        if (counter == 10) {
            consumer.unregisterProducer();
            done();
        }
    }

    /**
     * Never called on a pull producer.
     *
     * @throws IllegalStateException always
     */
    public void pauseProducing() {
        throw new IllegalStateException("BUG: pause should never be called.");
    }

    private void done() {
        consumer = null;
        result.callback(null);
    }

    @Override
    public void stopProducing() {
        stopped = true;
        done();
    }
}
