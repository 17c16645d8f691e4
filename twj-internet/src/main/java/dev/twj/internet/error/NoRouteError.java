package dev.twj.internet.error;

/**
 * No route to host. Port of {@code twisted.internet.error.NoRouteError}.
 */
public class NoRouteError extends ConnectError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "No route to host";

    /** Creates the error with no detail. */
    public NoRouteError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public NoRouteError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
