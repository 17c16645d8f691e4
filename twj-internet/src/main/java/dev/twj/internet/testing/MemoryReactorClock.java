package dev.twj.internet.testing;

import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.task.Clock;
import java.util.List;

/**
 * A {@link MemoryReactor} that is also a deterministic clock: Twisted's
 * {@code twisted.internet.testing.MemoryReactorClock}, which inherits from both MemoryReactor and
 * {@code task.Clock}. Java has one superclass, so the clock part delegates to a {@link Clock}
 * ({@link #clock()}); time moves only with {@link #advance} and {@link #pump}.
 */
public class MemoryReactorClock extends MemoryReactor implements IReactorTime {
    private final Clock clock = new Clock();

    /** Creates a reactor that is not running, at time 0. */
    public MemoryReactorClock() {}

    /** Returns the clock this reactor delegates time to. */
    public Clock clock() {
        return clock;
    }

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

    /** Moves time on by {@code amount} seconds, running the calls that become due. */
    public void advance(double amount) {
        clock.advance(amount);
    }

    /** Advances by each of {@code timings} in turn. */
    public void pump(double... timings) {
        clock.pump(timings);
    }
}
