package dev.twj.internet.error;

/**
 * An error occurred binding to an interface. Port of {@code twisted.internet.error.BindError}.
 */
public class BindError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "An error occurred binding to an interface";

    /**
     * Creates the error with details, as Twisted's exception arguments.
     *
     * @param args shown after the message, joined with spaces
     */
    public BindError(String... args) {
        super(args.length == 0 ? MESSAGE + "." : MESSAGE + ": " + String.join(" ", args) + ".");
    }

    /** For subclasses that compute their own message. */
    protected BindError(Throwable cause) {
        super(cause);
    }
}
