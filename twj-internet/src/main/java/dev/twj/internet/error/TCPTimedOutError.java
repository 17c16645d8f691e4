package dev.twj.internet.error;

/**
 * TCP connection timed out. Port of {@code twisted.internet.error.TCPTimedOutError}.
 */
public class TCPTimedOutError extends ConnectError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "TCP connection timed out";

    /** Creates the error with no detail. */
    public TCPTimedOutError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public TCPTimedOutError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
