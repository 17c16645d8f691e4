package dev.twj.internet.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.internet.test.test_protocol.FileWrapperTests}.
 *
 * <p>Twisted's second halves write {@code str} where bytes are expected; Java's types reject
 * that at compile time, so they are ported as the nearest runtime failures: a stream whose write
 * fails (handled by {@code handleException}) and a null chunk in {@code writeSequence} (raised,
 * like Python's {@code TypeError} from {@code b"".join}).
 */
class FileWrapperTests {
    /** A ByteArrayOutputStream that rejects writes, as BytesIO rejects str. */
    static final class RejectingStream extends ByteArrayOutputStream {
        @Override
        public void write(byte[] b) throws IOException {
            throw new IOException("rejected: " + Arrays.toString(b));
        }
    }

    /** FileWrapper.write. */
    @Test
    public void test_write() {
        FileWrapper wrapper = new FileWrapper(new ByteArrayOutputStream());
        wrapper.write("test1".getBytes());
        assertArrayEquals("test1".getBytes(), ((ByteArrayOutputStream) wrapper.file).toByteArray());

        wrapper = new FileWrapper(new RejectingStream());
        // The stream cannot accept this, so an exception is thrown which is handled by
        // FileWrapper.handleException().
        wrapper.write("stuff".getBytes());
        assertEquals(0, ((ByteArrayOutputStream) wrapper.file).size());
    }

    /** FileWrapper.writeSequence. */
    @Test
    public void test_writeSequence() {
        FileWrapper wrapper = new FileWrapper(new ByteArrayOutputStream());
        wrapper.writeSequence(List.of("test1".getBytes(), "test2".getBytes()));
        assertArrayEquals(
                "test1test2".getBytes(), ((ByteArrayOutputStream) wrapper.file).toByteArray());

        FileWrapper wrapper2 = new FileWrapper(new ByteArrayOutputStream());
        assertThrows(
                NullPointerException.class,
                () -> wrapper2.writeSequence(Arrays.asList("test3".getBytes(), null)));
    }
}
