package dev.twj.internet.defer;

/**
 * Stops the operation behind a {@link Deferred} when {@link Deferred#cancel} is called.
 *
 * <p>A canceller may fire the Deferred itself (with {@code callback} or {@code errback}); if it
 * does not, {@code cancel} errbacks the Deferred with {@link CancelledError}.
 *
 * @param <T> the Deferred's result type
 */
@FunctionalInterface
public interface Canceller<T> {
    /** Stops the operation whose result {@code deferred} was to carry. */
    void cancel(Deferred<T> deferred);
}
