package dev.twj.internet.task;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The module functions of {@code twisted.internet.task}: {@code import static
 * dev.twj.internet.task.Task.*} and write {@code deferLater(clock, 3, f)},
 * {@code cooperate(iterator)} as in Python.
 *
 * <p>Not ported yet: {@code react(main, argv)}, which runs the reactor until {@code main}'s
 * Deferred fires and then exits the process; it needs the reactor, which twj does not have yet.
 */
public final class Task {
    /** The global cooperator, Twisted's {@code _theCooperator}; it schedules on the global reactor. */
    private static final Cooperator THE_COOPERATOR = new Cooperator();

    private Task() {}

    /** The global cooperator, for tests. */
    static Cooperator theCooperator() {
        return THE_COOPERATOR;
    }

    /**
     * Calls {@code callable} after {@code delay} seconds have passed on {@code clock}.
     *
     * <p>The returned Deferred fires with what {@code callable} returns, or fails with what it
     * throws. If {@code callable} returns a Deferred, the returned one waits for it, as any
     * callback chain does. Cancelling the returned Deferred before the delay has passed cancels
     * the scheduled call, and the Deferred fails with
     * {@link dev.twj.internet.defer.CancelledError}.
     *
     * @param clock the object used to schedule the delayed call
     * @param delay the number of seconds to wait before calling the function
     * @param callable the function to call after the delay
     * @return a Deferred that fires with the result of the callable when the delay has elapsed
     */
    public static <T> Deferred<T> deferLater(IReactorTime clock, double delay, Callable<? extends T> callable) {
        Objects.requireNonNull(callable, "callable == null");
        return deferLaterImpl(clock, delay, callable);
    }

    /**
     * Returns a Deferred that fires with {@code null} after {@code delay} seconds have passed on
     * {@code clock} (Twisted's {@code deferLater} with no callable). Cancellable, like
     * {@link #deferLater(IReactorTime, double, Callable)}.
     */
    public static Deferred<Void> deferLater(IReactorTime clock, double delay) {
        return deferLaterImpl(clock, delay, null);
    }

    private static <T> Deferred<T> deferLaterImpl(IReactorTime clock, double delay, Callable<? extends T> callable) {
        IDelayedCall[] delayedCall = new IDelayedCall[1];
        Deferred<Void> d = new Deferred<>(deferred -> delayedCall[0].cancel());
        Deferred<T> result = d.addCallback(ignored -> callable == null ? null : callable.call());
        delayedCall[0] = clock.callLater(delay, () -> d.callback(null));
        return result;
    }

    /**
     * Cooperatively iterates over {@code iterator} on the global {@link Cooperator}, dividing
     * runtime between it and all other iterators given to {@link #coiterate} and
     * {@link #cooperate} and not yet exhausted.
     *
     * @return a Deferred that fires with {@code iterator} when it is exhausted
     * @throws IllegalStateException when a step is scheduled, if no global reactor is installed
     */
    public static <T> Deferred<Iterator<T>> coiterate(Iterator<T> iterator) {
        return THE_COOPERATOR.coiterate(iterator);
    }

    /**
     * Starts running {@code iterator} as a long-running cooperative task on the global
     * {@link Cooperator}, by calling its {@code next()} as a periodic timed event.
     *
     * <p>Useful for computationally expensive tasks that must not block the reactor: break each one
     * up so that it yields often, pass it in here, and the global cooperator distributes work
     * between them without blocking longer than a single iteration of a single task.
     *
     * @return the task, which can be paused, resumed, stopped and waited on
     * @throws IllegalStateException when a step is scheduled, if no global reactor is installed
     */
    public static <T> CooperativeTask<T> cooperate(Iterator<T> iterator) {
        return THE_COOPERATOR.cooperate(iterator);
    }
}
