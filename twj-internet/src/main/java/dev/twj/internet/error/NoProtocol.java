package dev.twj.internet.error;

/**
 * Raised when the factory given to a client endpoint returns null from buildProtocol. Port of {@code twisted.internet.error.NoProtocol}.
 */
public class NoProtocol extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public NoProtocol() {
        super("The factory did not build a protocol.");
    }

    /**
     * Creates the error with a message of its own.
     *
     * @param message what went wrong
     */
    public NoProtocol(String message) {
        super(message);
    }
}
