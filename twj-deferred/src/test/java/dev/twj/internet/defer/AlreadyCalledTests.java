package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.python.failure.Failure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests that a second {@code callback} or {@code errback} raises {@link AlreadyCalledError}, and
 * that with debugging on its message carries the stacks that created and first fired the Deferred.
 *
 * <p>Port of {@code twisted.test.test_defer.AlreadyCalledTests}. Twisted's stack lines read
 * {@code ' C:  File "...", line 5, in _call_1'} and are matched by their ending
 * {@code " _call_1"}; Java's read {@code " C:  at dev.twj...AlreadyCalledTests._call_1(...)"},
 * so {@link #count} matches {@code "._call_1("} instead.
 */
class AlreadyCalledTests {
    private boolean deferredWasDebugging;

    @BeforeEach
    void setUp() {
        deferredWasDebugging = Defer.getDebugging();
        Defer.setDebugging(true);
    }

    @AfterEach
    void tearDown() {
        Defer.setDebugging(deferredWasDebugging);
    }

    private Object callback(Object result) {
        return null;
    }

    private Object errback(Failure failure) {
        return null;
    }

    private void _call_1(Deferred<String> d) {
        d.callback("hello");
    }

    private void _call_2(Deferred<String> d) {
        d.callback("twice");
    }

    private void _err_1(Deferred<String> d) {
        d.errback(new Failure(new RuntimeException()));
    }

    private void _err_2(Deferred<String> d) {
        d.errback(new Failure(new RuntimeException()));
    }

    private Deferred<String> newDeferred() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        return d;
    }

    /** A second callback raises. */
    @Test
    public void testAlreadyCalled_CC() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        _call_1(d);
        assertThrows(AlreadyCalledError.class, () -> _call_2(d));
    }

    /** An errback after a callback raises. */
    @Test
    public void testAlreadyCalled_CE() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        _call_1(d);
        assertThrows(AlreadyCalledError.class, () -> _err_2(d));
    }

    /** A second errback raises. */
    @Test
    public void testAlreadyCalled_EE() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        _err_1(d);
        assertThrows(AlreadyCalledError.class, () -> _err_2(d));
    }

    /** A callback after an errback raises. */
    @Test
    public void testAlreadyCalled_EC() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        _err_1(d);
        assertThrows(AlreadyCalledError.class, () -> _call_2(d));
    }

    /** Asserts that {@code expected} {@code linetype} lines of {@code lines} name {@code func}. */
    private static void count(String linetype, String func, List<String> lines, int expected) {
        int count = 0;
        for (String line : lines) {
            if (line.startsWith(" " + linetype + ":") && line.contains("." + func + "(")) {
                count++;
            }
        }
        assertEquals(expected, count,
                linetype + " lines in " + func + ":\n" + String.join("\n", lines));
    }

    /** Makes sure the debugging information is vaguely correct. */
    private static void check(
            AlreadyCalledError e, String caller, String invoker1, String invoker2) {
        List<String> lines = List.of(e.getMessage().split("\n"));
        // The creator should list the creator (testAlreadyCalledDebug) but not _call_1 or _call_2
        // or other invokers.
        count("C", caller, lines, 1);
        count("C", "_call_1", lines, 0);
        count("C", "_call_2", lines, 0);
        count("C", "_err_1", lines, 0);
        count("C", "_err_2", lines, 0);
        // The invoker should list the first invoker but not the second.
        count("I", invoker1, lines, 1);
        count("I", invoker2, lines, 0);
    }

    /** Debug info after callback and callback. */
    @Test
    public void testAlreadyCalledDebug_CC() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        _call_1(d);
        try {
            _call_2(d);
        } catch (AlreadyCalledError e) {
            check(e, "testAlreadyCalledDebug_CC", "_call_1", "_call_2");
            return;
        }
        fail("second callback failed to raise AlreadyCalledError");
    }

    /** Debug info after callback and errback. */
    @Test
    public void testAlreadyCalledDebug_CE() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        _call_1(d);
        try {
            _err_2(d);
        } catch (AlreadyCalledError e) {
            check(e, "testAlreadyCalledDebug_CE", "_call_1", "_err_2");
            return;
        }
        fail("second errback failed to raise AlreadyCalledError");
    }

    /** Debug info after errback and callback. */
    @Test
    public void testAlreadyCalledDebug_EC() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        _err_1(d);
        try {
            _call_2(d);
        } catch (AlreadyCalledError e) {
            check(e, "testAlreadyCalledDebug_EC", "_err_1", "_call_2");
            return;
        }
        fail("second callback failed to raise AlreadyCalledError");
    }

    /** Debug info after errback and errback. */
    @Test
    public void testAlreadyCalledDebug_EE() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(this::callback, this::errback);
        _err_1(d);
        try {
            _err_2(d);
        } catch (AlreadyCalledError e) {
            check(e, "testAlreadyCalledDebug_EE", "_err_1", "_err_2");
            return;
        }
        fail("second errback failed to raise AlreadyCalledError");
    }

    /** With debugging off, the error has no message (Twisted: no {@code args}). */
    @Test
    public void testNoDebugging() {
        Defer.setDebugging(false);
        Deferred<String> d = newDeferred();
        _call_1(d);
        try {
            _call_2(d);
        } catch (AlreadyCalledError e) {
            assertNull(e.getMessage());
            return;
        }
        fail("second callback failed to raise AlreadyCalledError");
    }

    /**
     * Makes sure Deferreds can deal with debug state flipping around randomly. This is covering a
     * particular fixed bug.
     */
    @Test
    public void testSwitchDebugging() {
        Defer.setDebugging(false);
        Deferred<Void> d = new Deferred<>();
        d.addBoth(ign -> null);
        Defer.setDebugging(true);
        d.callback(null);
        assertTrue(d.called());

        Defer.setDebugging(false);
        Deferred<Void> d2 = new Deferred<>();
        d2.callback(null);
        Defer.setDebugging(true);
        boolean[] ran = {false};
        d2.addBoth(ign -> {
            ran[0] = true;
            return null;
        });
        assertTrue(ran[0]);
    }
}
