package dev.twj.internet.error;

/**
 * Raised when a port is asked to stop listening while it is not listening. Port of {@code twisted.internet.error.NotListeningError}.
 */
public class NotListeningError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public NotListeningError() {
        super("The Port was not listening when it was asked to stop listening.");
    }

    /**
     * Creates the error with a message of its own.
     *
     * @param message what went wrong
     */
    public NotListeningError(String message) {
        super(message);
    }
}
