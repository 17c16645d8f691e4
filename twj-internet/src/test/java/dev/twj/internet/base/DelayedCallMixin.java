package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Tests of {@link DelayedCall} run with debug off and on. Port of
 * {@code twisted.internet.test.test_base.DelayedCallMixin}.
 *
 * <p>Java has no operator overloading: {@code a < b} is {@code a.compareTo(b) < 0}, and
 * {@code ==}, {@code !=} compare identity, which is what Twisted's {@code __eq__} does.
 */
abstract class DelayedCallMixin {
    DelayedCall zero;
    DelayedCall one;

    /** The function used by {@code test_str}: its {@code toString()} is its Python name. */
    static final Runnable NOTHING = new Runnable() {
        @Override
        public void run() {}

        @Override
        public String toString() {
            return "nothing";
        }
    };

    /** Returns a call at the absolute time {@code time}, with no-op canceller and resetter. */
    static DelayedCall getDelayedCallAt(double time) {
        return new DelayedCall(time, () -> {}, c -> {}, c -> {}, () -> 0);
    }

    /** Creates two {@link DelayedCall}s scheduled to run at different times. */
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

    /**
     * The string representation of a {@link DelayedCall} instance, as returned by {@code repr},
     * is identical to that returned by {@code str}. Java has only {@code toString()}: string
     * conversion ({@code String.valueOf}, Python's {@code str}) gives the same text.
     */
    @Test
    public void test_repr() {
        DelayedCall dc = new DelayedCall(13, NOTHING, c -> {}, c -> {}, () -> 1.6);
        assertEquals(String.valueOf(dc), dc.toString());
    }
}
