package dev.twj.internet.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.twj.internet.protocol.Protocol;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link FakeTransport}. Port of {@code twisted.test.test_iosim.FakeTransportTests}. */
class FakeTransportTests {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] join(List<byte[]> stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * Each FakeTransport receives a serial number that uniquely identifies it. (Twisted also
     * asserts the serial is an int, which the Java field's type guarantees.)
     */
    @Test
    public void test_connectionSerial() {
        FakeTransport a = new FakeTransport(new Protocol(), true);
        FakeTransport b = new FakeTransport(new Protocol(), false);
        assertNotEquals(a.serial, b.serial);
    }

    /** FakeTransport.writeSequence will write a sequence of bytes to the transport. */
    @Test
    public void test_writeSequence() {
        FakeTransport a = new FakeTransport(new Protocol(), false);

        a.write(b("a"));
        a.writeSequence(List.of(b("b"), b("c"), b("d")));

        assertArrayEquals(b("abcd"), join(a.stream));
    }

    /**
     * FakeTransport.write will accept writes after transport was closed, but the data will be
     * silently discarded.
     */
    @Test
    public void test_writeAfterClose() {
        FakeTransport a = new FakeTransport(new Protocol(), false);
        a.write(b("before"));
        a.loseConnection();
        a.write(b("after"));

        assertArrayEquals(b("before"), join(a.stream));
    }
}
