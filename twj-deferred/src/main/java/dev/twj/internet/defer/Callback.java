package dev.twj.internet.defer;

/**
 * A function added to a {@link Deferred} with {@link Deferred#addCallback}: receives the current
 * result and returns the next one.
 *
 * <p>It may throw any exception, checked or not: the Deferred catches it and moves to its errback
 * path with a {@link dev.twj.python.failure.Failure}. Returning a {@code Failure} does the same.
 * Returning an unfired {@link Deferred} pauses the chain until that Deferred fires.
 *
 * @param <T> the result this callback receives
 * @param <R> the result it returns
 */
@FunctionalInterface
public interface Callback<T, R> {
    /** Computes the next result from {@code result}. */
    R call(T result) throws Exception;
}
