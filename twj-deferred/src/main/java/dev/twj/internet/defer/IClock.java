package dev.twj.internet.defer;

/**
 * The part of {@code IReactorTime} that a Deferred needs to time itself out: the current time and
 * a way to call a function later.
 *
 * <p>twj-deferred needs no reactor, so it declares this small interface itself;
 * {@code dev.twj.internet.interfaces.IReactorTime} extends it, so every reactor and
 * {@code dev.twj.internet.task.Clock} can be passed to {@link Deferred#addTimeout}.
 */
public interface IClock {
    /** Returns the current time in seconds, on this clock's own scale. */
    double seconds();

    /**
     * Calls {@code f} after {@code delay} seconds have passed on this clock.
     *
     * @return a handle that can cancel the call while it is still {@link ITimedCall#active active}
     */
    ITimedCall callLater(double delay, Runnable f);
}
