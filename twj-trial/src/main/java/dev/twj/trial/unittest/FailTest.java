package dev.twj.trial.unittest;

/**
 * Raised to indicate the current test has failed to pass. Port of
 * {@code twisted.trial.unittest.FailTest}, trial's {@code failureException}.
 *
 * <p>Every assertion of {@link SynchronousTestCase} throws it; the runner reports a test that
 * throws it as a failure, and any other exception as an error. Like Python's, it extends
 * {@link AssertionError}.
 */
public class FailTest extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** Creates a FailTest with {@code message}, which may be null (Python's {@code None}). */
    public FailTest(Object message) {
        super(message == null ? null : String.valueOf(message));
    }

    /** Creates a FailTest with {@code message} and the exception that caused it. */
    public FailTest(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns the message, or {@code "None"} where Python's {@code str(FailTest(None))} would. */
    @Override
    public String toString() {
        String message = getMessage();
        return getClass().getName() + ": " + (message == null ? "None" : message);
    }
}
