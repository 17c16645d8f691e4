package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.selectreactor.SelectReactor;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_internet.ProducerTests}: FileDescriptor's consumer
 * interface. Twisted instantiates {@code abstract.FileDescriptor} itself; it is abstract here, so
 * a minimal subclass that writes nothing stands in.
 */
class ProducerTests extends ReactorBuilder {
    /** Twisted's abstract.FileDescriptor(): a descriptor bypassing the reactor. */
    static class PlainDescriptor extends FileDescriptor {
        PlainDescriptor(SelectReactor reactor) {
            super(reactor);
        }

        @Override
        protected Object writeSomeData(ByteBuffer[] buffers) {
            return 0;
        }

        @Override
        public Object doRead() {
            return null;
        }

        @Override
        public SelectableChannel fileno() {
            return null;
        }
    }

    /**
     * A descriptor whose data buffer gets filled very fast: it fills as soon as at least four bytes
     * are written to it, and gets emptied in a single doWrite() cycle.
     */
    static final class SillyDescriptor extends PlainDescriptor {
        SillyDescriptor(SelectReactor reactor) {
            super(reactor);
            bufferSize = 3;
            connected = true;
        }

        /** Always write all data. */
        @Override
        protected Object writeSomeData(ByteBuffer[] buffers) {
            long n = 0;
            for (ByteBuffer b : buffers) {
                n += b.remaining();
                b.position(b.limit());
            }
            return n;
        }

        /** Do nothing: bypass the reactor. */
        @Override
        public void startWriting() {}

        /** Do nothing: bypass the reactor. */
        @Override
        public void stopWriting() {}
    }

    /** A producer recording "resume", "stop" and "pause": Twisted's DummyProducer. */
    static class DummyProducer implements IPushProducer, IPullProducer {
        final List<String> events = new ArrayList<>();

        @Override
        public void resumeProducing() {
            events.add("resume");
        }

        @Override
        public void stopProducing() {
            events.add("stop");
        }

        @Override
        public void pauseProducing() {
            events.add("pause");
        }
    }

    /** A DummyProducer whose resumeProducing writes to its consumer again. */
    static final class ReentrantProducer extends DummyProducer {
        private final FileDescriptor consumer;
        private final String methodName;
        private final byte[][] data;

        ReentrantProducer(FileDescriptor consumer, String methodName, byte[]... data) {
            this.consumer = consumer;
            this.methodName = methodName;
            this.data = data;
        }

        @Override
        public void resumeProducing() {
            super.resumeProducing();
            call(consumer, methodName, data);
        }
    }

    static void call(FileDescriptor descriptor, String methodName, byte[][] data) {
        if (methodName.equals("writeSequence")) {
            descriptor.writeSequence(List.of(data));
        } else {
            descriptor.write(data[0]);
        }
    }

    /**
     * Registering a non-streaming producer invokes its resumeProducing() method, and only one
     * producer can be registered at a time.
     */
    @Test
    public void test_doubleProducer() {
        FileDescriptor fd = new PlainDescriptor(buildReactor());
        fd.connected = true;
        DummyProducer dp = new DummyProducer();
        fd.registerProducer(dp, false);
        assertEquals(List.of("resume"), dp.events);
        assertThrows(IllegalStateException.class, () -> fd.registerProducer(new DummyProducer(), false));
    }

    /** Registering a producer when the connection was already closed calls its stopProducing(). */
    @Test
    public void test_unconnectedFileDescriptor() {
        FileDescriptor fd = new PlainDescriptor(buildReactor());
        fd.disconnected = true;
        DummyProducer dp = new DummyProducer();
        fd.registerProducer(dp, false);
        assertEquals(List.of("stop"), dp.events);
    }

    private void dontPausePullConsumerTest(String methodName) {
        SillyDescriptor descriptor = new SillyDescriptor(buildReactor());
        DummyProducer producer = new DummyProducer();
        descriptor.registerProducer(producer, false);
        assertEquals(List.of("resume"), producer.events);
        producer.events.clear();
        // Fill up the descriptor's write buffer so we can observe whether or not it pauses its
        // producer in that case.
        if (methodName.equals("writeSequence")) {
            descriptor.writeSequence(List.of(new byte[] {'1'}, new byte[] {'2'}, new byte[] {'3'}, new byte[] {'4'}));
        } else {
            descriptor.write(new byte[] {'1', '2', '3', '4'});
        }
        assertEquals(List.of(), producer.events);
    }

    /**
     * FileDescriptor does not call pauseProducing() on a non-streaming pull producer in response to
     * a write call which results in a full write buffer. Issue #2286.
     */
    @Test
    public void test_dontPausePullConsumerOnWrite() {
        dontPausePullConsumerTest("write");
    }

    /** Like test_dontPausePullConsumerOnWrite, but for a call to writeSequence. */
    @Test
    public void test_dontPausePullConsumerOnWriteSequence() {
        dontPausePullConsumerTest("writeSequence");
    }

    private void reentrantStreamingProducerTest(String methodName) {
        SillyDescriptor descriptor = new SillyDescriptor(buildReactor());
        byte[][] data = methodName.equals("writeSequence")
                ? new byte[][] {{'s'}, {'p'}, {'a', 'm'}}
                : new byte[][] {{'s', 'p', 'a', 'm'}};
        ReentrantProducer producer = new ReentrantProducer(descriptor, methodName, data);
        descriptor.registerProducer(producer, true);
        // Start things off by filling up the descriptor's buffer so it will pause its producer.
        call(descriptor, methodName, data);
        // Sanity check - make sure that worked.
        assertEquals(List.of("pause"), producer.events);
        producer.events.clear();
        // After one call to doWrite, the buffer has been emptied so the FileDescriptor should
        // resume its producer. That will result in an immediate call to write which will again
        // fill the buffer and result in the producer being paused.
        descriptor.doWrite();
        assertEquals(List.of("resume", "pause"), producer.events);
        producer.events.clear();
        // After a second call to doWrite, the exact same thing should have happened.
        descriptor.doWrite();
        assertEquals(List.of("resume", "pause"), producer.events);
    }

    /** FileDescriptor tracks its producer's paused state correctly. Issue #811. */
    @Test
    public void test_reentrantStreamingProducerUsingWrite() {
        reentrantStreamingProducerTest("write");
    }

    /** Like test_reentrantStreamingProducerUsingWrite, but for calls to writeSequence. */
    @Test
    public void test_reentrantStreamingProducerUsingWriteSequence() {
        reentrantStreamingProducerTest("writeSequence");
    }
}
