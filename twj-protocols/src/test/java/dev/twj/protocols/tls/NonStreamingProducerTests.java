package dev.twj.protocols.tls;

import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.task.Clock;
import dev.twj.internet.task.Cooperator;
import dev.twj.internet.task.TaskStopped;
import dev.twj.internet.testing.NonStreamingProducer;
import dev.twj.internet.testing.StringTransport;
import dev.twj.logger.CapturedLogs;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Port of {@code NonStreamingProducerTests}: non-streaming producers can be adapted into being
 * streaming producers. Twisted drives {@code _PullToPush} with the global cooperator on the real
 * reactor; here a {@link Cooperator} runs on a {@link Clock} that the test advances.
 */
class NonStreamingProducerTests extends SynchronousTestCase {
    private final Clock clock = new Clock();
    private final Cooperator cooperator = new Cooperator(clock);

    private void advanceUntil(BooleanSupplier done) {
        for (int i = 0; i < 1000 && !done.getAsBoolean(); i++) {
            clock.advance(0.1);
        }
    }

    /**
     * A StringTransport whose unregisterProducer also stops the streaming wrapper, as
     * TLSMemoryBIOProtocol does; it can act on its third write.
     */
    static class Consumer extends StringTransport {
        PullToPush wrapper;
        int writes;
        Runnable onThirdWrite = () -> {};
        boolean unregisterRaises;

        @Override
        public void write(byte[] data) {
            writes++;
            super.write(data);
            if (writes == 3) {
                onThirdWrite.run();
            }
        }

        @Override
        public void unregisterProducer() {
            if (unregisterRaises) {
                throw new IllegalStateException("unregisterProducer raised");
            }
            super.unregisterProducer();
            wrapper.stopStreaming();
        }
    }

    private PullToPush wrap(NonStreamingProducer nsProducer, Consumer consumer) {
        PullToPush streamingProducer = new PullToPush(nsProducer, consumer, cooperator);
        consumer.wrapper = streamingProducer;
        consumer.registerProducer(streamingProducer, true);
        return streamingProducer;
    }

    private static boolean[] fired(NonStreamingProducer nsProducer) {
        boolean[] done = {false};
        nsProducer.result.addCallback(ignored -> {
            done[0] = true;
            return null;
        });
        return done;
    }

    /** Verifies the consumer writes out all its data, but is not called after that. */
    private void streamUntilEnd(Consumer consumer) {
        NonStreamingProducer nsProducer = new NonStreamingProducer(consumer);
        PullToPush streamingProducer = wrap(nsProducer, consumer);
        boolean[] done = fired(nsProducer);
        // Now, start streaming:
        streamingProducer.startStreaming();
        advanceUntil(() -> done[0]);
        assertTrue(done[0]);
        // All data was streamed, and the producer unregistered itself:
        assertEqual(consumer.valueString(), "0123456789");
        assertIs(consumer.producer, null);
        // And the streaming wrapper stopped:
        assertTrue(streamingProducer.finished());
    }

    /** The non-streaming producer writes out all its data, but is not called after that. */
    public void test_writeUntilDone() {
        streamUntilEnd(new Consumer());
    }

    /** When the streaming producer is paused, the underlying producer stops getting resumeProducing calls. */
    public void test_pause() {
        Consumer consumer = new Consumer();
        consumer.onThirdWrite = () -> ((IPushProducer) consumer.producer).pauseProducing();
        NonStreamingProducer nsProducer = new NonStreamingProducer(consumer);
        PullToPush streamingProducer = wrap(nsProducer, consumer);
        boolean[] done = fired(nsProducer);
        streamingProducer.startStreaming();
        advanceUntil(() -> done[0]);
        // Make sure the producer does not continue: "BUG: The producer should not finish!"
        assertFalse(done[0]);
        assertEqual(consumer.valueString(), "012");
        assertFalse(streamingProducer.finished());
    }

    /**
     * When the streaming producer is paused and then resumed, the underlying producer starts
     * getting resumeProducing calls again after the resume.
     */
    public void test_resume() {
        Consumer consumer = new Consumer();
        consumer.onThirdWrite = () -> {
            ((IPushProducer) consumer.producer).pauseProducing();
            ((IPushProducer) consumer.producer).resumeProducing();
        };
        streamUntilEnd(consumer);
    }

