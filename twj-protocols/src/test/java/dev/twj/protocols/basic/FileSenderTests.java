package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.failureResultOf;
import static dev.twj.protocols.basic.BasicTestSupport.s;
import static dev.twj.protocols.basic.BasicTestSupport.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.testing.StringTransport;
import dev.twj.python.failure.Failure;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.protocols.test.test_basic.FileSenderTests}: tests for {@link FileSender}. */
class FileSenderTests {
    /** {@link FileSender} implements the {@link IProducer} interface. */
    @Test
    public void test_interface() {
        FileSender sender = new FileSender();
        assertInstanceOf(IProducer.class, sender);
    }

    /**
     * When {@link FileSender#beginFileTransfer} is called, it registers itself with provided
     * consumer, as a non-streaming producer.
     */
    @Test
    public void test_producerRegistered() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        sender.beginFileTransfer(source, consumer);
        assertSame(sender, consumer.producer);
        assertFalse(consumer.streaming);
    }

    /**
     * {@link FileSender} sends the content of the given file using a {@code IConsumer} interface
     * via {@code beginFileTransfer}. It returns a {@link Deferred} which fires with the last byte
     * sent.
     */
    @Test
    public void test_transfer() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        Deferred<byte[]> d = sender.beginFileTransfer(source, consumer);
        sender.resumeProducing();
        // resumeProducing only finishes after trying to read at eof
        sender.resumeProducing();
        assertNull(consumer.producer);

        assertEquals("t", s((byte[]) successResultOf(d)));
        assertEquals("Test content", s(consumer.value()));
    }

    /** {@link FileSender} reads at most {@code CHUNK_SIZE} every time it resumes producing. */
    @Test
    public void test_transferMultipleChunks() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        sender.CHUNK_SIZE = 4;
        Deferred<byte[]> d = sender.beginFileTransfer(source, consumer);
        // Ideally we would assertNoResult(d) here, but <http://tm.tl/6291>
        sender.resumeProducing();
        assertEquals("Test", s(consumer.value()));
        sender.resumeProducing();
        assertEquals("Test con", s(consumer.value()));
        sender.resumeProducing();
        assertEquals("Test content", s(consumer.value()));
        // resumeProducing only finishes after trying to read at eof
        sender.resumeProducing();

        assertEquals("t", s((byte[]) successResultOf(d)));
        assertEquals("Test content", s(consumer.value()));
    }

    /**
     * {@link FileSender#beginFileTransfer} takes a {@code transform} argument which allows to
     * manipulate the data on the fly.
     */
    @Test
    public void test_transferWithTransform() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        Deferred<byte[]> d = sender.beginFileTransfer(source, consumer, FileSenderTests::swapcase);
        sender.resumeProducing();
        // resumeProducing only finishes after trying to read at eof
        sender.resumeProducing();

        assertEquals("T", s((byte[]) successResultOf(d)));
        assertEquals("tEST CONTENT", s(consumer.value()));
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
    @Test
    public void test_abortedTransfer() {
        ByteArrayInputStream source = new ByteArrayInputStream(b("Test content"));
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        Deferred<byte[]> d = sender.beginFileTransfer(source, consumer);
        // Abort the transfer right away
        sender.stopProducing();

        Failure failure = failureResultOf(d);
        failure.trap(Exception.class);
        assertEquals("Consumer asked us to stop producing", failure.value().getMessage());
    }
}
