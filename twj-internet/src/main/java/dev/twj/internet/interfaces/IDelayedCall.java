package dev.twj.internet.interfaces;

import dev.twj.internet.defer.ITimedCall;

/**
 * A call scheduled for later. Port of {@code twisted.internet.interfaces.IDelayedCall}.
 */
public interface IDelayedCall extends ITimedCall {
    /** Returns the time at which the call will run, on its reactor's {@code seconds()} scale. */
    double getTime();

    /**
     * Cancels the call.
     *
     * @throws RuntimeException {@code AlreadyCalled} or {@code AlreadyCancelled} if it is no
     *     longer active
     */
    @Override
    void cancel();

    /** Moves the call so that it runs {@code secondsFromNow} from now. */
    void reset(double secondsFromNow);

    /** Pushes the call {@code secondsLater} later. */
    void delay(double secondsLater);

    /** Returns true until the call has run or been cancelled. */
    @Override
    boolean active();
}
