package dev.twj.internet.error;

/**
 * Raised when trying to stop a reactor which is not running. Port of {@code twisted.internet.error.ReactorNotRunning}.
 */
public class ReactorNotRunning extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public ReactorNotRunning() {
        super("Can't stop reactor that isn't running.");
    }

    /**
     * Creates the error with a message of its own.
     *
     * @param message what went wrong
     */
    public ReactorNotRunning(String message) {
        super(message);
    }
}
