package dev.twj.internet.error;

/**
 * Couldn't bind. Port of {@code twisted.internet.error.ConnectBindError}.
 */
public class ConnectBindError extends ConnectError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "Couldn't bind";

    /** Creates the error with no detail. */
    public ConnectBindError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public ConnectBindError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
