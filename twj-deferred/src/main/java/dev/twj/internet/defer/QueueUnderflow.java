package dev.twj.internet.defer;

/**
 * Raised by {@link DeferredQueue#get} when too many callers are already waiting.
 *
 * <p>Port of {@code twisted.internet.defer.QueueUnderflow}.
 */
public class QueueUnderflow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public QueueUnderflow() {
        super();
    }

    /** Creates the error with {@code message}. */
    public QueueUnderflow(String message) {
        super(message);
    }
}
