package dev.twj.internet.error;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Port of {@code twisted.test.test_error.SubclassingTests}: some exceptions subclass others. */
class SubclassingTests {
    /** ConnectionClosed is a superclass of ConnectionLost. */
    @Test
    public void test_connectionLostSubclassOfConnectionClosed() {
        assertTrue(ConnectionClosed.class.isAssignableFrom(ConnectionLost.class));
    }

    /** ConnectionClosed is a superclass of ConnectionDone. */
    @Test
    public void test_connectionDoneSubclassOfConnectionClosed() {
        assertTrue(ConnectionClosed.class.isAssignableFrom(ConnectionDone.class));
    }

    /** Python's ValueError, Java's IllegalArgumentException, is a superclass of InvalidAddressError. */
    @Test
    public void test_invalidAddressErrorSubclassOfValueError() {
        assertTrue(IllegalArgumentException.class.isAssignableFrom(InvalidAddressError.class));
    }
}
