package dev.twj.internet.error;

/**
 * DNS lookup failed. Port of {@code twisted.internet.error.DNSLookupError}; Twisted's is an
 * {@code IOError}, twj's is unchecked like the other errors of this package.
 */
public class DNSLookupError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "DNS lookup failed";

    private final String detail;

    /** Creates the error with no detail. */
    public DNSLookupError() {
        this(new String[0]);
    }

    /**
     * Creates the error with details, as Twisted's exception arguments, usually the name that
     * failed to resolve.
     *
     * @param args shown after the message, joined with spaces
     */
    public DNSLookupError(String... args) {
        super(String.join(" ", args));
        this.detail = String.join(" ", args);
    }

    @Override
    public String getMessage() {
        return detail.isEmpty() ? MESSAGE + "." : MESSAGE + ": " + detail + ".";
    }
}
