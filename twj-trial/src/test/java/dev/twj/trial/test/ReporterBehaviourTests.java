package dev.twj.trial.test;

import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.MinimalReporter;
import dev.twj.trial.reporter.TimingTextReporter;
import dev.twj.trial.reporter.VerboseTextReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Java-only tests of the reporters' output, line by line as trial's. */
final class ReporterBehaviourTests extends SynchronousTestCase {
    private ByteArrayOutputStream stream;
    private PrintStream out;
    private SynchronousTestCase test;
    private int timer;

    void setUp() {
        stream = new ByteArrayOutputStream();
        out = new PrintStream(stream, true, StandardCharsets.UTF_8);
        test = SynchronousTestCase.forMethod(Sample.FooTest.class, "test_foo");
    }

    private String output() {
        return stream.toString(StandardCharsets.UTF_8);
    }

    /**
     * The timing reporter writes the time of each test on the line after the test's, as trial's
     * does. The clock reads 1 when the test starts, 2 when the run's timing starts, 3 when the
     * test stops.
     */
    public void test_timingLine() {
        TimingTextReporter result = new TimingTextReporter(out, false) {
            @Override
            protected double getTime() {
                return ++timer;
            }
        };
        result.startTest(test);
        result.addSuccess(test);
        result.stopTest(test);
        assertEqual(output(), test.id() + " ... [OK]\n(2.000 secs)\n");
    }

    /** The verbose reporter (trial's bwverbose) writes {@code [FAILURE]} for a failure. */
    public void test_verboseFailure() {
        VerboseTextReporter result = new VerboseTextReporter(out, false);
        result.startTest(test);
        result.addFailure(test, new Failure(new AssertionError("no")));
        result.stopTest(test);
        assertEqual(output(), test.id() + " ... [FAILURE]\n");
    }

    /** The minimal reporter's done prints the summary line only. */
    public void test_minimalDone() {
        MinimalReporter result = new MinimalReporter(out, false) {
            @Override
            protected double getTime() {
                return ++timer;
            }
        };
        test.run(result);
        result.done();
        assertEqual(output(), "2.0 1 1 0 0 0\n");
    }
}
