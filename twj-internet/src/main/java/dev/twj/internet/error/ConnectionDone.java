package dev.twj.internet.error;

/**
 * The connection was closed cleanly. Port of {@code twisted.internet.error.ConnectionDone}.
 */
public class ConnectionDone extends ConnectionClosed {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "Connection was closed cleanly";

    /** Creates the error with no detail. */
    public ConnectionDone() {
        this(new String[0]);
    }

    /**
     * Creates the error with details, as Twisted's exception arguments.
     *
     * @param args shown after the message, joined with spaces
     */
    public ConnectionDone(String... args) {
        super(args);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
