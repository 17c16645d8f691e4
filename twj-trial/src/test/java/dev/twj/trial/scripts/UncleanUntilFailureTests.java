package dev.twj.trial.scripts;

/**
 * The run-until-failure feature works correctly with the unclean error suppressor. Port of
 * {@code twisted.trial.test.test_runner.UncleanUntilFailureTests}; the runner returns the
 * reporter itself, not the wrapper, so its failures are read directly.
 */
final class UncleanUntilFailureTests extends UntilFailureTests {
    @Override
    void setUp() {
        super.setUp();
        runner.uncleanWarnings = true;
    }
}
