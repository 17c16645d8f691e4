package dev.twj.protocols.amp;

import dev.twj.trial.unittest.SynchronousTestCase;



/** Port of {@code DecimalTests}: tests for DecimalArgument. */
class DecimalTests extends SynchronousTestCase {
    /** toString raises for an object which is not a BigDecimal (Twisted: ValueError). */
    public void test_nonDecimal() {
        DecimalArgument argument = new DecimalArgument();
        assertRaises(IllegalArgumentException.class, () -> argument.toString("1.234"));
        assertRaises(IllegalArgumentException.class, () -> argument.toString(1.234));
        assertRaises(IllegalArgumentException.class, () -> argument.toString(1234));
    }
}
