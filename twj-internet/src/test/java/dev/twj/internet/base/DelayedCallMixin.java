package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Tests of {@link DelayedCall} run with debug mode off and on. Port of
 * {@code twisted.internet.test.test_base.DelayedCallMixin}; Python's comparison operators are
 * {@link DelayedCall#compareTo}, and {@code ==} is {@code equals}.
 */
abstract class DelayedCallMixin {
    DelayedCall zero;
    DelayedCall one;

    /** A function whose {@code toString()} is {@code nothing}, Twisted's module function. */
    static final Runnable NOTHING = new Runnable() {
        @Override
        public void run() {}

        @Override
        public String toString() {
            return "nothing";
        }
    };

    /**
     * Get a {@link DelayedCall} instance at a given {@code time}.
     *
     * @param time the absolute time at which the returned call will be scheduled
     */
    static DelayedCall getDelayedCallAt(double time) {
        return new DelayedCall(time, () -> {}, c -> {}, c -> {}, () -> 0);
    }

    /** Create two {@link DelayedCall} instanced scheduled to run at different times. */
    void setUpCalls() {
        zero = getDelayedCallAt(0);
        one = getDelayedCallAt(1);
    }

    /**
     * For two instances of {@link DelayedCall} {@code a} and {@code b}, {@code a < b} is true if
     * and only if {@code a} is scheduled to run before {@code b}.
     */
    @Test
    public void test_lt() {
        assertTrue(zero.compareTo(one) < 0);
        assertFalse(one.compareTo(zero) < 0);
        assertFalse(zero.compareTo(zero) < 0);
        assertFalse(one.compareTo(one) < 0);
    }

    /**
     * For two instances of {@link DelayedCall} {@code a} and {@code b}, {@code a <= b} is true if
     * and only if {@code a} is scheduled to run before {@code b} or at the same time as {@code b}.
     */
    @Test
    public void test_le() {
        assertTrue(zero.compareTo(one) <= 0);
        assertFalse(one.compareTo(zero) <= 0);
        assertTrue(zero.compareTo(zero) <= 0);
        assertTrue(one.compareTo(one) <= 0);
    }

    /**
     * For two instances of {@link DelayedCall} {@code a} and {@code b}, {@code a > b} is true if
     * and only if {@code a} is scheduled to run after {@code b}.
     */
    @Test
    public void test_gt() {
        assertTrue(one.compareTo(zero) > 0);
        assertFalse(zero.compareTo(one) > 0);
        assertFalse(zero.compareTo(zero) > 0);
        assertFalse(one.compareTo(one) > 0);
    }

    /**
     * For two instances of {@link DelayedCall} {@code a} and {@code b}, {@code a >= b} is true if
     * and only if {@code a} is scheduled to run after {@code b} or at the same time as {@code b}.
     */
    @Test
    public void test_ge() {
        assertTrue(one.compareTo(zero) >= 0);
        assertFalse(zero.compareTo(one) >= 0);
        assertTrue(zero.compareTo(zero) >= 0);
        assertTrue(one.compareTo(one) >= 0);
    }

    /** A {@link DelayedCall} instance is only equal to itself. */
    @Test
    public void test_eq() {
        assertFalse(zero.equals(one));
        assertTrue(zero.equals(zero));
        assertTrue(one.equals(one));
    }

    /** A {@link DelayedCall} instance is not equal to any other object. */
    @Test
    public void test_ne() {
        assertTrue(!zero.equals(one));
        assertFalse(!zero.equals(zero));
        assertFalse(!one.equals(one));
    }
}
