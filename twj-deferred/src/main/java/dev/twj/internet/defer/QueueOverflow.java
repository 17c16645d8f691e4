package dev.twj.internet.defer;

/**
 * Raised by {@link DeferredQueue#put} when the queue is full.
 *
 * <p>Port of {@code twisted.internet.defer.QueueOverflow}.
 */
public class QueueOverflow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public QueueOverflow() {
        super();
    }

    /** Creates the error with {@code message}. */
    public QueueOverflow(String message) {
        super(message);
    }
}