    /**
     * When the streaming producer is stopped by the consumer, the underlying producer is
     * stopped, and streaming is stopped.
     */
    public void test_stopProducing() {
        Consumer consumer = new Consumer();
        consumer.onThirdWrite = () -> ((IPushProducer) consumer.producer).stopProducing();
        NonStreamingProducer nsProducer = new NonStreamingProducer(consumer);
        PullToPush streamingProducer = wrap(nsProducer, consumer);
        boolean[] done = fired(nsProducer);
        streamingProducer.startStreaming();
        advanceUntil(() -> done[0]);
        assertTrue(done[0]);
        // Not all data was streamed, and the producer was stopped:
        assertEqual(consumer.valueString(), "012");
        assertTrue(nsProducer.stopped);
        // And the streaming wrapper stopped:
        assertTrue(streamingProducer.finished());
    }

    /** A producer whose third resumeProducing raises. */
    static final class ThrowingProducer extends NonStreamingProducer {
        ThrowingProducer(Consumer consumer) {
            super(consumer);
        }

        @Override
        public void resumeProducing() {
            if (counter == 2) {
                throw new ArithmeticException("/ by zero");
            }
            super.resumeProducing();
        }
    }

    private void resumeProducingRaises(Consumer consumer, List<Map.Entry<Class<?>, String>> expected) {
        ThrowingProducer nsProducer = new ThrowingProducer(consumer);
        PullToPush streamingProducer = wrap(nsProducer, consumer);
        try (CapturedLogs logs = CapturedLogs.capture()) {
            streamingProducer.startStreaming();
            boolean[] stopped = {false};
            streamingProducer.coopTask().whenDone().addBoth(r -> {
                if (r instanceof Failure f) {
                    f.trap(TaskStopped.class);
                }
                stopped[0] = true;
                return null;
            });
            advanceUntil(() -> stopped[0]);
            assertTrue(stopped[0]);
            assertEqual(consumer.valueString(), "01");
            // Any errors from resumeProducing were logged:
            List<Failure> flushed = flushLoggedErrors();
            List<Map<String, Object>> errors = logs.events().stream().filter(e -> e.get("log_failure") != null).toList();
            assertEqual(flushed.size(), expected.size(), flushed);
            assertEqual(errors.size(), expected.size(), errors);
            for (int i = 0; i < expected.size(); i++) {
                Failure f = flushed.get(i);
                assertIsNot(f.check(expected.get(i).getKey()), null);
                assertTrue(String.valueOf(errors.get(i).get("log_format")).contains(expected.get(i).getValue()));
            }
            // And the streaming wrapper stopped:
            assertTrue(streamingProducer.finished());
        }
    }

    /**
     * If the underlying producer raises when resumeProducing is called, the streaming wrapper
     * logs the error, unregisters from the consumer and stops streaming.
     */
    public void test_resumeProducingRaises() {
        Consumer consumer = new Consumer();
        resumeProducingRaises(consumer, List.of(Map.entry(ArithmeticException.class, "while calling resumeProducing on")));
        // The consumer was unregistered cleanly:
        assertIs(consumer.producer, null);
    }

    /** The same, even if the unregisterProducer call also raises. */
    public void test_resumeProducingRaiseAndUnregisterProducerRaises() {
        Consumer consumer = new Consumer();
        consumer.unregisterRaises = true;
        resumeProducingRaises(consumer, List.of(
                Map.entry(ArithmeticException.class, "while calling resumeProducing"),
                Map.entry(IllegalStateException.class, "while calling unregisterProducer")));
    }

    /** stopStreaming() can be called more than once without blowing up. */
    public void test_stopStreamingTwice() {
        Consumer consumer = new Consumer();
        PullToPush streamingProducer = new PullToPush(new NonStreamingProducer(consumer), consumer, cooperator);
        streamingProducer.startStreaming();
        streamingProducer.stopStreaming();
        streamingProducer.stopStreaming();
        assertTrue(streamingProducer.finished());
    }

    /** PullToPush implements IPushProducer. */
    public void test_interface() {
        Consumer consumer = new Consumer();
        assertIsInstance(new PullToPush(new NonStreamingProducer(consumer), consumer, cooperator), IPushProducer.class);
    }
}
