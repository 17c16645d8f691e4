package dev.twj.internet.error;

/**
 * Raised when trying to start the reactor multiple times. Port of {@code twisted.internet.error.ReactorAlreadyRunning}.
 */
public class ReactorAlreadyRunning extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public ReactorAlreadyRunning() {
        super("Reactor already running.");
    }

    /**
     * Creates the error with a message of its own.
     *
     * @param message what went wrong
     */
    public ReactorAlreadyRunning(String message) {
        super(message);
    }
}
