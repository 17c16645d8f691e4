package dev.twj.internet.defer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.concurrent.Callable;

/**
 * What {@link DeferredLock} and {@link DeferredSemaphore} share: the FIFO list of Deferreds
 * waiting to acquire, the canceller that takes a waiter off that list, and {@link #run}.
 *
 * <p>Port of {@code twisted.internet.defer._ConcurrencyPrimitive}. Twisted's {@code async with}
 * support ({@code __aenter__}/{@code __aexit__}) has no Java counterpart and is not ported.
 *
 * <p>Its public methods are not {@code final} on purpose: the class is sealed to two final
 * subclasses, and non-final methods get the public bridges in those subclasses that let
 * reflection reach them from outside this package.
 *
 * @param <S> the concrete primitive, which {@link #acquire} fires its Deferreds with
 */
abstract sealed class ConcurrencyPrimitive<S extends ConcurrencyPrimitive<S>>
        permits DeferredLock, DeferredSemaphore {
    /**
     * The Deferreds returned by {@link #acquire} that have not fired yet, oldest first. A linked
     * set, so that a cancelled waiter leaves it in constant time.
     */
    final SequencedSet<Deferred<S>> waiting = new LinkedHashSet<>();

    ConcurrencyPrimitive() {}

    /**
     * Acquires this primitive.
     *
     * @return a Deferred that fires with this primitive once it is acquired; cancelling it before
     *     then removes it from the waiting list and fails it with {@link CancelledError}
     */
    public abstract Deferred<S> acquire();

    /**
     * Releases this primitive, handing it to the oldest waiter if there is one. Should be called
     * by whoever did the {@link #acquire} when the shared resource is free.
     */
    public abstract void release();

    /**
     * Returns the Deferreds waiting to acquire this primitive, oldest first: a snapshot, for
     * inspection. Port of Twisted's {@code waiting} attribute.
     */
    public List<Deferred<S>> waiting() {
        return List.copyOf(waiting);
    }

    /**
     * Acquires, runs {@code f}, releases: when this primitive is acquired, calls {@code f}, and
     * releases once its result is known.
     *
     * <p>{@code f} may return a {@link Deferred}; if it does, the primitive is not released until
     * that Deferred fires, and the returned Deferred fires with its result. If {@code f} throws or
     * its Deferred fails, the primitive is released all the same and the returned Deferred fails.
     * Use {@link #runDeferred} for such functions so that the types say so.
     *
     * @return a Deferred of {@code f}'s result
     */
    public <R> Deferred<R> run(Callable<? extends R> f) {
        if (f == null) {
            throw new NullPointerException("f == null");
        }
        return acquire().addCallbackDeferred(
                ignored -> Defer.<R>maybeDeferred(f).addBoth(this::releaseAndReturn));
    }

    /**
     * Acquires, runs {@code f}, which returns a Deferred, and releases when that Deferred fires.
     * {@link #run} typed for Deferred-returning functions.
     *
     * @return a Deferred of the result of the Deferred {@code f} returns
     */
    public <R> Deferred<R> runDeferred(Callable<? extends Deferred<? extends R>> f) {
        if (f == null) {
            throw new NullPointerException("f == null");
        }
        return acquire().addCallbackDeferred(
                ignored -> Defer.<R>maybeDeferredDeferred(f).addBoth(this::releaseAndReturn));
    }

    /** Releases, then passes {@code r} (a result or a Failure) on unchanged. */
    @SuppressWarnings("unchecked")
    private <R> R releaseAndReturn(Object r) {
        release();
        return (R) r;
    }

    /** Creates the Deferred {@link #acquire} returns, whose canceller leaves the waiting list. */
    final Deferred<S> newAcquireDeferred() {
        // The canceller only runs while the Deferred has not fired, and release() takes a waiter
        // off the list before firing it, so the Deferred is always on the list here.
        return new Deferred<>(waiting::remove);
    }

    /** Takes the oldest waiter off the list and fires it with this primitive. */
    final void fireOldestWaiter() {
        waiting.removeFirst().callback(self());
    }

    /** Returns this, typed as the concrete primitive. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
