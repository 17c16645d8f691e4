package dev.twj.internet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Tests for {@link StrictPushProducer}. Port of
 * {@code twisted.test.test_iosim.StrictPushProducerTests}; Twisted's ValueError is
 * IllegalStateException here.
 */
class StrictPushProducerTests {
    /** Returns a new StrictPushProducer which has not been through any state changes. */
    private StrictPushProducer initial() {
        return new StrictPushProducer();
    }

    /** Returns a new, stopped StrictPushProducer. */
    private StrictPushProducer stopped() {
        StrictPushProducer producer = new StrictPushProducer();
        producer.stopProducing();
        return producer;
    }

    /** Returns a new, paused StrictPushProducer. */
    private StrictPushProducer paused() {
        StrictPushProducer producer = new StrictPushProducer();
        producer.pauseProducing();
        return producer;
    }

    /** Returns a new StrictPushProducer which has been paused and resumed. */
    private StrictPushProducer resumed() {
        StrictPushProducer producer = new StrictPushProducer();
        producer.pauseProducing();
        producer.resumeProducing();
        return producer;
    }

    /** Asserts that the given producer is in the stopped state. */
    private void assertStopped(StrictPushProducer producer) {
        assertEquals("stopped", producer.state);
    }

    /** Asserts that the given producer is in the paused state. */
    private void assertPaused(StrictPushProducer producer) {
        assertEquals("paused", producer.state);
    }

    /** Asserts that the given producer is in the running state. */
    private void assertRunning(StrictPushProducer producer) {
        assertEquals("running", producer.state);
    }

    /** StrictPushProducer.stopProducing raises if called when the producer is stopped. */
    @Test
    public void test_stopThenStop() {
        assertThrows(IllegalStateException.class, stopped()::stopProducing);
    }

    /** StrictPushProducer.pauseProducing raises if called when the producer is stopped. */
    @Test
    public void test_stopThenPause() {
        assertThrows(IllegalStateException.class, stopped()::pauseProducing);
    }

    /** StrictPushProducer.resumeProducing raises if called when the producer is stopped. */
    @Test
    public void test_stopThenResume() {
        assertThrows(IllegalStateException.class, stopped()::resumeProducing);
    }

    /** StrictPushProducer is stopped if stopProducing is called on a paused producer. */
    @Test
    public void test_pauseThenStop() {
        StrictPushProducer producer = paused();
        producer.stopProducing();
        assertStopped(producer);
    }

    /** StrictPushProducer.pauseProducing raises if called on a paused producer. */
    @Test
    public void test_pauseThenPause() {
        StrictPushProducer producer = paused();
        assertThrows(IllegalStateException.class, producer::pauseProducing);
    }

    /** StrictPushProducer is resumed if resumeProducing is called on a paused producer. */
    @Test
    public void test_pauseThenResume() {
        StrictPushProducer producer = paused();
        producer.resumeProducing();
        assertRunning(producer);
    }

    /** StrictPushProducer is stopped if stopProducing is called on a resumed producer. */
    @Test
    public void test_resumeThenStop() {
        StrictPushProducer producer = resumed();
        producer.stopProducing();
        assertStopped(producer);
    }

    /** StrictPushProducer is paused if pauseProducing is called on a resumed producer. */
    @Test
    public void test_resumeThenPause() {
        StrictPushProducer producer = resumed();
        producer.pauseProducing();
        assertPaused(producer);
    }

    /** StrictPushProducer.resumeProducing raises if called on a resumed producer. */
    @Test
    public void test_resumeThenResume() {
        StrictPushProducer producer = resumed();
        assertThrows(IllegalStateException.class, producer::resumeProducing);
    }

    /** StrictPushProducer is stopped if stopProducing is called in the initial state. */
    @Test
    public void test_stop() {
        StrictPushProducer producer = initial();
        producer.stopProducing();
        assertStopped(producer);
    }

    /** StrictPushProducer is paused if pauseProducing is called in the initial state. */
    @Test
    public void test_pause() {
        StrictPushProducer producer = initial();
        producer.pauseProducing();
        assertPaused(producer);
    }

    /** StrictPushProducer raises if resumeProducing is called in the initial state. */
    @Test
    public void test_resume() {
        StrictPushProducer producer = initial();
        assertThrows(IllegalStateException.class, producer::resumeProducing);
    }
}
