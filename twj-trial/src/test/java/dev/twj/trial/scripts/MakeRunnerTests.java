package dev.twj.trial.scripts;

import dev.twj.trial.runner.TrialRunner;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Tests for the {@code makeRunner} helper. Port of
 * {@code twisted.trial.test.test_script.MakeRunnerTests}. {@code test_autoDetectAvailableCpusForJobs}
 * compares with {@code Trial.autoJobs()} instead of replacing it. Not ported:
 * {@code test_DebuggerNotFound} (no {@code --debug}).
 */
final class MakeRunnerTests extends SynchronousTestCase {
    private Trial.Options options;
    private final PrintStream out = new PrintStream(OutputStream.nullOutputStream());

    void setUp() {
        options = new Trial.Options();
    }

    /**
     * makeRunner returns a DistTrialRunner instance when the --jobs option is passed. The
     * DistTrialRunner knows how many workers to run and the workerArguments to pass to them.
     */
    public void test_jobs() {
        options.parseOptions("--jobs", "4", "--force-gc");
        TrialRunner runner = Trial.makeRunner(options, out);
        DistTrialRunner dist = assertIsInstance(runner, DistTrialRunner.class);
        assertEqual(4, dist.maxWorkers);
        assertEqual(List.of("--force-gc"), dist.workerArguments);
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

    /** --jobs auto guesses the number of workers to use. */
    public void test_autoDetectAvailableCpusForJobs() {
        options.parseOptions("--jobs", "auto");
        DistTrialRunner runner = assertIsInstance(Trial.makeRunner(options, out),
                DistTrialRunner.class);
        assertEqual(Trial.autoJobs(), runner.maxWorkers);
    }

    /**
     * makeRunner returns a TrialRunner instance in DRY_RUN mode when the --dry-run option is
     * passed, even if --jobs is set.
     */
    public void test_dryRunWithJobs() {
        options.parseOptions("--jobs", "4", "--dry-run");
        TrialRunner runner = Trial.makeRunner(options, out);
        assertNotIsInstance(runner, DistTrialRunner.class);
        assertEqual(TrialRunner.DRY_RUN, runner.mode);
    }

    /**
     * Passing --exitfirst wraps the reporter with an ExitWrapper that stops on any non-success.
     */
    public void test_exitfirst() {
        options.parseOptions("--exitfirst");
        TrialRunner runner = Trial.makeRunner(options, out);
        assertTrue(runner.exitFirst);
    }
}
