package dev.twj.internet.error;

/**
 * The connection was closed, whether cleanly or non-cleanly. Port of
 * {@code twisted.internet.error.ConnectionClosed}.
 *
 * <p>The message follows Twisted's {@code str()}: the class's {@code MESSAGE}, then
 * {@code ": "} and the detail if there is one, then a full stop.
 */
public class ConnectionClosed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String detail;

    /** Creates the error with no detail. */
    public ConnectionClosed() {
        this(new String[0]);
    }

    /**
     * Creates the error with details, as Twisted's exception arguments.
     *
     * @param args shown after the message, joined with spaces
     */
    public ConnectionClosed(String... args) {
        super(String.join(" ", args));
        this.detail = String.join(" ", args);
    }

    /**
     * Creates the error with details; with {@code writableStackTrace} false it records no stack
     * trace and no suppressed exceptions, and takes no cause, so that one instance can be shared
     * as Twisted shares {@code main.CONNECTION_DONE}.
     *
     * @param writableStackTrace false for a shared instance
     * @param args shown after the message, joined with spaces
     */
    protected ConnectionClosed(boolean writableStackTrace, String... args) {
        super(String.join(" ", args), null, writableStackTrace, writableStackTrace);
        this.detail = String.join(" ", args);
    }

    /** Returns the detail given at construction, or {@code ""}. */
    public String detail() {
        return detail;
    }

    /** Returns the fixed part of the message; subclasses return their Twisted {@code MESSAGE}. */
    protected String message() {
        return "Connection was closed, whether cleanly or non-cleanly";
    }

    @Override
    public String getMessage() {
        return detail.isEmpty() ? message() + "." : message() + ": " + detail + ".";
    }
}
