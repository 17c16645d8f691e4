package dev.twj.trial.scripts;

/**
 * Tests for TrialRunner with the feature to turn unclean errors into warnings disabled. Port of
 * {@code twisted.trial.test.test_runner.TrialRunnerTests}. Not ported: {@code test_publisher}
 * (reporters take no log publisher); {@code test_empty} is the sample test the others run.
 */
final class TrialRunnerTests extends TrialRunnerTestsMixin {}
