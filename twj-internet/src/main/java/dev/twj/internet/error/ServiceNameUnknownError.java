package dev.twj.internet.error;

/**
 * Service name given as port is unknown. Port of {@code twisted.internet.error.ServiceNameUnknownError}.
 */
public class ServiceNameUnknownError extends ConnectError {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "Service name given as port is unknown";

    /** Creates the error with no detail. */
    public ServiceNameUnknownError() {
        this(null, "");
    }

    /**
     * Creates the error.
     *
     * @param osError the operating system's error (number or text), or null
     * @param string a description, or {@code ""}
     */
    public ServiceNameUnknownError(String osError, String string) {
        super(osError, string);
    }

    @Override
    protected String message() {
        return MESSAGE;
    }
}
