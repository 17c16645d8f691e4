package dev.twj.internet.error;

/**
 * Raised when trying to run a reactor which was stopped. Port of {@code twisted.internet.error.ReactorNotRestartable}.
 */
public class ReactorNotRestartable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public ReactorNotRestartable() {
        super("Reactor is not restartable.");
    }

    /**
     * Creates the error with a message of its own.
     *
     * @param message what went wrong
     */
    public ReactorNotRestartable(String message) {
        super(message);
    }
}
