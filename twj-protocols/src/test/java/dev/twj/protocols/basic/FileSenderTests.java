package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.s;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.testing.StringTransport;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayInputStream;

/** Port of {@code twisted.protocols.test.test_basic.FileSenderTests}: tests for {@link FileSender}. */
class FileSenderTests extends SynchronousTestCase {
    /** {@link FileSender} implements the {@link IProducer} interface. */
    public void test_interface() {
        FileSender sender = new FileSender();
        assertIsInstance(sender, IProducer.class);
    }

    /**
     * When {@link FileSender#beginFileTransfer} is called, it registers itself with provided
     * consumer, as a non-streaming producer.
     */
    public void test_producerRegistered() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        sender.beginFileTransfer(source, consumer);
        assertIs(consumer.producer, sender);
        assertFalse(consumer.streaming);
    }

    /**
     * {@link FileSender} sends the content of the given file using a {@code IConsumer} interface
     * via {@code beginFileTransfer}. It returns a {@link Deferred} which fires with the last byte
     * sent.
     */
    public void test_transfer() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        Deferred<byte[]> d = sender.beginFileTransfer(source, consumer);
        sender.resumeProducing();
        // resumeProducing only finishes after trying to read at eof
        sender.resumeProducing();
        assertIs(consumer.producer, null);

        assertEqual(s(successResultOf(d)), "t");
        assertEqual(s(consumer.value()), "Test content");
    }

    /** {@link FileSender} reads at most {@code CHUNK_SIZE} every time it resumes producing. */
    public void test_transferMultipleChunks() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        sender.CHUNK_SIZE = 4;
        Deferred<byte[]> d = sender.beginFileTransfer(source, consumer);
        // Ideally we would assertNoResult(d) here, but <http://tm.tl/6291>
        sender.resumeProducing();
        assertEqual(s(consumer.value()), "Test");
        sender.resumeProducing();
        assertEqual(s(consumer.value()), "Test con");
        sender.resumeProducing();
        assertEqual(s(consumer.value()), "Test content");
        // resumeProducing only finishes after trying to read at eof
        sender.resumeProducing();

        assertEqual(s(successResultOf(d)), "t");
        assertEqual(s(consumer.value()), "Test content");
    }

    /**
     * {@link FileSender#beginFileTransfer} takes a {@code transform} argument which allows to
     * manipulate the data on the fly.
     */
    public void test_transferWithTransform() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        Deferred<byte[]> d = sender.beginFileTransfer(source, consumer, FileSenderTests::swapcase);
        sender.resumeProducing();
        // resumeProducing only finishes after trying to read at eof
        sender.resumeProducing();

        assertEqual(s(successResultOf(d)), "T");
        assertEqual(s(consumer.value()), "tEST CONTENT");
    }

    /** Python's {@code bytes.swapcase} for ASCII letters. */
    static byte[] swapcase(byte[] chunk) {
        byte[] out = chunk.clone();
        for (int i = 0; i < out.length; i++) {
            byte c = out[i];
            if (c >= 'a' && c <= 'z') {
                out[i] = (byte) (c - 32);
            } else if (c >= 'A' && c <= 'Z') {
                out[i] = (byte) (c + 32);
            }
        }
        return out;
    }

    /**
     * The {@code Deferred} returned by {@link FileSender#beginFileTransfer} fails with an
     * {@code Exception} if {@code stopProducing} when the transfer is not complete.
     */
    public void test_abortedTransfer() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        Deferred<byte[]> d = sender.beginFileTransfer(source, consumer);
        // Abort the transfer right away
        sender.stopProducing();

        Failure failure = failureResultOf(d);
        failure.trap(Exception.class);
        assertEqual(failure.value().getMessage(), "Consumer asked us to stop producing");
    }
}
