package dev.twj.internet.error;

/**
 * User aborted connection. Port of {@code twisted.internet.error.UserError}.
 */
public class UserError extends ConnectError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "User aborted connection";

    /** Creates the error with no detail. */
    public UserError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public UserError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
