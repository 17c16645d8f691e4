package dev.twj.internet.defer;

/**
 * A call scheduled with {@link IClock#callLater}: the part of {@code IDelayedCall} that a
 * Deferred needs.
 */
public interface ITimedCall {
    /** Returns true until the call has run or been cancelled. */
    boolean active();

    /**
     * Cancels the call.
     *
     * @throws RuntimeException {@code AlreadyCancelled} or {@code AlreadyCalled} (from
     *     twj-internet) if the call is no longer {@link #active}
     */
    void cancel();
}
