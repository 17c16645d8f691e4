package dev.twj.trial.scripts;

import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * Tests for the parsing of trial's options that configure the runner. Port of the applicable
 * part of {@code twisted.trial.test.test_script.MakeRunnerTests}. Not ported: {@code test_jobs}
 * (no DistTrialRunner yet), {@code test_autoDetectAvailableCpusForJobs} (its CPU count is
 * patched in Python), {@code test_dryRunWithJobs}, {@code test_DebuggerNotFound} (no
 * {@code --dry-run}, {@code --debug}).
 */
final class MakeRunnerTests extends SynchronousTestCase {
    private Trial.Options options;

    void setUp() {
        options = new Trial.Options();
    }

    /** parseOptions raises a UsageError when --jobs is passed a non-integer. */
    public void test_jobsNotANumber() {
        Trial.UsageError exc = assertRaises(Trial.UsageError.class,
                () -> options.parseOptions("--jobs", "nan"));
        assertEqual("Expecting integer argument to jobs, got 'nan'", exc.getMessage());
    }

    /** parseOptions raises a UsageError when --jobs is passed a non-positive integer. */
    public void test_jobsNonPositive() {
        Trial.UsageError exc = assertRaises(Trial.UsageError.class,
                () -> options.parseOptions("--jobs", "0"));
        assertEqual("Argument to jobs must be a strictly positive integer or 'auto'",
                exc.getMessage());
    }

    /** Passing --exitfirst makes the runner stop at the first failure. */
    public void test_exitfirst() {
        options.parseOptions("--exitfirst");
        assertTrue(options.exitFirst);
    }
}
