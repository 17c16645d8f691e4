package dev.twj.trial.scripts;

/**
 * Tests for the TrialRunner's interaction with an unclean-error suppressing reporter. Port of
 * {@code twisted.trial.test.test_runner.TrialRunnerWithUncleanWarningsReporterTests}.
 */
final class TrialRunnerWithUncleanWarningsReporterTests extends TrialRunnerTestsMixin {
    @Override
    void setUp() {
        super.setUp();
        runner.uncleanWarnings = true;
    }
}
