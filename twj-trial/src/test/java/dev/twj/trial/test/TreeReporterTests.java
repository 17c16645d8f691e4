package dev.twj.trial.test;

import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TreeReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tests for {@link TreeReporter}. Port of {@code twisted.trial.test.test_reporter.TreeReporterTests}.
 *
 * <p>{@code test_groupResults} and {@code test_printResults} use the reporter's protected
 * grouping through a small subclass. Not ported from test_reporter.py: the other classes
 * (warnings, tracebacks trimming, subunit, the colorizers) in this pass.
 */
final class TreeReporterTests extends SynchronousTestCase {
    /** A sample test case: Twisted's {@code sample.FooTest}. */
    static final class FooTest extends SynchronousTestCase {
        public void test_foo() {}

        public void test_bar() {}
    }

    /** Exposes the reporter's grouping for the tests. */
    static final class OpenTreeReporter extends TreeReporter {
        OpenTreeReporter(PrintStream stream) {
            super(stream);
        }

        List<Map.Entry<String, List<SynchronousTestCase>>> groupErrors() {
            return groupResults(errors, Outcome::test, o -> formatFailureTraceback(o.failure()));
        }

        void printResults(String flavor, List<Map.Entry<SynchronousTestCase, Integer>> results) {
            printResults(flavor, results, Map.Entry::getKey, e -> e.getValue() + "\n");
        }
    }

    private SynchronousTestCase test;
    private ByteArrayOutputStream stream;
    private OpenTreeReporter result;
    private final List<List<String>> log = new ArrayList<>();

    void setUp() {
        test = SynchronousTestCase.forMethod(FooTest.class, "test_foo");
        stream = new ByteArrayOutputStream();
        result = new OpenTreeReporter(new PrintStream(stream, true, StandardCharsets.UTF_8));
        // MockColorizer: records what would be written in color.
        Reporter.Colorizer mock = (text, color) -> log.add(List.of(color, text));
        result.setColorizer(mock);
    }

    private String output() {
        return stream.toString(StandardCharsets.UTF_8);
    }

    /**
     * The summary in case of success should have a good count of successes and be colored
     * properly.
     */
    public void test_summaryColoredSuccess() {
        result.addSuccess(test);
        result.done();
        assertEqual(log.get(1), List.of(TreeReporter.SUCCESS, "PASSED"));
        String[] lines = output().split("\n");
        assertEqual(lines[lines.length - 1].strip(), "(successes=1)");
    }

    /**
     * The summary in case of failure should have a good count of errors and be colored properly.
     */
    public void test_summaryColoredFailure() {
        result.addError(this, new Failure(new RuntimeException("foo")));
        result.done();
        assertEqual(log.get(1), List.of(TreeReporter.FAILURE, "FAILED"));
        String[] lines = output().split("\n");
        assertEqual(lines[lines.length - 1].strip(), "(errors=1)");
    }

    /**
     * The tree needs to get the segments of the test ID that correspond to the module and class
     * that it belongs to.
     */
    public void test_getPrelude() {
        assertEqual(List.of("foo.bar", "baz"), result.getPreludeSegments("foo.bar.baz.qux"));
        assertEqual(List.of("foo", "bar"), result.getPreludeSegments("foo.bar.baz"));
        assertEqual(List.of("foo"), result.getPreludeSegments("foo.bar"));
        assertEqual(List.of(), result.getPreludeSegments("foo"));
    }

    /**
     * If two different tests have the same error, groupResults includes them together in one of
     * the tuples in the list it returns.
     */
    public void test_groupResults() {
        Failure f = new Failure(new RuntimeException("foo"));
        result.addError(this, f);
        result.addError(test, f);
        SynchronousTestCase extra = SynchronousTestCase.forMethod(FooTest.class, "test_bar");
        result.addError(extra, new Failure(new RuntimeException("bar")));
        result.done();
        List<Map.Entry<String, List<SynchronousTestCase>>> grouped = result.groupErrors();
        assertEqual(grouped.get(0).getValue(), List.of(this, test));
        assertEqual(grouped.get(1).getValue(), List.of(extra));
    }

    /**
     * printResults uses the results list and formatter callable passed to it to produce groups
     * of results to write to its output stream.
     */
    public void test_printResults() {
        SynchronousTestCase first = SynchronousTestCase.forMethod(FooTest.class, "test_foo");
        SynchronousTestCase second = SynchronousTestCase.forMethod(FooTest.class, "test_bar");
        SynchronousTestCase third = SynchronousTestCase.forMethod(TreeReporterTests.class,
                "test_printResults");
        result.printResults("FOO", List.of(Map.entry(first, 1), Map.entry(second, 1),
                Map.entry(third, 2)));
        assertEqual(output(),
                Reporter.DOUBLE_SEPARATOR + "\n"
                        + "FOO\n"
                        + "1\n"
                        + "\n"
                        + first.id() + "\n"
                        + second.id() + "\n"
                        + Reporter.DOUBLE_SEPARATOR + "\n"
                        + "FOO\n"
                        + "2\n"
                        + "\n"
                        + third.id() + "\n");
    }
}
