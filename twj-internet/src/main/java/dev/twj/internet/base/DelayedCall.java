package dev.twj.internet.base;

import dev.twj.internet.error.AlreadyCalled;
import dev.twj.internet.error.AlreadyCancelled;
import dev.twj.internet.interfaces.IDelayedCall;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * A call scheduled for a time: what {@code callLater} of a reactor or of
 * {@link dev.twj.internet.task.Clock} returns. Port of {@code twisted.internet.base.DelayedCall}.
 *
 * <p>The owner of the call (a reactor or a {@code Clock}) keeps it in its queue and runs it: it
 * {@link #markCalled marks it called} first, then runs {@link #func()}. The call itself only keeps
 * its time and state, and tells its owner about changes through two hooks given at construction:
 * {@code canceller}, called with this call before it is cancelled, and {@code resetter}, called
 * after its time moved earlier (a later time is kept in {@link #delayedTime()} instead, so the
 * owner's queue needs no change; the owner moves it into {@link #time()} with
 * {@link #activateDelay()} when the call reaches the head of its queue).
 *
 * <h2>Contract</h2>
 * <p>Not thread-safe: use it on the thread of its owner. {@link #cancel}, {@link #reset} and
 * {@link #delay} of a call that ran throw {@link AlreadyCalled}, of a cancelled call
 * {@link AlreadyCancelled}. {@link #compareTo} orders calls by {@link #time()} without the delay,
 * as Twisted's {@code __lt__}.
 *
 * <p>Where Java differs: the function takes no arguments (a lambda captures what Python passes as
 * {@code *args, **kw}), so {@link #toString()} shows the function's {@code toString()} followed by
 * {@code ()}. Debug mode ({@link #setDebug}) records the creating stack as Java frames.
 */
public final class DelayedCall implements IDelayedCall, Comparable<DelayedCall> {
    private static volatile boolean debug;

    // A reactor keeps a million of these alive at times: the fields are few (40 bytes with
    // compressed references). The owner's hooks are one object, shared by all the calls of a
    // reactor; debug mode's texts live in a per-call Hooks subclass.
    private double time;
    private double delayedTime;
    private Runnable func;
    private Hooks hooks;
    private boolean cancelled;
    private boolean called;

    /** The owner's hooks of a call; one object may serve all the calls of an owner. */
    static class Hooks {
        final Consumer<DelayedCall> canceller;
        final Consumer<DelayedCall> resetter;
        final DoubleSupplier seconds;

        Hooks(Consumer<DelayedCall> canceller, Consumer<DelayedCall> resetter, DoubleSupplier seconds) {
            this.canceller = Objects.requireNonNull(canceller, "canceller == null");
            this.resetter = Objects.requireNonNull(resetter, "resetter == null");
            this.seconds = Objects.requireNonNull(seconds, "seconds == null");
        }
    }

    /** The hooks of a call made in debug mode, with its creating stack and its text once cancelled. */
    private static final class DebugHooks extends Hooks {
        final String creator;
        String repr;

        DebugHooks(Hooks owner, String creator) {
            super(owner.canceller, owner.resetter, owner.seconds);
            this.creator = creator;
        }
    }

    /**
     * Creates a call of {@code func} at {@code time}.
     *
     * @param time the time at which to call {@code func}, on the scale of {@code seconds}
     * @param func the function to call
     * @param canceller called with this call before it is cancelled (typically removes it from its
     *     owner's queue)
     * @param resetter called with this call after its time moved earlier, so that its owner can
     *     re-sort its queue
     * @param seconds the owner's clock, read by {@link #reset} and {@link #toString()}
     */
    public DelayedCall(
            double time,
            Runnable func,
            Consumer<DelayedCall> canceller,
            Consumer<DelayedCall> resetter,
            DoubleSupplier seconds) {
        this.time = time;
        this.func = Objects.requireNonNull(func, "func == null");
        Hooks h = new Hooks(canceller, resetter, seconds);
        this.hooks = debug ? new DebugHooks(h, creationStack()) : h;
    }

    /**
     * Creates a call of {@code func} at {@code time} whose owner's hooks are {@code hooks}, which
     * the owner shares between its calls (what a reactor's {@code callLater} uses).
     */
    DelayedCall(double time, Runnable func, Hooks hooks) {
        this.time = time;
        this.func = Objects.requireNonNull(func, "func == null");
        this.hooks = debug ? new DebugHooks(hooks, creationStack()) : hooks;
    }

    /**
     * Turns debug mode on or off for calls created afterwards: a call made in debug mode records
     * the stack that created it and shows it in {@link #toString()} (Twisted's
     * {@code DelayedCall.debug}).
     */
    public static void setDebug(boolean on) {
        debug = on;
    }

    /** Returns whether calls created now record their creating stack. */
    public static boolean getDebug() {
        return debug;
    }

    /** Returns the time at which this call will run: {@link #time()} plus {@link #delayedTime()}. */
    @Override
    public double getTime() {
        return time + delayedTime;
    }

    /** Returns the scheduled time without the pending delay (Twisted's {@code time} attribute). */
    public double time() {
        return time;
    }

    /**
     * Returns the delay added by {@link #delay} or a later {@link #reset} that the owner's queue
     * does not know about yet (Twisted's {@code delayed_time}).
     */
    public double delayedTime() {
        return delayedTime;
    }

    /**
     * Unschedules this call: calls the canceller, then forgets the function.
     *
     * @throws AlreadyCancelled if this call has already been cancelled
     * @throws AlreadyCalled if this call has already been made
     */
    @Override
    public void cancel() {
        checkActive();
        hooks.canceller.accept(this);
        cancelled = true;
        if (debug) {
            String text = toString();
            DebugHooks d = hooks instanceof DebugHooks dh ? dh : new DebugHooks(hooks, null);
            d.repr = text;
            hooks = d;
        }
        func = null;
    }

    /**
     * Reschedules this call to run {@code secondsFromNow} after the owner's current time.
     *
     * @throws AlreadyCancelled if this call has been cancelled
     * @throws AlreadyCalled if this call has already been made
     */
    @Override
    public void reset(double secondsFromNow) {
        checkActive();
        double newTime = hooks.seconds.getAsDouble() + secondsFromNow;
        if (newTime < time) {
            delayedTime = 0.0;
            time = newTime;
            hooks.resetter.accept(this);
        } else {
            delayedTime = newTime - time;
        }
    }

    /**
     * Reschedules this call {@code secondsLater} after its currently scheduled time.
     *
     * @throws AlreadyCancelled if this call has been cancelled
     * @throws AlreadyCalled if this call has already been made
     */
    @Override
    public void delay(double secondsLater) {
        checkActive();
        delayedTime += secondsLater;
        if (delayedTime < 0.0) {
            activateDelay();
            hooks.resetter.accept(this);
        }
    }

    /** Moves the pending delay into {@link #time()} (Twisted's {@code activate_delay}). */
    public void activateDelay() {
        time += delayedTime;
        delayedTime = 0.0;
    }

    /** Returns true if this call has not yet been made or cancelled. */
    @Override
    public boolean active() {
        return !(cancelled || called);
    }

    /** Returns true once this call has been made (set by its owner through {@link #markCalled}). */
    public boolean called() {
        return called;
    }

    /** Returns true once this call has been cancelled. */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Marks this call as made. Its owner calls this just before it runs {@link #func()}, so that
     * the function sees the call as no longer {@link #active()} (Twisted's {@code called = 1}).
     */
    public void markCalled() {
        called = true;
    }

    /** Returns the function this call runs, or null once it has been cancelled. */
    public Runnable func() {
        return func;
    }

    /** Returns the stack that created this call in debug mode, or null (Twisted's {@code creator}). */
    public String creator() {
        return hooks instanceof DebugHooks d ? d.creator : null;
    }

    /** Orders calls by {@link #time()}, without the pending delay, as Twisted's {@code __lt__}. */
    @Override
    public int compareTo(DelayedCall other) {
        return Double.compare(time, other.time);
    }

    private void checkActive() {
        if (cancelled) {
            throw new AlreadyCancelled();
        } else if (called) {
            throw new AlreadyCalled();
        }
    }

    private static String creationStack() {
        StringBuilder sb = new StringBuilder();
        StackTraceElement[] frames = new Throwable().getStackTrace();
        // Drop this method, the constructor and its caller (the owner's callLater), as Twisted
        // drops format_stack()[-2:] (the constructor and callLater).
        for (int i = 3; i < frames.length; i++) {
            sb.append("    ").append(frames[i]).append('\n');
        }
        return sb.toString();
    }

    /**
     * Returns Twisted's repr: {@code <DelayedCall 0x1a2b [1.5s] called=0 cancelled=0 f()>}, with
     * the seconds left until {@link #time()}, and without the function once cancelled. A call
     * created in debug mode ends with its creating stack (even if debug mode is off by now); a
     * call cancelled in debug mode keeps the text it had when it was cancelled.
     */
    @Override
    public String toString() {
        String creator = null;
        if (hooks instanceof DebugHooks d) {
            if (d.repr != null) {
                return d.repr;
            }
            creator = d.creator;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<DelayedCall 0x").append(Integer.toHexString(System.identityHashCode(this)))
                .append(" [").append(time - hooks.seconds.getAsDouble()).append("s] called=")
                .append(called ? 1 : 0).append(" cancelled=").append(cancelled ? 1 : 0);
        if (func != null) {
            sb.append(' ').append(func).append("()");
        }
        if (creator != null) {
            sb.append("\n\ntraceback at creation: \n\n").append(creator);
        }
        sb.append('>');
        return sb.toString();
    }
}
