package dev.twj.internet.defer;

/**
 * Thrown by {@link Deferred#fromCoroutine} and {@link Defer#ensureDeferred} when given something
 * that is not a {@link Coroutine} (nor, for {@code ensureDeferred}, a {@link Deferred}).
 *
 * <p>Port of {@code twisted.internet.defer.NotACoroutineError}, which subclasses Python's
 * {@code TypeError}; here it is an {@link IllegalArgumentException}.
 */
public class NotACoroutineError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with {@code message}. */
    public NotACoroutineError(String message) {
        super(message);
    }
}
