package dev.twj.trial.test;

import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Tests for Reporter's handling of skips. Port of
 * {@code twisted.trial.test.test_reporter.SkipTests}.
 *
 * <p>Not ported: {@code test_booleanSkip} and {@code test_exceptionSkip} (a skip's reason is a
 * {@code String} in Java, never {@code True} or an exception). The reporter's summary is read
 * from {@link #reporter}, what the test reports to is {@link #result} (the same reporter here,
 * a wrapper of it in {@link UncleanWarningSkipTests}).
 */
class SkipTests extends SynchronousTestCase {
    ByteArrayOutputStream stream;
    Reporter reporter;
    IReporter result;
    SynchronousTestCase test;

    void setUp() {
        stream = new ByteArrayOutputStream();
        reporter = new Reporter(new PrintStream(stream, true, StandardCharsets.UTF_8));
        result = reporter;
        test = SynchronousTestCase.forMethod(Sample.FooTest.class, "test_foo");
    }

    private String[] lines() {
        return stream.toString(StandardCharsets.UTF_8).split("\n", -1);
    }

    /** Get the number of skips that happened to a reporter. */
    int getSkips(IReporter result) {
        return ((Reporter) result).skips.size();
    }

    /** The reporter accumulates skips. */
    public void test_accumulation() {
        result.addSkip(test, "some reason");
        assertEqual(getSkips(result), 1);
    }

    /** A skip does not make the run unsuccessful. */
    public void test_success() {
        result.addSkip(test, "some reason");
        assertEqual(true, reporter.wasSuccessful());
    }

    /**
     * The summary of a successful run with skips indicates that the test suite passed and
     * includes the number of skips.
     */
    public void test_summary() {
        result.addSkip(test, "some reason");
        reporter.done();
        String[] lines = lines();
        String output = lines[lines.length - 2];
        String prefix = "PASSED ";
        assertTrue(output.startsWith(prefix), output);
        assertEqual(output.substring(prefix.length()).strip(), "(skips=1)");
    }

    /** The output at the end of a test run with skips includes the reasons for skipping. */
    public void test_basicErrors() {
        result.addSkip(test, "some reason");
        reporter.done();
        assertEqual(lines()[3].strip(), "some reason");
    }
}
