package dev.twj.internet.interfaces;

import dev.twj.internet.defer.IClock;
import java.util.List;

/**
 * Time methods that a reactor provides. Port of {@code twisted.internet.interfaces.IReactorTime}.
 *
 * <p>It extends the {@link IClock} that twj-deferred declares, so any reactor or
 * {@code Clock} can time out a Deferred with {@code addTimeout}.
 */
public interface IReactorTime extends IClock {
    /**
     * Returns the time the reactor thinks it is, in seconds, from a clock that only moves forward.
     */
    @Override
    double seconds();

    /**
     * Calls {@code callable} after {@code delay} seconds.
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    @Override
    IDelayedCall callLater(double delay, Runnable callable);

    /** Returns the calls scheduled and not yet run or cancelled. */
    List<IDelayedCall> getDelayedCalls();
}
