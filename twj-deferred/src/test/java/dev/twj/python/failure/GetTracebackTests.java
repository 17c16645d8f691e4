package dev.twj.python.failure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Tests for {@link Failure#getTraceback(String)}. Port of
 * {@code twisted.test.test_failure.GetTracebackTests}.
 */
class GetTracebackTests {

    /**
     * An exception class the instances of which cannot be presented as strings: Java's
     * {@code getMessage()} (and so {@code toString()}) throws, as Python's {@code __str__} does.
     */
    static final class BrokenStr extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new IllegalStateException("You cannot make a string out of me.");
        }
    }

    /**
     * Construct a Failure with an exception that raises an exception from its string method and
     * then call {@code getTraceback} with the specified detail and verify that it returns a string.
     */
    private void brokenValueTest(String detail) {
        BrokenStr x = new BrokenStr();
        Failure f = new Failure(x);
        String traceback = f.getTraceback(detail);
        assertTrue(traceback instanceof String);
        assertTrue(traceback.contains(BrokenStr.class.getName()), traceback);
        assertTrue(traceback.contains("You cannot make a string out of me."), traceback);
    }

    /**
     * A Failure might wrap an exception whose string method raises an exception. In this case,
     * calling {@code getTraceback} on the failure with the {@code "brief"} detail does not raise.
     */
    @Test
    public void test_brokenValueBriefDetail() {
        brokenValueTest("brief");
    }

    /** Like test_brokenValueBriefDetail, but for the {@code "default"} detail case. */
    @Test
    public void test_brokenValueDefaultDetail() {
        brokenValueTest("default");
    }

    /** Like test_brokenValueBriefDetail, but for the {@code "verbose"} detail case. */
    @Test
    public void test_brokenValueVerboseDetail() {
        brokenValueTest("verbose");
    }
}
