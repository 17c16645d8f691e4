package dev.twj.internet.error;

/**
 * User timeout caused connection failure. Port of {@code twisted.internet.error.TimeoutError}.
 */
public class TimeoutError extends UserError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "User timeout caused connection failure";

    /** Creates the error with no detail. */
    public TimeoutError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public TimeoutError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
