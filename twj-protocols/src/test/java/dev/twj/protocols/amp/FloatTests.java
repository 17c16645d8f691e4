package dev.twj.protocols.amp;

import dev.twj.trial.unittest.SynchronousTestCase;

import static dev.twj.protocols.amp.AmpTestSupport.b;


/** Port of {@code FloatTests}: tests for FloatArgument. */
class FloatTests extends SynchronousTestCase {
    /** toString raises for an object which is not a Double (Twisted: ValueError). */
    public void test_nonFloat() {
        FloatArgument argument = new FloatArgument();
        assertRaises(IllegalArgumentException.class, () -> argument.toString("1.234"));
        assertRaises(IllegalArgumentException.class, () -> argument.toString(b("1.234")));
        assertRaises(IllegalArgumentException.class, () -> argument.toString(1234));
    }

    /** toString returns a byte string when given a Double. */
    public void test_float() {
        FloatArgument argument = new FloatArgument();
        assertEqual(argument.toString(1.234), b("1.234"));
    }
}
