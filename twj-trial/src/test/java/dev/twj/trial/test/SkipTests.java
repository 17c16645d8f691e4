package dev.twj.trial.test;

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
 * {@code String} in Java, never {@code True} or an exception), and all of
 * {@code UncleanWarningSkipTests} (no {@code --unclean-warnings} wrapper).
 */
final class SkipTests extends SynchronousTestCase {
    private ByteArrayOutputStream stream;
    private Reporter result;
    private SynchronousTestCase test;

    void setUp() {
        stream = new ByteArrayOutputStream();
        result = new Reporter(new PrintStream(stream, true, StandardCharsets.UTF_8));
        test = SynchronousTestCase.forMethod(Sample.FooTest.class, "test_foo");
    }

    private String[] lines() {
        return stream.toString(StandardCharsets.UTF_8).split("\n", -1);
    }

    /** Get the number of skips that happened to a reporter. */
    private int getSkips(Reporter result) {
        return result.skips.size();
    }

    /** The reporter accumulates skips. */
    public void test_accumulation() {
        result.addSkip(test, "some reason");
        assertEqual(getSkips(result), 1);
    }

    /** A skip does not make the run unsuccessful. */
    public void test_success() {
        result.addSkip(test, "some reason");
        assertEqual(true, result.wasSuccessful());
    }

    /**
     * The summary of a successful run with skips indicates that the test suite passed and
     * includes the number of skips.
     */
    public void test_summary() {
        result.addSkip(test, "some reason");
        result.done();
        String[] lines = lines();
        String output = lines[lines.length - 2];
        String prefix = "PASSED ";
        assertTrue(output.startsWith(prefix), output);
        assertEqual(output.substring(prefix.length()).strip(), "(skips=1)");
    }

    /** The output at the end of a test run with skips includes the reasons for skipping. */
    public void test_basicErrors() {
        result.addSkip(test, "some reason");
        result.done();
        assertEqual(lines()[3].strip(), "some reason");
    }
}
