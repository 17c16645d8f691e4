package dev.twj.internet.defer;

/**
 * Raised by {@link Deferred#callback} and {@link Deferred#errback} when the Deferred has already fired.
 *
 * <p>Port of {@code twisted.internet.defer.AlreadyCalledError}. With debugging on ({@link Defer#setDebugging}) the message carries the stacks that created and first fired the Deferred, in lines that start with {@code " C:"} and {@code " I:"}.
 */
public class AlreadyCalledError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public AlreadyCalledError() {
        super();
    }

    /** Creates the error with {@code message}. */
    public AlreadyCalledError(String message) {
        super(message);
    }
}
