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

    private ConnectionDone(boolean writableStackTrace) {
        super(writableStackTrace);
    }

    private static final ConnectionDone SHARED = new ConnectionDone(false);

    /**
     * Returns the one shared instance with no detail, Twisted's {@code main.CONNECTION_DONE}
     * (also {@link dev.twj.internet.Main#CONNECTION_DONE}): it has no stack trace, no suppressed
     * exceptions and no cause, and none can be added, so sharing it is safe and free.
     */
    public static ConnectionDone shared() {
        return SHARED;
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
