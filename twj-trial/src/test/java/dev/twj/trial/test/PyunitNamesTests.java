package dev.twj.trial.test;

import dev.twj.trial.reporter.MinimalReporter;
import dev.twj.trial.reporter.TreeReporter;
import dev.twj.trial.reporter.VerboseTextReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Tests for the names the reporters print, and the minimal reporter's summary. Port of
 * {@code twisted.trial.test.test_reporter.PyunitNamesTests}; Twisted's sample is a standard
 * library test case, twj's {@link Sample.PyunitTest} a trial one (Java has no other kind).
 */
final class PyunitNamesTests extends SynchronousTestCase {
    private ByteArrayOutputStream stream;
    private PrintStream out;
    private SynchronousTestCase test;

    void setUp() {
        stream = new ByteArrayOutputStream();
        out = new PrintStream(stream, true, StandardCharsets.UTF_8);
        test = SynchronousTestCase.forMethod(Sample.PyunitTest.class, "test_foo");
    }

    private String output() {
        return stream.toString(StandardCharsets.UTF_8);
    }

    /** A minimal reporter whose clock is a list of times. */
    static final class TimedMinimalReporter extends MinimalReporter {
        final Deque<Double> times;

        TimedMinimalReporter(PrintStream out, List<Double> times) {
            super(out, false);
            this.times = new ArrayDeque<>(times);
        }

        @Override
        protected double getTime() {
            return times.pop();
        }

        void printTheSummary() {
            printSummary();
        }
    }

    /** The verbose reporter prints the test's id when it starts. */
    public void test_verboseReporter() {
        VerboseTextReporter result = new VerboseTextReporter(out, false);
        result.startTest(test);
        assertEqual(output(), Sample.PyunitTest.class.getName() + ".test_foo ... ");
    }

    /** The tree reporter prints the test's description when it starts. */
    public void test_treeReporter() {
        TreeReporter result = new TreeReporter(out);
        result.startTest(test);
        String[] lines = output().split("\n");
        assertEqual(lines[lines.length - 1].strip(), result.getDescription(test) + " ...");
    }

    /** The description of a test is its method name. */
    public void test_getDescription() {
        TreeReporter result = new TreeReporter(out);
        assertEqual(result.getDescription(test), "test_foo");
    }

    /**
     * The summary of MinimalReporter is a simple list of numbers, indicating how many tests ran,
     * how many failed etc: the run time of the tests, the number of tests run (printed 2 times
     * for legacy reasons), the number of errors, failures and skips.
     */
    public void test_minimalReporter() {
        TimedMinimalReporter result = new TimedMinimalReporter(out, List.of(1.0, 1.2, 1.5, 1.9));
        test.run(result);
        result.printTheSummary();
        List<String> output = List.of(output().strip().split(" "));
        assertEqual(output.subList(1, output.size()), List.of("1", "1", "0", "0", "0"));
    }

    /** MinimalReporter reports the time to run the tests as first data in its output. */
    public void test_minimalReporterTime() {
        TimedMinimalReporter result = new TimedMinimalReporter(out, List.of(1.0, 1.2, 1.5, 1.9));
        test.run(result);
        result.printTheSummary();
        String timer = output().strip().split(" ")[0];
        assertEqual(timer, "0.7");
    }

    /** The summary of MinimalReporter is a list of zeroes when no test is actually run. */
    public void test_emptyMinimalReporter() {
        TimedMinimalReporter result = new TimedMinimalReporter(out, List.of());
        result.printTheSummary();
        assertEqual(List.of(output().strip().split(" ")), List.of("0", "0", "0", "0", "0", "0"));
    }
}
