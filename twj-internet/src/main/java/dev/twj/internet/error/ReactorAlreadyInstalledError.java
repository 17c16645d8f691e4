package dev.twj.internet.error;

/**
 * Raised when installing a reactor while one is already installed. Port of {@code twisted.internet.error.ReactorAlreadyInstalledError}.
 */
public class ReactorAlreadyInstalledError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public ReactorAlreadyInstalledError() {
        super("reactor already installed");
    }

    /**
     * Creates the error with a message of its own.
     *
     * @param message what went wrong
     */
    public ReactorAlreadyInstalledError(String message) {
        super(message);
    }
}
