package dev.twj.internet.defer;

import dev.twj.python.failure.Failure;

/**
 * A function added to a {@link Deferred} with {@link Deferred#addErrback}: receives the
 * {@link Failure} on the chain and either handles it, by returning a value that moves the chain
 * back to its callback path, or passes it on, by throwing (usually through
 * {@link Failure#trap}) or returning a {@code Failure}.
 *
 * @param <R> the result it returns when it handles the failure
 */
@FunctionalInterface
public interface Errback<R> {
    /** Handles {@code failure}, or throws to pass it on. */
    R call(Failure failure) throws Exception;
}
