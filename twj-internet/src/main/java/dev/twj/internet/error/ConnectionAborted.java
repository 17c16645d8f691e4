package dev.twj.internet.error;

/**
 * The connection was aborted locally, with {@code ITCPTransport.abortConnection}. Port of {@code twisted.internet.error.ConnectionAborted}.
 */
public class ConnectionAborted extends ConnectionLost {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "Connection was aborted locally using ITCPTransport.abortConnection";

    /** Creates the error with no detail. */
    public ConnectionAborted() {
        this(new String[0]);
    }

    /**
     * Creates the error with details, as Twisted's exception arguments.
     *
     * @param args shown after the message, joined with spaces
     */
    public ConnectionAborted(String... args) {
        super(args);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
