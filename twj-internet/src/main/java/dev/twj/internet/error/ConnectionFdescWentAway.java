package dev.twj.internet.error;

/**
 * The file descriptor of a connection went away. Port of
 * {@code twisted.internet.error.ConnectionFdescWentAway}, whose message is Twisted's "Uh".
 */
public class ConnectionFdescWentAway extends ConnectionLost {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message, as Twisted has it. */
    public static final String MESSAGE = "Uh";

    /**
     * Creates the error with details, as Twisted's exception arguments.
     *
     * @param args shown after the message, joined with spaces
     */
    public ConnectionFdescWentAway(String... args) {
        super(args);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
