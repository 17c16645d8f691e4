package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Format;
import dev.twj.logger.LogLevel;
import dev.twj.python.failure.Failure;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Test logging of unhandled errors.
 *
 * <p>Port of {@code twisted.test.test_defer.LogTests}. Where Java differs:
 * <ul>
 *   <li>CPython reports a Deferred's unhandled failure as soon as its last reference goes;
 *       {@code gc.collect()} only matters for cycles. The JVM reports it when the collector finds
 *       it, so {@link #gcCollect} asks for collections until every Deferred the test dropped is
 *       gone (a {@link WeakReference} to each says so; a Deferred that will not go fails the
 *       test instead of letting it pass unchecked), then calls
 *       {@link Defer#collectUnhandledErrors}, which reports on this thread whatever the daemon
 *       reporter has not yet reported. Deferreds are made in helper methods (Twisted's
 *       {@code _subErrorLog...}) so that no local variable of the test keeps them.</li>
 *   <li>Twisted's observer is a legacy {@code log.addObserver}; its events get {@code isError}
 *       from the legacy wrapper. Here a {@link CapturedLogs} on the global publisher sees
 *       twisted.logger events, and {@link #isError} applies the wrapper's rule.</li>
 *   <li>{@code 1 // 0} is {@code 1 / (x - 1)} on 1: {@code ZeroDivisionError} becomes
 *       {@link ArithmeticException}.</li>
 *   <li>Twisted renders text with the legacy {@code textFromEventDict}, which writes
 *       {@code "Unhandled Error\nTraceback "} before a failure's traceback when the event has no
 *       message; twj's {@link Format#eventAsText} writes the traceback alone.</li>
 * </ul>
 */
class LogTests {
    private CapturedLogs c;

    /** Adds a custom observer to observe logging. */
    @BeforeEach
    void setUp() {
        // Report what earlier tests left for the collector, so that it is not seen here.
        Defer.collectUnhandledErrors();
        c = CapturedLogs.capture();
    }

    /** Removes the observer. */
    @AfterEach
    void tearDown() {
        c.close();
    }

    /** The legacy observer wrapper's rule: a failure, an explicit isError, or error and above. */
    static boolean isError(Map<String, Object> event) {
        if (event.containsKey("log_failure")) {
            return true;
        }
        if (event.get("isError") instanceof Boolean b) {
            return b;
        }
        Object level = event.get("log_level");
        return level == LogLevel.error || level == LogLevel.critical;
    }

    private List<Map<String, Object>> loggedErrors() {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Map<String, Object> event : c.events()) {
            if (isError(event)) {
                errors.add(event);
            }
        }
        return errors;
    }

    /** Checks the output of the log observer to see if the error is present. */
    private void check() {
        List<Map<String, Object>> c2 = loggedErrors();
        assertEquals(2, c2.size(), () -> "logged errors: " + c2);
        assertEquals("Unhandled error in Deferred:", c2.get(0).get("log_format"));
        ((Failure) c2.get(1).get("log_failure")).trap(ArithmeticException.class);
    }

    /**
     * Twisted's {@code gc.collect()}: collects until every Deferred in {@code refs} is gone, then
     * reports, on this thread, those the daemon reporter has not reported yet.
     */
    static void gcCollect(List<WeakReference<Deferred<?>>> refs) {
        for (int i = 0; i < 100 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
        }
        if (refs.stream().anyMatch(r -> r.get() != null)) {
            fail("a Deferred the test dropped was not garbage-collected");
        }
        Defer.collectUnhandledErrors();
    }

    private static WeakReference<Deferred<?>> ref(Deferred<?> d) {
        return new WeakReference<>(d);
    }

    private static WeakReference<Deferred<?>> errorLog() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> 1 / (x - 1)).callback(1);
        return ref(d);
    }

    /**
     * Verify that when a Deferred with no references to it is fired, and its final result (the
     * one not handled by any callback) is an exception, that exception will be logged
     * immediately.
     */
    @Test
    public void test_errorLog() {
        gcCollect(List.of(errorLog()));
        check();
    }

    private static WeakReference<Deferred<?>> _subErrorLogWithInnerFrameRef() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> 1 / (x - 1));
        d.callback(1);
        return ref(d);
    }

    /** Same as {@link #test_errorLog}, but with an inner frame. */
    @Test
    public void test_errorLogWithInnerFrameRef() {
        gcCollect(List.of(_subErrorLogWithInnerFrameRef()));
        check();
    }

    /** A Deferred with an attribute, to make Twisted's {@code d._d = d} cycle. */
    static final class CyclicDeferred<T> extends Deferred<T> {
        Object _d;
    }

    private static WeakReference<Deferred<?>> _subErrorLogWithInnerFrameCycle() {
        CyclicDeferred<Integer> d = new CyclicDeferred<>();
        Deferred<Integer> unusedCycleRef = d;
        d.addCallback(x -> {
            // Refers to d, as Twisted's default argument d=d does.
            assertTrue(unusedCycleRef.called());
            return 1 / (x - 1);
        });
        // Set a self reference on to create a cycle.
        d._d = d;
        d.callback(1);
        return ref(d);
    }

    /** Same as {@link #test_errorLogWithInnerFrameRef}, plus create a cycle. */
    @Test
    public void test_errorLogWithInnerFrameCycle() {
        gcCollect(List.of(_subErrorLogWithInnerFrameCycle()));
        check();
    }

    /**
     * Verify that when a Deferred with no references to it is fired, the logged message does not
     * contain a repr of the failure object.
     */
    @Test
    public void test_errorLogNoRepr() {
        gcCollect(List.of(errorLog()));
        check();

        List<Map<String, Object>> events = c.events();
        assertEquals(2, events.size(), () -> "events: " + events);
        Map<String, Object> last = events.get(events.size() - 1);
        String msg = Format.eventAsText(last, true, false, false).strip();
        Failure failure = (Failure) last.get("log_failure");
        String expected = "java.lang.ArithmeticException: / by zero\n\tat ";
        assertTrue(msg.startsWith(expected),
                "Expected message starting with: " + expected + "\n" + msg);
        assertFalse(msg.contains(failure.toString()), msg);
    }

    private static WeakReference<Deferred<?>> doit() {
        Deferred<Integer> d = new Deferred<>();
        // Twisted sets d.debug = True on the instance after creating it, so only the invoker is
        // recorded; turning debugging on after construction does the same here.
        boolean wasDebugging = Defer.getDebugging();
        Defer.setDebugging(true);
        try {
            d.addCallback(x -> 1 / (x - 1));
            d.callback(1);
        } finally {
            Defer.setDebugging(wasDebugging);
        }
        return ref(d);
    }

    /**
     * Verify that when a Deferred with no references to it is fired, the logged message includes
     * debug info if debugging on the deferred is enabled.
     */
    @Test
    public void test_errorLogDebugInfo() {
        gcCollect(List.of(doit()));
        check();

        List<Map<String, Object>> events = c.events();
        assertEquals(2, events.size(), () -> "events: " + events);
        String msg = Format.eventAsText(events.get(events.size() - 1), true, false, false).strip();
        String expected = "(debug:  I";
        assertTrue(msg.startsWith(expected),
                "Expected message starting with: " + expected + "\n" + msg);
    }

    private static List<WeakReference<Deferred<?>>> chainedError() {
        List<WeakReference<Deferred<?>>> refs = new ArrayList<>();
        Deferred<Void> d = new Deferred<>();
        d.addCallbackDeferred(ign -> {
            Deferred<Void> inner = Defer.fail(new RuntimeException("zoop"));
            refs.add(ref(inner));
            return inner;
        });
        d.callback(null);

        // Sanity check - this isn't too interesting, but we do want the original Deferred to have
        // gotten the failure.
        List<Object> results = new ArrayList<>();
        List<Failure> errors = new ArrayList<>();
        d.addCallbacks(r -> results.add(r), f -> errors.add(f));
        assertEquals(List.of(), results);
        assertEquals(1, errors.size());
        errors.get(0).trap(Exception.class);

        refs.add(ref(d));
        return refs;
    }

    /**
     * If one Deferred with an error result is returned from a callback on another Deferred, when
     * the first Deferred is garbage collected it does not log its error.
     */
    @Test
    public void test_chainedErrorCleanup() {
        // Get rid of any references we might have to the inner Deferred (none of these should
        // really refer to it, but we're just being safe): chainedError's frame is gone.
        List<WeakReference<Deferred<?>>> refs = chainedError();
        assertEquals(2, refs.size());
        // Force a collection cycle so that there's a chance for an error to be logged, if it's
        // going to be logged.
        gcCollect(refs);
        // And make sure it is not.
        assertEquals(List.of(), loggedErrors());
    }

    private static List<WeakReference<Deferred<?>>> errorClearedByChaining() {
        // Start off with a Deferred with a failure for a result.
        Deferred<Void> bad = Defer.fail(new Exception("oh no"));
        Deferred<Void> good = new Deferred<>();
        // Give it a callback that chains it to another Deferred.
        bad.addErrbackDeferred(ignored -> good);
        // That's all, clean it up.
        return List.of(ref(bad), ref(good));
    }

    /**
     * If a Deferred with a failure result has an errback which chains it to another Deferred, the
     * initial failure is cleared by the errback so it is not logged.
     */
    @Test
    public void test_errorClearedByChaining() {
        // No Deferred here still has a failure result, so nothing should be logged.
        gcCollect(errorClearedByChaining());
        assertEquals(List.of(), loggedErrors());
    }
}
