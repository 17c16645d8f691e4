package dev.twj.trial.test;

import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.FailTest;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Tests for the bare interface of a trial reporter. Subclass this test case and override
 * {@link #resultFactory} to test that a particular reporter implementation will work with the
 * rest of trial. Port of {@code twisted.trial.test.test_reporter.ReporterInterfaceTests}.
 */
class ReporterInterfaceTests extends SynchronousTestCase {
    SynchronousTestCase test;
    ByteArrayOutputStream stream;
    TestResult result;

    /** Returns the reporter to be tested, writing to {@code out}. */
    TestResult resultFactory(PrintStream out) {
        return new Reporter(out);
    }

    void setUp() {
        test = SynchronousTestCase.forMethod(Sample.FooTest.class, "test_foo");
        stream = new ByteArrayOutputStream();
        result = resultFactory(new PrintStream(stream, true, StandardCharsets.UTF_8));
    }

    /** shouldStop is false to begin with. */
    public void test_shouldStopInitiallyFalse() {
        assertEqual(false, result.shouldStop);
    }

    /** shouldStop becomes true soon as someone calls stop(). */
    public void test_shouldStopTrueAfterStop() {
        result.stop();
        assertEqual(true, result.shouldStop);
    }

    /** wasSuccessful() is true when there have been no results reported. */
    public void test_wasSuccessfulInitiallyTrue() {
        assertEqual(true, result.wasSuccessful());
    }

    /** wasSuccessful() is true when there have been only successes, false otherwise. */
    public void test_wasSuccessfulTrueAfterSuccesses() {
        result.addSuccess(test);
        assertEqual(true, result.wasSuccessful());
    }

    /** wasSuccessful() becomes false after errors have been reported. */
    public void test_wasSuccessfulFalseAfterErrors() {
        try {
            int zero = 0;
            System.out.print(1 / zero);
        } catch (ArithmeticException e) {
            result.addError(test, new Failure(e));
        }
        assertEqual(false, result.wasSuccessful());
    }

    /** wasSuccessful() becomes false after failures have been reported. */
    public void test_wasSuccessfulFalseAfterFailures() {
        try {
            throw fail("foo");
        } catch (FailTest e) {
            result.addFailure(test, new Failure(e));
        }
        assertEqual(false, result.wasSuccessful());
    }
}
