package dev.twj.internet.testing;

import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.task.Clock;
import java.util.List;

/**
 * A {@link MemoryReactor} that is also an {@link IReactorTime}, its time driven by a
 * {@link Clock}. Port of Twisted's {@code twisted.internet.testing.MemoryReactorClock}.
 */
public class MemoryReactorClock extends MemoryReactor implements IReactorTime {
    /** The clock timed calls go to; advance it to run them. */
    public final Clock clock = new Clock();

    /** Creates the reactor at time 0. */
    public MemoryReactorClock() {}

    @Override
    public double seconds() {
        return clock.seconds();
    }

    @Override
    public IDelayedCall callLater(double delay, Runnable callable) {
        return clock.callLater(delay, callable);
    }

    @Override
    public List<IDelayedCall> getDelayedCalls() {
        return clock.getDelayedCalls();
    }

    /** Moves time forward by {@code amount} seconds, running the calls that became due. */
    public void advance(double amount) {
        clock.advance(amount);
    }

    /** Advances the clock by each of {@code timings} in turn. */
    public void pump(double... timings) {
        clock.pump(timings);
    }
}
