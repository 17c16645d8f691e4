package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Port of {@code FloatTests}: tests for FloatArgument. */
class FloatTests {
    /** toString raises for an object which is not a Double (Twisted: ValueError). */
    @Test
    public void test_nonFloat() {
        FloatArgument argument = new FloatArgument();
        assertThrows(IllegalArgumentException.class, () -> argument.toString("1.234"));
        assertThrows(IllegalArgumentException.class, () -> argument.toString(b("1.234")));
        assertThrows(IllegalArgumentException.class, () -> argument.toString(1234));
    }

    /** toString returns a byte string when given a Double. */
    @Test
    public void test_float() {
        FloatArgument argument = new FloatArgument();
        assertArrayEquals(b("1.234"), argument.toString(1.234));
    }
}
