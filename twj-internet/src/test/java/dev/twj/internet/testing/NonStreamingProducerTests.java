package dev.twj.internet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProducer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.internet.test.test_testing.NonStreamingProducerTests}. */
class NonStreamingProducerTests {
    /** A very basic consumer, Twisted's TestConsumer. */
    static final class TestConsumer implements IConsumer {
        final List<String> writes = new ArrayList<>();
        IProducer producer;
        Boolean producerStreaming;

        @Override
        public void registerProducer(IProducer producer, boolean streaming) {
            this.producer = producer;
            this.producerStreaming = streaming;
        }

        @Override
        public void unregisterProducer() {
            producer = null;
            producerStreaming = null;
        }

        @Override
        public void write(byte[] data) {
            writes.add(new String(data, StandardCharsets.US_ASCII));
        }
    }

    /** Resumed 10 times, it writes the counter each time and then fails. */
    @Test
    public void test_producesOnly10Times() {
        TestConsumer consumer = new TestConsumer();
        NonStreamingProducer producer = new NonStreamingProducer(consumer);
        consumer.registerProducer(producer, false);
        assertSame(producer, consumer.producer);
        assertSame(consumer, producer.consumer);
        assertFalse(consumer.producerStreaming);
        for (int i = 0; i < 10; i++) {
            producer.resumeProducing();
        }
        assertNull(consumer.producer);
        assertNull(consumer.producerStreaming);
        assertNull(producer.consumer);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), consumer.writes);
        assertThrows(IllegalStateException.class, producer::resumeProducing);
    }

    /** Paused, it raises. */
    @Test
    public void test_cannotPauseProduction() {
        TestConsumer consumer = new TestConsumer();
        NonStreamingProducer producer = new NonStreamingProducer(consumer);
        consumer.registerProducer(producer, false);
        producer.resumeProducing();
        assertThrows(IllegalStateException.class, producer::pauseProducing);
    }
}
