package dev.twj.trial.scripts;

import dev.twj.trial.runner.TrialRunner;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests that 'dry run' mode works with various test case classes. Port of
 * {@code twisted.trial.test.test_runner.DryRunMixin}.
 */
abstract class DryRunMixin extends SynchronousTestCase {
    /** What the sample tests ran. */
    static final List<String> log = new ArrayList<>();

    TrialRunner runner;
    SynchronousTestCase test;

    void setUp() {
        log.clear();
        runner = new TrialRunner(CapturingReporter::new, TrialRunner.DRY_RUN,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        makeTestFixtures();
    }

    /** Sets {@code test}. */
    abstract void makeTestFixtures();

    /** If there are no tests, the reporter should not receive any events to report. */
    public void test_empty() {
        CapturingReporter result = (CapturingReporter) runner.run(List.of());
        assertEqual(result.calls, List.of());
    }

    /**
     * If we are running a single test, check the reporter starts, passes and then stops the
     * test during a dry run.
     */
    public void test_singleCaseReporting() {
        CapturingReporter result = (CapturingReporter) runner.run(List.of(test));
        assertEqual(result.calls, List.of("startTest", "addSuccess", "stopTest"));
    }

    /** When we are doing a dry run, the tests should not actually be run. */
    public void test_testsNotRun() {
        runner.run(List.of(test));
        assertEqual(log, List.of());
    }
}
