package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DelayedCall} with debug off. Port of
 * {@code twisted.internet.test.test_base.DelayedCallNoDebugTests}.
 *
 * <p>Where Java differs: the function takes no arguments, so the text shows {@code nothing()}
 * where Twisted shows {@code nothing(3, A=5)}.
 */
class DelayedCallNoDebugTests extends DelayedCallMixin {
    private boolean savedDebug;

    /** Turn debug off. */
    @BeforeEach
    void setUp() {
        savedDebug = DelayedCall.getDebug();
        DelayedCall.setDebug(false);
        setUpCalls();
    }

    @AfterEach
    void restoreDebug() {
        DelayedCall.setDebug(savedDebug);
    }

    /**
     * The string representation of a {@link DelayedCall} instance includes the unsigned id of
     * the instance, as well as its state, the function to be called, and the function arguments.
     */
    @Test
    public void test_str() {
        DelayedCall dc = new DelayedCall(12, NOTHING, c -> {}, c -> {}, () -> 1.5);
        String expected = "<DelayedCall 0x" + Integer.toHexString(System.identityHashCode(dc))
                + " [10.5s] called=0 cancelled=0 nothing()>";
        assertEquals(expected, dc.toString());
    }

    /**
     * If debug changes from off to on between construction and {@code toString()}, the text does
     * not include the creator stack.
     */
    @Test
    public void test_switchToDebug() {
        DelayedCall dc = new DelayedCall(3, () -> {}, c -> {}, c -> {}, () -> 2);
        DelayedCall.setDebug(true);
        assertFalse(dc.toString().contains("traceback at creation"));
    }
}
