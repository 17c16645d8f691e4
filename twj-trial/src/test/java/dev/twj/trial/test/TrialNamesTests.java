package dev.twj.trial.test;

import dev.twj.trial.reporter.TreeReporter;
import dev.twj.trial.reporter.VerboseTextReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Tests for the names of trial test cases in the reporters' output. Port of
 * {@code twisted.trial.test.test_reporter.TrialNamesTests}.
 */
final class TrialNamesTests extends SynchronousTestCase {
    private ByteArrayOutputStream stream;
    private PrintStream out;
    private SynchronousTestCase test;

    void setUp() {
        stream = new ByteArrayOutputStream();
        out = new PrintStream(stream, true, StandardCharsets.UTF_8);
        test = SynchronousTestCase.forMethod(Sample.FooTest.class, "test_foo");
    }

    private String output() {
        return stream.toString(StandardCharsets.UTF_8);
    }

    /** The verbose reporter prints the test's id when it starts. */
    public void test_verboseReporter() {
        VerboseTextReporter result = new VerboseTextReporter(out, false);
        result.startTest(test);
        assertEqual(output(), test.id() + " ... ");
    }

    /** The tree reporter prints the test's description when it starts. */
    public void test_treeReporter() {
        TreeReporter result = new TreeReporter(out);
        result.startTest(test);
        String[] lines = output().split("\n");
        assertEqual(lines[lines.length - 1].strip(), result.getDescription(test) + " ...");
    }

    /** A docstring: the description is the method name all the same. */
    public void test_treeReporterWithDocstrings() {
        TreeReporter result = new TreeReporter(out);
        assertEqual(result.getDescription(this), "test_treeReporterWithDocstrings");
    }

    /** The description of a test is its method name. */
    public void test_getDescription() {
        TreeReporter result = new TreeReporter(out);
        assertEqual(result.getDescription(test), "test_foo");
    }
}
