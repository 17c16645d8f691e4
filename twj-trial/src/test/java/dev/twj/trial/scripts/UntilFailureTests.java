package dev.twj.trial.scripts;

import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.runner.TrialRunner;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests for {@link TrialRunner#runUntilFailure}. Port of
 * {@code twisted.trial.test.test_runner.UntilFailureTests}. Not ported:
 * {@code test_runUntilFailureDecorate} and {@code test_runUntilFailureForceGCDecorate} (twj does
 * not decorate tests: force-gc is part of running each one), and
 * {@code UncleanUntilFailureTests} (no {@code --unclean-warnings}).
 */
class UntilFailureTests extends SynchronousTestCase {
    /** A test case that fails when run 3 times in a row. */
    static final class FailAfter extends SynchronousTestCase {
        static final List<Object> count = new ArrayList<>();

        public void test_foo() {
            count.add(null);
            if (count.size() == 3) {
                fail("Count reached 3");
            }
        }
    }

    SynchronousTestCase test;
    ByteArrayOutputStream stream;
    TrialRunner runner;

    void setUp() {
        FailAfter.count.clear();
        test = SynchronousTestCase.forMethod(FailAfter.class, "test_foo");
        stream = new ByteArrayOutputStream();
        runner = new TrialRunner((s, realtime) -> new Reporter(s), null,
                new PrintStream(stream, true, StandardCharsets.UTF_8));
        runner.workingDirectory = mktemp();
    }

    /** The runUntilFailure method of the runner actually fails after a few runs. */
    public void test_runUntilFailure() {
        TestResult result = runner.runUntilFailure(List.of(test));
        assertEqual(result.testsRun(), 1);
        assertFalse(result.wasSuccessful());
        assertEqual(getFailures(result), 1);
        assertIn("Test Pass 3\n", stream.toString(StandardCharsets.UTF_8));
    }

    /** Get the number of failures that were reported to a result. */
    int getFailures(TestResult result) {
        return result.failures.size();
    }
}
