package dev.twj.trial.test;

import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.runner.TestLoader;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tests for how {@link Reporter} prints errors and failures at the end of a run. Port of
 * {@code twisted.trial.test.test_reporter.ErrorReportingTests} (with its {@code StringTest}
 * helper). The tracebacks are Java's: the exception line first, then one {@code at} line per
 * frame, trimmed of trial's frames (so the test's own frame comes right after the exception).
 *
 * <p>Not ported: {@code test_doctestError} (no doctests) and {@code test_hiddenException} (an
 * error of a delayed call run by the deprecated {@code iterate()} while the test fails).
 */
class ErrorReportingTests extends SynchronousTestCase {
    static final Pattern DOUBLE_SEPARATOR = Pattern.compile("^=+$");

    TestLoader loader;
    ByteArrayOutputStream output;
    /** What the tests report to. */
    IReporter result;
    /** The reporter that prints the report: {@link #result} or the reporter it wraps. */
    Reporter reporter;

    void setUp() {
        loader = new TestLoader();
        output = new ByteArrayOutputStream();
        reporter = new Reporter(new PrintStream(output, true, StandardCharsets.UTF_8));
        result = reporter;
    }

    private String getOutput(List<SynchronousTestCase> suite) {
        for (SynchronousTestCase test : suite) {
            test.run(result);
        }
        reporter.done();
        return output.toString(StandardCharsets.UTF_8);
    }

    /**
     * Checks that each non-empty line of {@code output} contains the string or matches the
     * pattern at the same position of {@code expect} (null matches anything). Twisted's
     * {@code StringTest.stringComparison}.
     */
    void stringComparison(List<Object> expect, List<String> output) {
        List<String> lines = new ArrayList<>();
        for (String line : output) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        assertTrue(expect.size() <= lines.size(), "Must have more observed than expected lines "
                + lines.size() + " < " + expect.size());
        for (int i = 0; i < expect.size(); i++) {
            Object exp = expect.get(i);
            String out = lines.get(i);
            if (exp == null) {
                continue;
            } else if (exp instanceof String s) {
                assertSubstring(s, out);
            } else if (exp instanceof Pattern p) {
                assertTrue(p.matcher(out).matches(),
                        "Line " + i + ": " + p.pattern() + " did not match string " + out);
            } else {
                throw new IllegalArgumentException("don't know what to do with object " + exp);
            }
        }
    }

    /**
     * A test method which runs and has an error recorded against it is reported in the output
     * stream with the ERROR tag along with a summary of what error was reported and the ID of
     * the test.
     */
    public void test_formatErroredMethod() {
        Class<?> cls = Erroneous.SynchronousTestFailureInSetUp.class;
        String output = getOutput(loader.loadClass(cls));
        List<Object> match = List.of(
                DOUBLE_SEPARATOR,
                "[ERROR]",
                Erroneous.FoolishError.class.getName() + ": I am a broken setUp method",
                Pattern.compile("^\\s+at .*Erroneous\\$SynchronousTestFailureInSetUp\\.setUp"
                        + "\\(Erroneous\\.java:\\d+\\)$"));
        stringComparison(match, output.lines().toList());
        assertIn("\n\n" + cls.getName() + ".test_noop\n", output);
    }

    /**
     * A test method which runs and has a failure recorded against it is reported in the output
     * stream with the FAIL tag along with a summary of what failure was reported and the ID of
     * the test.
     */
    public void test_formatFailedMethod() {
        String output = getOutput(loader.loadByName(
                Erroneous.TestRegularFail.class.getName() + ".test_fail"));
        List<Object> match = List.of(
                DOUBLE_SEPARATOR,
                "[FAIL]",
                "dev.twj.trial.unittest.FailTest: I fail",
                Pattern.compile("^\\s+at .*Erroneous\\$TestRegularFail\\.test_fail"
                        + "\\(Erroneous\\.java:\\d+\\)$"));
        stringComparison(match, output.lines().toList());
        assertIn("\n\n" + Erroneous.TestRegularFail.class.getName() + ".test_fail\n", output);
    }
}
