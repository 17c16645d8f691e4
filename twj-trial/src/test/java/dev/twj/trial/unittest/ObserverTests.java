package dev.twj.trial.unittest;

import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.TestResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests for {@link LogObserver}, a helper for the implementation of
 * {@link SynchronousTestCase#flushLoggedErrors}. Port of
 * {@code twisted.trial.test.test_log.ObserverTests}; trial's engine runs it. Python's
 * ZeroDivisionError is {@link ArithmeticException}.
 */
final class ObserverTests extends SynchronousTestCase {
    TestResult result;
    LogObserver observer;

    /** Returns a new, realistic failure. */
    static Failure makeFailure() {
        try {
            int zero = 0;
            return new Failure(new AssertionError(1 / zero));
        } catch (ArithmeticException e) {
            return new Failure(e);
        }
    }

    private static Map<String, Object> event(Object... keysAndValues) {
        Map<String, Object> event = new HashMap<>();
        event.put("time", System.currentTimeMillis() / 1000.0);
        event.put("system", "-");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            event.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return event;
    }

    void setUp() {
        result = new TestResult();
        observer = new LogObserver();
    }

    /** A standard log message doesn't go anywhere near the result. */
    public void test_msg() {
        observer.gotEvent(event("message", List.of("some message"), "isError", false));
        assertEqual(observer.getErrors(), List.of());
    }

    /** An observed error gets added to the result. */
    public void test_error() {
        Failure f = makeFailure();
        observer.gotEvent(event("message", List.of(), "isError", true, "failure", f,
                "why", null));
        assertEqual(observer.getErrors(), List.of(f));
    }

    /** Flushing the observer with no args removes all errors. */
    public void test_flush() {
        test_error();
        List<Failure> flushed = observer.flushErrors();
        assertEqual(observer.getErrors(), List.of());
        assertEqual(flushed.size(), 1);
        assertTrue(flushed.get(0).check(ArithmeticException.class) != null);
    }

    private Failure makeRuntimeFailure() {
        return new Failure(new RuntimeException("test error"));
    }

    /** Flushing the observer removes all failures of the given type. */
    public void test_flushByType() {
        test_error(); // log a ZeroDivisionError to the observer
        Failure f = makeRuntimeFailure();
        observer.gotEvent(event("message", List.of(), "isError", true, "failure", f,
                "why", null));
        List<Failure> flushed = observer.flushErrors(ArithmeticException.class);
        assertEqual(observer.getErrors(), List.of(f));
        assertEqual(flushed.size(), 1);
        assertTrue(flushed.get(0).check(ArithmeticException.class) != null);
    }

    /** ignoreErrors actually causes errors to be ignored. */
    public void test_ignoreErrors() {
        observer.ignoreErrors(ArithmeticException.class);
        Failure f = makeFailure();
        observer.gotEvent(event("message", List.of(), "isError", true, "failure", f,
                "why", null));
        assertEqual(observer.getErrors(), List.of());
    }

    /** clearIgnores ensures that previously ignored errors get captured. */
    public void test_clearIgnores() {
        observer.ignoreErrors(ArithmeticException.class);
        observer.clearIgnores();
        Failure f = makeFailure();
        observer.gotEvent(event("message", List.of(), "isError", true, "failure", f,
                "why", null));
        assertEqual(observer.getErrors(), List.of(f));
    }
}
