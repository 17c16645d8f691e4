package dev.twj.internet.defer;

/**
 * The error a Deferred fails with when {@link Deferred#addTimeout} times it out.
 *
 * <p>Port of {@code twisted.internet.defer.TimeoutError}, which is a different class from
 * {@code twisted.internet.error.TimeoutError} (the connect timeout).
 */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public TimeoutError() {
        super();
    }

    /** Creates the error with {@code message}. */
    public TimeoutError(String message) {
        super(message);
    }

    /**
     * Creates the error Twisted's {@code addTimeout} raises: {@code TimeoutError(timeout,
     * "Deferred")}, whose message reads {@code "Deferred timed out after 1.5 seconds"}.
     */
    public TimeoutError(double timeout, String what) {
        super(what + " timed out after " + timeout + " seconds");
    }
}
