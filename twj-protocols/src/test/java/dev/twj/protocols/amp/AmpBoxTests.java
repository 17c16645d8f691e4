package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Port of {@code AmpBoxTests}: a few essential properties of AMP boxes, mostly serialization.
 * {@code test_serializeUnicodeValueRaises} is not ported: values are {@code byte[]} by type.
 */
class AmpBoxTests {
    /** Make sure that strs serialize to strs (byte arrays). */
    @Test
    public void test_serializeStr() {
        AmpBox a = new AmpBox().put("key", b("value"));
        assertInstanceOf(byte[].class, a.serialize());
    }

    /**
     * Verify that an error is raised when trying to serialize a key that is not a byte string:
     * in Java a key with a character above U+00FF (Twisted: a unicode key, TypeError).
     */
    @Test
    public void test_serializeUnicodeKeyRaises() {
        AmpBox a = new AmpBox().put("k\u2603y", b("value"));
        assertThrows(IllegalArgumentException.class, a::serialize);
    }
}
