package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DelayedCall} with debug on. Port of
 * {@code twisted.internet.test.test_base.DelayedCallDebugTests}.
 *
 * <p>Where Java differs: the function takes no arguments, so the text shows {@code nothing()}
 * where Twisted shows {@code nothing(3, A=5)}.
 */
class DelayedCallDebugTests extends DelayedCallMixin {
    private boolean savedDebug;

    /** Turn debug on. */
    @BeforeEach
    void setUp() {
        savedDebug = DelayedCall.getDebug();
        DelayedCall.setDebug(true);
        setUpCalls();
    }

    @AfterEach
    void restoreDebug() {
        DelayedCall.setDebug(savedDebug);
    }

    /**
     * The string representation of a {@link DelayedCall} instance includes the unsigned id of
     * the instance, as well as its state, the function to be called, the function arguments and
     * the creation traceback.
     */
    @Test
    public void test_str() {
        DelayedCall dc = new DelayedCall(12, NOTHING, c -> {}, c -> {}, () -> 1.5);
        String expectedRegexp = "<DelayedCall 0x" + Integer.toHexString(System.identityHashCode(dc))
                + " \\[10.5s\\] called=0 cancelled=0 nothing\\(\\)\n\ntraceback at creation:";
        assertTrue(Pattern.compile(expectedRegexp).matcher(dc.toString()).find(), dc.toString());
    }

    /**
     * If debug changes from on to off between construction and {@code toString()}, the text
     * includes the creator stack (we captured it, we might as well display it).
     */
    @Test
    public void test_switchFromDebug() {
        DelayedCall dc = new DelayedCall(3, () -> {}, c -> {}, c -> {}, () -> 2);
        DelayedCall.setDebug(false);
        assertTrue(dc.toString().contains("traceback at creation"));
    }
}
