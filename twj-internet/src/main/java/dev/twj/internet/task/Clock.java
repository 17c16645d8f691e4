package dev.twj.internet.task;

import dev.twj.internet.base.DelayedCall;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic, easily-controlled implementation of {@link IReactorTime#callLater}: time only
 * moves when {@link #advance} is called. Commonly used in unit tests for code that schedules events
 * with that API. Port of {@code twisted.internet.task.Clock}.
 *
 * <pre>{@code
 * Clock clock = new Clock();
 * clock.callLater(2, () -> events.add("ran"));
 * clock.advance(1);   // nothing yet
 * clock.advance(1);   // runs it: time is 2.0
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Time starts at {@code 0.0} ({@code rightNow}).</li>
 *   <li>Pending calls are kept sorted by {@link IDelayedCall#getTime()} with a stable sort, so calls
 *       due at the same time run in the order they were scheduled. The list is re-sorted after
 *       every call made by {@link #advance}, so a {@code reset} or {@code delay} takes effect at
 *       once.</li>
 *   <li>{@link #advance} runs every call whose time is at or before the new time, including calls
 *       that those calls schedule (a {@code callLater(0, f)} from inside a call runs in the same
 *       advance). An exception thrown by a call propagates out of {@code advance}, and the calls
 *       after it stay pending.</li>
 *   <li>A negative delay is accepted, as in Twisted's {@code Clock} (only real reactors reject it):
 *       the call runs at the next {@code advance}, even {@code advance(0)}.</li>
 *   <li>Not thread-safe: like a reactor, use it from one thread.</li>
 * </ul>
 *
 * <p>Not final: like Twisted's {@code Clock}, it is a base for test doubles that are also a clock.
 */
public class Clock implements IReactorTime {
    private static final Comparator<DelayedCall> BY_TIME = Comparator.comparingDouble(DelayedCall::getTime);

    private double rightNow = 0.0;
    private final List<DelayedCall> calls = new ArrayList<>();
    private final List<IDelayedCall> callsView = Collections.unmodifiableList(calls);

    /** Creates a clock at time {@code 0.0} with no pending calls. */
    public Clock() {}

    /**
     * Returns the time which should be considered the current time: Twisted's "pretend to be
     * {@code time.time()}". Used, for example, by {@link IDelayedCall#reset} to compute a time
     * relative to now.
     */
    @Override
    public double seconds() {
        return rightNow;
    }

    /** Returns the current time of this clock (Twisted's {@code rightNow} attribute). */
    public double rightNow() {
        return rightNow;
    }

    /**
     * Sets the current time of this clock without running any call (assigning Twisted's
     * {@code rightNow}); calls that became due run at the next {@link #advance}.
     */
    public void setRightNow(double rightNow) {
        this.rightNow = rightNow;
    }

    private void sortCalls() {
        calls.sort(BY_TIME);
    }

    /**
     * Schedules {@code callable} to run {@code delay} seconds from now, when {@link #advance} moves
     * time past it. See {@link IReactorTime#callLater}.
     *
     * @return a {@link DelayedCall}
     */
    @Override
    public IDelayedCall callLater(double delay, Runnable callable) {
        DelayedCall dc = new DelayedCall(seconds() + delay, callable, calls::remove, c -> {}, this::seconds);
        calls.add(dc);
        sortCalls();
        return dc;
    }

    /**
     * Returns the pending calls, soonest first: a live, unmodifiable view (Twisted returns its
     * {@code calls} list itself). See {@link IReactorTime#getDelayedCalls}.
     */
    @Override
    public List<IDelayedCall> getDelayedCalls() {
        return callsView;
    }

    /**
     * Moves time on this clock forward by {@code amount} seconds and runs whatever pending calls
     * should be run, one at a time, soonest first.
     *
     * @param amount the number of seconds by which to advance this clock's time
     */
    public void advance(double amount) {
        rightNow += amount;
        sortCalls();
        while (!calls.isEmpty() && calls.get(0).getTime() <= seconds()) {
            DelayedCall call = calls.remove(0);
            call.markCalled();
            call.func().run();
            sortCalls();
        }
    }

    /** Advances incrementally by each of {@code timings} in turn: {@code advance} for each. */
    public void pump(Iterable<? extends Number> timings) {
        for (Number amount : timings) {
            advance(amount.doubleValue());
        }
    }

    /** Advances incrementally by each of {@code timings} in turn: {@code advance} for each. */
    public void pump(double... timings) {
        for (double amount : timings) {
            advance(amount);
        }
    }

    /** Returns {@code Clock{rightNow=1.5, calls=2}}. */
    @Override
    public String toString() {
        return "Clock{rightNow=" + rightNow + ", calls=" + calls.size() + "}";
    }
}
