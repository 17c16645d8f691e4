package dev.twj.internet.error;

/**
 * The connection to the other side was lost in a non-clean fashion. Port of {@code twisted.internet.error.ConnectionLost}.
 */
public class ConnectionLost extends ConnectionClosed {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "Connection to the other side was lost in a non-clean fashion";

    /** Creates the error with no detail. */
    public ConnectionLost() {
        this(new String[0]);
    }

    /**
     * Creates the error with details, as Twisted's exception arguments.
     *
     * @param args shown after the message, joined with spaces
     */
    public ConnectionLost(String... args) {
        super(args);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
