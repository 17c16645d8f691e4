package dev.twj.internet.error;

/**
 * Raised when a connector is asked to stop connecting while it is not connecting. Port of {@code twisted.internet.error.NotConnectingError}.
 */
public class NotConnectingError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public NotConnectingError() {
        super("The Connector was not connecting when it was asked to stop connecting.");
    }

    /**
     * Creates the error with a message of its own.
     *
     * @param message what went wrong
     */
    public NotConnectingError(String message) {
        super(message);
    }
}
