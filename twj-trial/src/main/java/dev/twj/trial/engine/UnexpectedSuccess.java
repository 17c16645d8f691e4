package dev.twj.trial.engine;

/**
 * Reports that a test marked {@link dev.twj.trial.unittest.Todo @Todo} passed: the JUnit form of
 * trial's {@code [SUCCESS!?!]}. An {@link AssertionError}, so reports count it as a failure.
 */
public final class UnexpectedSuccess extends AssertionError {
    private static final long serialVersionUID = 1L;

    UnexpectedSuccess(String message) {
        super(message);
    }
}
