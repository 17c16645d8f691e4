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

    private ConnectionLost(boolean writableStackTrace) {
        super(writableStackTrace);
    }

    private static final ConnectionLost SHARED = new ConnectionLost(false);

    /**
     * Returns the one shared instance with no detail, Twisted's {@code main.CONNECTION_LOST}
     * (also {@link dev.twj.internet.Main#CONNECTION_LOST}): it has no stack trace, no suppressed
     * exceptions and no cause, and none can be added, so sharing it is safe and free.
     */
    public static ConnectionLost shared() {
        return SHARED;
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
