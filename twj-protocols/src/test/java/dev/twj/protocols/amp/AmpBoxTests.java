package dev.twj.protocols.amp;

import dev.twj.trial.unittest.SynchronousTestCase;

import static dev.twj.protocols.amp.AmpTestSupport.b;


/**
 * Port of {@code AmpBoxTests}: a few essential properties of AMP boxes, mostly serialization.
 * {@code test_serializeUnicodeValueRaises} is not ported: values are {@code byte[]} by type.
 */
class AmpBoxTests extends SynchronousTestCase {
    /** Make sure that strs serialize to strs (byte arrays). */
    public void test_serializeStr() {
        AmpBox a = new AmpBox().put("key", b("value"));
        assertIsInstance(a.serialize(), byte[].class);
    }

    /**
     * Verify that an error is raised when trying to serialize a key that is not a byte string:
     * in Java a key with a character above U+00FF (Twisted: a unicode key, TypeError).
     */
    public void test_serializeUnicodeKeyRaises() {
        AmpBox a = new AmpBox().put("k\u2603y", b("value"));
        assertRaises(IllegalArgumentException.class, a::serialize);
    }
}
