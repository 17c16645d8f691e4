package dev.twj.internet.error;

/**
 * An error occurred while connecting. Port of {@code twisted.internet.error.ConnectError}, the
 * base of the errors a client connection attempt fails with.
 *
 * <p>The message follows Twisted's {@code str()}: {@code MESSAGE}, then {@code ": osError"} and
 * {@code ": string"} where given, then a full stop, e.g.
 * {@code "Connection was refused by other side: 111: Connection refused."}.
 */
public class ConnectError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String osError;
    private final String string;

    /** Creates the error with no detail. */
    public ConnectError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public ConnectError(String osError, String string) {
        super(string);
        this.osError = osError;
        this.string = string == null ? "" : string;
    }

    /** Returns the operating system's error, or null. */
    public String osError() {
        return osError;
    }

    /** Returns the description given at construction, or {@code ""}. */
    public String string() {
        return string;
    }

    /** Returns the fixed part of the message; subclasses return their Twisted {@code MESSAGE}. */
    protected String message() {
        return "An error occurred while connecting";
    }

    @Override
    public String getMessage() {
        StringBuilder s = new StringBuilder(message());
        if (osError != null && !osError.isEmpty()) {
            s.append(": ").append(osError);
        }
        if (!string.isEmpty()) {
            s.append(": ").append(string);
        }
        return s.append('.').toString();
    }
}
