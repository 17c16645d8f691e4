package dev.twj.protocols.amp;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Port of {@code DecimalTests}: tests for DecimalArgument. */
class DecimalTests {
    /** toString raises for an object which is not a BigDecimal (Twisted: ValueError). */
    @Test
    public void test_nonDecimal() {
        DecimalArgument argument = new DecimalArgument();
        assertThrows(IllegalArgumentException.class, () -> argument.toString("1.234"));
        assertThrows(IllegalArgumentException.class, () -> argument.toString(1.234));
        assertThrows(IllegalArgumentException.class, () -> argument.toString(1234));
    }
}
