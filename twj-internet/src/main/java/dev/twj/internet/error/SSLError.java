package dev.twj.internet.error;

/**
 * An SSL error occurred. Port of {@code twisted.internet.error.SSLError}.
 */
public class SSLError extends ConnectError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "An SSL error occurred";

    /** Creates the error with no detail. */
    public SSLError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public SSLError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
