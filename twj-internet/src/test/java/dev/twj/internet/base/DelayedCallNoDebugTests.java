package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DelayedCall} with debug mode off. Port of {@code test_base.DelayedCallNoDebugTests}. */
class DelayedCallNoDebugTests extends DelayedCallMixin {
    private boolean previous;

    /** Turn debug off. */
    @BeforeEach
    void setUp() {
        previous = DelayedCall.getDebug();
        DelayedCall.setDebug(false);
        setUpCalls();
    }

    @AfterEach
    void restoreDebug() {
        DelayedCall.setDebug(previous);
    }

    /**
     * The string representation of a {@link DelayedCall} instance includes the unsigned id of the
     * instance, as well as its state and the function to be called. (A Java function captures its
     * arguments, so they show as {@code ()}, where Twisted shows {@code nothing(3, A=5)}.)
     */
    @Test
    public void test_str() {
        DelayedCall dc = new DelayedCall(12, NOTHING, c -> {}, c -> {}, () -> 1.5);
        String expected = String.format(
                "<DelayedCall 0x%x [10.5s] called=0 cancelled=0 nothing()>", System.identityHashCode(dc));
        assertEquals(expected, dc.toString());
    }

    /**
     * If debug mode changes from off to on between the creation of a {@link DelayedCall} and its
     * {@code toString}, the string does not include the creator stack. (Twisted sets the flag on
     * the instance; twj's flag is global.)
     */
    @Test
    public void test_switchToDebug() {
        DelayedCall dc = new DelayedCall(3, () -> {}, c -> {}, c -> {}, () -> 2);
        DelayedCall.setDebug(true);
        assertFalse(dc.toString().contains("traceback at creation"));
    }
}
