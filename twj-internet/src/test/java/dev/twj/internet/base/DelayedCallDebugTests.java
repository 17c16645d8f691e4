package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DelayedCall} with debug mode on. Port of {@code test_base.DelayedCallDebugTests}. */
class DelayedCallDebugTests extends DelayedCallMixin {
    private boolean previous;

    /** Turn debug on. */
    @BeforeEach
    void setUp() {
        previous = DelayedCall.getDebug();
        DelayedCall.setDebug(true);
        setUpCalls();
    }

    @AfterEach
    void restoreDebug() {
        DelayedCall.setDebug(previous);
    }

    /**
     * The string representation of a {@link DelayedCall} instance includes the unsigned id of the
     * instance, as well as its state, the function to be called, and (in debug mode) the stack
     * that created it. (Arguments show as {@code ()}: a Java function captures them.)
     */
    @Test
    public void test_str() {
        DelayedCall dc = new DelayedCall(12, NOTHING, c -> {}, c -> {}, () -> 1.5);
        String expectedRegexp = String.format(
                "<DelayedCall 0x%x \\[10.5s\\] called=0 cancelled=0 nothing\\(\\)\n\ntraceback at creation:",
                System.identityHashCode(dc));
        assertTrue(Pattern.compile(expectedRegexp).matcher(dc.toString()).find(), dc.toString());
    }

    /**
     * If debug mode changes from on to off between the creation of a {@link DelayedCall} and its
     * {@code toString}, the string includes the creator stack (we captured it, we might as well
     * display it).
     */
    @Test
    public void test_switchFromDebug() {
        DelayedCall dc = new DelayedCall(3, () -> {}, c -> {}, c -> {}, () -> 2);
        DelayedCall.setDebug(false);
        assertTrue(dc.toString().contains("traceback at creation"));
    }
}
