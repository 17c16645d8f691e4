package dev.twj.internet.defer;

/**
 * The error a Deferred fails with when it is cancelled.
 *
 * <p>Port of {@code twisted.internet.defer.CancelledError}.
 */
public class CancelledError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public CancelledError() {
        super();
    }

    /** Creates the error with {@code message}. */
    public CancelledError(String message) {
        super(message);
    }
}
