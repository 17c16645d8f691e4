package dev.twj.internet.error;

/**
 * Hostname couldn't be looked up. Port of {@code twisted.internet.error.UnknownHostError}.
 */
public class UnknownHostError extends ConnectError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "Hostname couldn't be looked up";

    /** Creates the error with no detail. */
    public UnknownHostError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public UnknownHostError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
