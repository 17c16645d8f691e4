package dev.twj.internet.error;

/**
 * Connection was refused by other side. Port of {@code twisted.internet.error.ConnectionRefusedError}.
 */
public class ConnectionRefusedError extends ConnectError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "Connection was refused by other side";

    /** Creates the error with no detail. */
    public ConnectionRefusedError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public ConnectionRefusedError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
