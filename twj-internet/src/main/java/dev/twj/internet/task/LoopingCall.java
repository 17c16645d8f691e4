package dev.twj.internet.task;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.internal.GlobalReactor;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Calls a function repeatedly. Port of {@code twisted.internet.task.LoopingCall}.
 *
 * <pre>{@code
 * LoopingCall lc = new LoopingCall(() -> poll());
 * lc.setClock(clock);
 * Deferred<LoopingCall> done = lc.start(0.5);   // calls poll() now, then every 0.5 s
 * ...
 * lc.stop();                                     // done fires with lc
 * }</pre>
 *
 * <p>If the function returns a {@link Deferred}, the next call is not scheduled until that Deferred
 * has fired; its result is ignored. If the function throws, or its Deferred fails, the loop stops
 * and the Deferred returned by {@link #start} fails with that failure.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Calls are aligned to the start time: with interval {@code i} started at {@code t0}, calls
 *       are due at {@code t0 + n*i}. When a call (or the Deferred it returned) ends after one or
 *       more of those times, they are <b>skipped</b> and the next call is scheduled for the next
 *       one strictly in the future: interval 1, a Deferred firing at 3.5, next call at 4.0. A
 *       next call that would be due "now" (to floating-point precision) moves a full interval
 *       later. An interval of 0 means {@code callLater(0)}: as soon as possible.</li>
 *   <li>{@link #running()} is true from {@link #start} until {@link #stop} or a failure, and is
 *       false by the time the Deferred returned by {@code start} fires.</li>
 *   <li>{@link #stop} fires that Deferred at once only if a call is scheduled; if the function's
 *       Deferred is outstanding, it fires when that Deferred does.</li>
 *   <li>{@link #withCount} passes the function the number of intervals that elapsed since its last
 *       call (skipped calls included) and skips calls where that is 0.</li>
 *   <li>Not thread-safe: use it on its clock's thread.</li>
 * </ul>
 *
 * <p>Where Java differs from Twisted: a lambda captures the arguments that Python passes as
 * {@code *a, **kw}; the clock defaults to the installed global reactor if there is one, and
 * otherwise must be set with {@link #setClock} before {@link #start}; Twisted's
 * {@code assert}s (start while running, stop or reset while stopped) throw
 * {@link IllegalStateException}; the deprecated {@code deferred} attribute is not ported. Being a
 * {@link Runnable} stands for Twisted's {@code __call__}: {@link #run()} makes one call.
 */
public final class LoopingCall implements Runnable {
    /**
     * The function given to {@link #withCount}: receives the number of intervals since its last
     * call.
     */
    @FunctionalInterface
    public interface CountCallable {
        /**
         * Makes one call; may return a {@link Deferred} to delay the next one, and may throw to
         * stop the loop.
         */
        Object call(int count) throws Exception;
    }

    private Callable<?> f;
    private IReactorTime clock;
    private IDelayedCall call;
    private boolean running;
    private Deferred<LoopingCall> deferred;
    private Double interval;
    private boolean runAtStart;
    private Double starttime;
    private Double realLastTime;

    /**
     * Creates a loop calling {@code f}; what it returns is ignored unless it is a Deferred, which
     * delays the next call until it fires.
     */
    public LoopingCall(Callable<?> f) {
        this.f = Objects.requireNonNull(f, "f == null");
        this.clock = GlobalReactor.getOrNull();
    }

    /** Creates a loop calling {@code f}. */
    public LoopingCall(Runnable f) {
        this(runnableCallable(Objects.requireNonNull(f, "f == null")));
    }

    private static Callable<Object> runnableCallable(Runnable f) {
        return new Callable<>() {
            @Override
            public Object call() {
                f.run();
                return null;
            }

            @Override
            public String toString() {
                return f.toString();
            }
        };
    }

    /**
     * An alternate constructor that makes available the number of calls which should have occurred
     * since it was last invoked.
     *
     * <p>This number is an {@code int}: the discrete number of calls that should have been made.
     * For example, if you are using a looping call to display an animation with discrete frames,
     * this number would be the number of frames to advance.
     *
     * <p>The count is normally 1, but can be higher: for example if the reactor is blocked and takes
     * too long to invoke the {@code LoopingCall}, if a Deferred returned from a previous call is
     * not fired before an interval has elapsed, or if the callable itself blocks for longer than
     * an interval, preventing itself from being called. When running with an interval of 0, the
     * count is always 1.
     *
     * @param countCallable invoked each time the loop runs, with the number of calls that should
     *     have been made
     * @return a {@code LoopingCall} with call counting enabled
     */
    public static LoopingCall withCount(CountCallable countCallable) {
        Objects.requireNonNull(countCallable, "countCallable == null");
        LoopingCall self = new LoopingCall(() -> null);
        self.f = new Callable<Object>() {
            @Override
            public Object call() throws Exception {
                return self.countCall(countCallable);
            }

            @Override
            public String toString() {
                return countCallable.toString();
            }
        };
        return self;
    }

    private Object countCall(CountCallable countCallable) throws Exception {
        double now = clock.seconds();
        if (interval == 0) {
            realLastTime = now;
            return countCallable.call(1);
        }
        double lastTime;
        if (realLastTime == null) {
            if (starttime == null) {
                throw new IllegalStateException("LoopingCall called before it was started");
            }
            lastTime = starttime;
            if (runAtStart) {
                lastTime -= interval;
            }
        } else {
            lastTime = realLastTime;
        }
        long lastInterval = intervalOf(lastTime);
        long thisInterval = intervalOf(now);
        long count = thisInterval - lastInterval;
        if (count > 0) {
            realLastTime = now;
            return countCallable.call(Math.toIntExact(count));
        }
        return null;
    }

    /** The number of whole intervals passed between the start and {@code t}. */
    private long intervalOf(double t) {
        double elapsedTime = t - starttime;
        return (long) (elapsedTime / interval);
    }

    /**
     * Starts calling the function every {@code interval} seconds, the first time right now (inside
     * this method).
     *
     * @see #start(double, boolean)
     */
    public Deferred<LoopingCall> start(double interval) {
        return start(interval, true);
    }

    /**
     * Starts calling the function every {@code interval} seconds.
     *
     * @param interval the number of seconds between calls; may be less than one, and 0 means as
     *     often as possible. Precision depends on the clock.
     * @param now if true, makes the first call right now, inside this method; otherwise waits until
     *     the interval has elapsed before beginning
     * @return a Deferred that fires with this loop when {@link #stop} is called, or fails when the
     *     function throws or returns a Deferred that fails
     * @throws IllegalStateException if the loop is already running, or no clock is set
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    public Deferred<LoopingCall> start(double interval, boolean now) {
        if (running) {
            throw new IllegalStateException("Tried to start an already running LoopingCall.");
        }
        if (interval < 0) {
            throw new IllegalArgumentException("interval must be >= 0: " + interval);
        }
        if (clock == null) {
            throw new IllegalStateException(
                    "LoopingCall has no clock and no global reactor is installed; call setClock first");
        }
        running = true;
        // The loop might fail at once, clearing this.deferred; hence the local.
        Deferred<LoopingCall> d = deferred = new Deferred<>();
        starttime = clock.seconds();
        this.interval = interval;
        runAtStart = now;
        if (now) {
            run();
        } else {
            scheduleFrom(starttime);
        }
        return d;
    }

    /**
     * Stops running the function. If a call is scheduled, it is cancelled and the Deferred returned
     * by {@link #start} fires with this loop now; otherwise it fires when the outstanding Deferred
     * returned by the function does.
     *
     * @throws IllegalStateException if the loop is not running
     */
    public void stop() {
        if (!running) {
            throw new IllegalStateException("Tried to stop a LoopingCall that was not running.");
        }
        running = false;
        if (call != null) {
            call.cancel();
            call = null;
            Deferred<LoopingCall> d = deferred;
            deferred = null;
            d.callback(this);
        }
    }

    /**
     * Skips the next call and restarts the interval from now. Does nothing while a Deferred
     * returned by the function is outstanding.
     *
     * @throws IllegalStateException if the loop is not running
     */
    public void reset() {
        if (!running) {
            throw new IllegalStateException("Tried to reset a LoopingCall that was not running.");
        }
        if (call != null) {
            call.cancel();
            call = null;
            starttime = clock.seconds();
            scheduleFrom(starttime);
        }
    }

    /**
     * Makes one call of the function, then schedules the next (Twisted's {@code __call__}). The
     * loop's scheduled calls run this.
     */
    @Override
    public void run() {
        call = null;
        Deferred<Object> d = Defer.maybeDeferred(f);
        d.addCallback(result -> {
            if (running) {
                scheduleFrom(clock.seconds());
            } else {
                Deferred<LoopingCall> done = deferred;
                deferred = null;
                done.callback(this);
            }
            return null;
        });
        d.addErrback(failure -> {
            running = false;
            Deferred<LoopingCall> done = deferred;
            deferred = null;
            done.errback(failure);
            return null;
        });
    }

    /** Schedules the next call, counting from {@code when}, the present time. */
    private void scheduleFrom(double when) {
        call = clock.callLater(howLong(when), this);
    }

    private double howLong(double when) {
        // How long until the next call? An interval of 0 means as fast as possible.
        if (interval == 0) {
            return 0;
        }
        // How long has this loop been running, and so when does the current interval end?
        double runningFor = when - starttime;
        double untilNextInterval = interval - pythonMod(runningFor, interval);
        // If that is effectively zero (adding it to a large `when` changes nothing), tick over to
        // the next interval.
        if (when == when + untilNextInterval) {
            return interval;
        }
        return untilNextInterval;
    }

    /** Python's float {@code %}: the result has the sign of the divisor. */
    private static double pythonMod(double a, double b) {
        double r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) {
            r += b;
        }
        return r;
    }

    /** Returns the clock that schedules the calls (Twisted's {@code clock} attribute). */
    public IReactorTime clock() {
        return clock;
    }

    /**
     * Sets the clock that schedules the calls. Feel free to set it to something else than the
     * reactor, but it ought to be set before {@link #start}.
     */
    public void setClock(IReactorTime clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Returns true while the function is scheduled to be called (or is being called). */
    public boolean running() {
        return running;
    }

    /** Returns the interval given to {@link #start}, or null before the first start. */
    public Double interval() {
        return interval;
    }

    /**
     * Sets the interval; it takes effect when the next call is scheduled (assigning Twisted's
     * {@code interval} attribute).
     */
    public void setInterval(double interval) {
        this.interval = interval;
    }

    /** Returns the time of the last {@link #start} or {@link #reset}, or null before the first. */
    public Double starttime() {
        return starttime;
    }

    /** Returns the scheduled next call, or null if none is scheduled. */
    public IDelayedCall call() {
        return call;
    }

    /**
     * Returns Twisted's repr, {@code LoopingCall<0.5>(f)}: the interval ({@code None} before the
     * first start) and the function's {@code toString()}. Java lambdas capture their arguments, so
     * Twisted's {@code *args, **kw} parts are left out.
     */
    @Override
    public String toString() {
        return "LoopingCall<" + (interval == null ? "None" : interval) + ">(" + f + ")";
    }
}
