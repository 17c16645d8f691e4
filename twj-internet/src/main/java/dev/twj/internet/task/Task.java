package dev.twj.internet.task;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ReactorNotRunning;
import dev.twj.internet.interfaces.IReactorCore;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.util.function.IntConsumer;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.internal.GlobalReactor;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The module functions of {@code twisted.internet.task}: {@code import static
 * dev.twj.internet.task.Task.*} and write {@code deferLater(clock, 3, f)},
 * {@code cooperate(iterator)} as in Python.
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
     * @throws IllegalStateException if no global reactor is installed (checked before the task is
     *     added, so that the global cooperator is left as it was)
     */
    public static <T> Deferred<Iterator<T>> coiterate(Iterator<T> iterator) {
        GlobalReactor.get();
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
     * @throws IllegalStateException if no global reactor is installed (checked before the task is
     *     added, so that the global cooperator is left as it was)
     */
    public static <T> CooperativeTask<T> cooperate(Iterator<T> iterator) {
        GlobalReactor.get();
        return THE_COOPERATOR.cooperate(iterator);
    }

    /**
     * The function {@link #react} runs: it takes the reactor and the elements of {@code argv},
     * and returns a Deferred whose firing ends the program.
     *
     * @param <R> the type of the reactor
     */
    @FunctionalInterface
    public interface ReactMain<R> {
        /** Starts the program's work on {@code reactor}; the returned Deferred fires when done. */
        Deferred<?> main(R reactor, Object... argv);
    }

    /**
     * Calls {@code main} with the global reactor ({@link Reactor#reactor()}) and the elements of
     * {@code argv}, runs the reactor until the Deferred {@code main} returns fires, and exits the
     * process with {@link System#exit}: 0 on success, 1 on failure (logged), or a
     * {@link SystemExit}'s code.
     */
    public static void react(
            ReactMain<? super dev.twj.internet.selectreactor.SelectReactor> main, java.util.List<?> argv) {
        react(main, argv, Reactor.reactor(), System::exit);
    }

    /** Same as {@link #react(ReactMain, java.util.List)} with no arguments after the reactor. */
    public static void react(ReactMain<? super dev.twj.internet.selectreactor.SelectReactor> main) {
        react(main, java.util.List.of());
    }

    /**
     * Calls {@code main} and runs the reactor until the Deferred it returns fires.
     *
     * <p>This is intended as the way to start up an application with a well-defined completion
     * condition. Use it to write clients or one-off asynchronous operations. Prefer this to
     * calling {@code reactor.run} directly, as this function will also:
     * <ul>
     *   <li>take care to call {@code reactor.stop} once and only once, and at the right time;
     *   <li>log any failures from the Deferred returned by {@code main};
     *   <li>exit the application when done, with exit code 0 in case of success and 1 in case of
     *       failure. If {@code main} fails with a {@link SystemExit}, its code is used.
     * </ul>
     *
     * <p>Port of {@code twisted.internet.task.react}. Where twj differs: the exit is the
     * {@code exit} callback (Twisted calls {@code sys.exit}, which raises; tests pass a callback
     * that throws, as Twisted's tests catch {@code SystemExit}); {@code react} returns only if
     * {@code exit} returns. Coroutine {@code main}s are not accepted: return a Deferred (for
     * example from {@code InlineCallbacks}). A {@code main} that throws propagates out of
     * {@code react} before the reactor runs, as in Twisted.
     *
     * @param main called with the reactor and the elements of {@code argv}
     * @param argv the arguments after the reactor
     * @param reactor the reactor to run (Twisted's {@code _reactor})
     * @param exit called once with the exit code after the reactor has stopped
     * @param <R> the type of the reactor
     */
    public static <R extends IReactorCore> void react(
            ReactMain<? super R> main, java.util.List<?> argv, R reactor, IntConsumer exit) {
        Deferred<?> finished = Objects.requireNonNull(
                main.main(reactor, argv.toArray()), "main returned null: return a Deferred");
        int[] code = {0};
        boolean[] stopping = {false};
        reactor.addSystemEventTrigger("before", "shutdown", () -> {
            stopping[0] = true;
            return null;
        });
        class Stop {
            void stop(Object result, boolean stopReactor) {
                if (stopReactor) {
                    try {
                        reactor.stop();
                    } catch (ReactorNotRunning e) {
                        // already stopping
                    }
                }
                if (result instanceof Failure f) {
                    if (f.value() instanceof SystemExit e) {
                        code[0] = e.code();
                    } else {
                        REACT_LOG.failure("main function encountered error", f);
                        code[0] = 1;
                    }
                }
            }
        }
        Stop stop = new Stop();
        finished.addBoth(result -> {
            if (stopping[0]) {
                stop.stop(result, false);
            } else {
                reactor.callWhenRunning(() -> stop.stop(result, true));
            }
            return null;
        });
        reactor.run();
        exit.accept(code[0]);
    }

    private static final Logger REACT_LOG = new Logger(Task.class);
}
