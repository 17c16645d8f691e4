package dev.twj.internet.error;

/**
 * File used for UNIX socket is no good. Port of {@code twisted.internet.error.BadFileError}.
 */
public class BadFileError extends ConnectError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "File used for UNIX socket is no good";

    /** Creates the error with no detail. */
    public BadFileError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public BadFileError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
