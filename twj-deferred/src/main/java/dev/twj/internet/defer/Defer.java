package dev.twj.internet.defer;

import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The module functions of {@code twisted.internet.defer}: {@code import static
 * dev.twj.internet.defer.Defer.*} and write {@code succeed(x)}, {@code fail(e)},
 * {@code maybeDeferred(f)}, {@code gatherResults(ds)} as in Python.
 */
public final class Defer {
    private static final Logger LOG = new Logger("dev.twj.internet.defer");

    private Defer() {}

    /**
     * Returns a Deferred that has already fired with {@code result}.
     *
     * <p>Useful when an API must return a Deferred but the result is already at hand.
     */
    public static <T> Deferred<T> succeed(T result) {
        Deferred<T> d = new Deferred<>();
        d.callback(result);
        return d;
    }

    /** Returns a Deferred that has already failed with {@code failure}. */
    public static <T> Deferred<T> fail(Failure failure) {
        Deferred<T> d = new Deferred<>();
        d.errback(failure);
        return d;
    }

    /** Returns a Deferred that has already failed with {@code error}. */
    public static <T> Deferred<T> fail(Throwable error) {
        return fail(new Failure(error));
    }

    /**
     * Calls {@code f} now and returns a fired Deferred: with its result, or failed with what it
     * threw. A returned Deferred is passed on as a plain value.
     */
    public static <T> Deferred<T> execute(Callable<? extends T> f) {
        T result;
        try {
            result = f.call();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return fail(t);
        }
        return succeed(result);
    }

    /**
     * Calls {@code f} and returns its result as a Deferred, whatever it did: a thrown exception
     * gives a failed Deferred, a returned {@link Failure} too, and a plain value a fired one.
     *
     * <p>If {@code f} returns a Deferred, that Deferred is returned as is (as in Twisted); give
     * such functions to {@link #maybeDeferredDeferred} so that the type says so. A returned
     * {@link Coroutine} is started with {@link Deferred#fromCoroutine}
     * ({@link #maybeDeferredCoroutine} types it).
     */
    @SuppressWarnings("unchecked")
    public static <T> Deferred<T> maybeDeferred(Callable<? extends T> f) {
        Object result;
        try {
            result = f.call();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return fail(t);
        }
        if (result instanceof Deferred<?> d) {
            return (Deferred<T>) d;
        }
        if (result instanceof Failure failure) {
            return fail(failure);
        }
        if (result instanceof Coroutine<?> coroutine) {
            return (Deferred<T>) Deferred.fromCoroutine(coroutine);
        }
        return succeed((T) result);
    }

    /**
     * Calls {@code f}, which returns a Deferred, and returns that Deferred; if {@code f} throws,
     * returns a failed Deferred instead. {@link #maybeDeferred} typed for Deferred-returning
     * functions.
     */
    @SuppressWarnings("unchecked")
    public static <T> Deferred<T> maybeDeferredDeferred(Callable<? extends Deferred<? extends T>> f) {
        return maybeDeferred((Callable<T>) (Callable<?>) f);
    }

    // --- DeferredList, gatherResults, race (see DeferredList.java) ---

    /** Twisted's {@code SUCCESS}: the {@code success} of a {@link DeferredList.Outcome} that succeeded. */
    public static final boolean SUCCESS = true;

    /** Twisted's {@code FAILURE}: the {@code success} of a {@link DeferredList.Outcome} that failed. */
    public static final boolean FAILURE = false;

    /**
     * Returns, through a Deferred, the list of the results of {@code deferredList}, in its order:
     * in effect a "join" of several operations. Port of {@code twisted.internet.defer.gatherResults}.
     *
     * <p>The returned Deferred fires when <i>all</i> of them have succeeded, or fails with a
     * {@link FirstError} (holding the failure and its index) as soon as one of them fails. It
     * differs from {@link DeferredList} in that there is no success flag to parse. Cancelling it
     * cancels all of them (it is a {@link DeferredList}). An empty list gives {@code []} at once.
     */
    public static <T> Deferred<List<T>> gatherResults(List<? extends Deferred<? extends T>> deferredList) {
        return gatherResults(deferredList, false);
    }

    /**
     * As {@link #gatherResults(List)}; with {@code consumeErrors}, a failure of one of the
     * Deferreds is not propagated to errbacks added to it after this call: it becomes a
     * {@code null} result there, which prevents spurious "Unhandled error in Deferred" reports.
     */
    public static <T> Deferred<List<T>> gatherResults(
            List<? extends Deferred<? extends T>> deferredList, boolean consumeErrors) {
        DeferredList<T, List<DeferredList.Outcome<T>>> dl = consumeErrors
                ? DeferredList.of(deferredList, DeferredList.Option.FIRE_ON_ONE_ERRBACK,
                        DeferredList.Option.CONSUME_ERRORS)
                : DeferredList.of(deferredList, DeferredList.Option.FIRE_ON_ONE_ERRBACK);
        return dl.addCallback(Defer::parseDeferredListResult);
    }

    /** Twisted's {@code _parseDeferredListResult}: the values of outcomes that all succeeded. */
    private static <T> List<T> parseDeferredListResult(List<DeferredList.Outcome<T>> resultList) {
        List<T> values = new ArrayList<>(resultList.size());
        for (DeferredList.Outcome<T> outcome : resultList) {
            values.add(outcome.value());
        }
        return values;
    }

    /**
     * What {@link #race} fires with: the index of the first Deferred to succeed and its result.
     * Twisted's {@code (index, result)} tuple.
     *
     * @param index the winner's index in the list given to {@code race}
     * @param result the winner's result
     * @param <T> the result type
     */
    public record RaceResult<T>(int index, T result) {}

    /**
     * Selects the first result of {@code ds} to be available, and cancels the rest. Port of
     * {@code twisted.internet.defer.race}.
     *
     * <p>The returned Deferred fires with the {@link RaceResult} (index and result) of the first
     * Deferred to succeed, and then cancels all the others (the winner is not cancelled: its caller
     * may still be using it). If all of them fail, it fails with a {@link FailureGroup} of their
     * failures, in their order. Cancelling it cancels every one of them. The Deferreds in
     * {@code ds} are left holding {@code null}: race consumes their results and failures. As in
     * Twisted, the race of an empty list never fires.
     */
    public static <T> Deferred<RaceResult<T>> race(List<? extends Deferred<? extends T>> ds) {
        // Copy the list so that it does not change under us.
        List<Deferred<? extends T>> toCancel = List.copyOf(ds);
        // The winner is not cancelled: it has completed, but its caller may still be using it.
        Object[] winner = {null};
        Failure[] failures = new Failure[toCancel.size()];
        int[] failureCount = {0};
        // Cancelling the result cancels every action: their results can no longer go anywhere.
        Deferred<RaceResult<T>> finalResult = new Deferred<>(result -> {
            for (Deferred<? extends T> d : toCancel) {
                d.cancel();
            }
        });
        for (int i = 0; i < toCancel.size(); i++) {
            int index = i;
            Deferred<? extends T> d = toCancel.get(i);
            d.addCallbacks(
                    output -> {
                        // Only the first success counts; a canceller may fire a loser with success.
                        if (winner[0] == null) {
                            winner[0] = toCancel.get(index);
                            for (Deferred<? extends T> other : toCancel) {
                                if (other != winner[0]) {
                                    other.cancel();
                                }
                            }
                            finalResult.callback(new RaceResult<>(index, output));
                        }
                        return null;
                    },
                    failure -> {
                        failures[index] = failure;
                        if (++failureCount[0] == failures.length) {
                            // Every action failed.
                            finalResult.errback(new FailureGroup(Arrays.asList(failures)));
                        }
                        return null;
                    });
        }
        return finalResult;
    }

    /**
     * Fails {@code deferred} now with a {@link TimeoutError} whose message is
     * {@code "Callback timed out"}.
     *
     * <p>Port of {@code twisted.internet.defer.timeout}.
     *
     * @deprecated twisted.internet.defer.timeout was deprecated in Twisted 17.1.0; please use
     *     {@link Deferred#addTimeout(double, IClock)} instead.
     * @throws AlreadyCalledError if {@code deferred} has already fired
     */
    @Deprecated(since = "Twisted 17.1.0")
    public static void timeout(Deferred<?> deferred) {
        deferred.errback(new Failure(new TimeoutError("Callback timed out")));
    }

    /** Returns its argument: the identity function, as a callback that passes results on. */
    public static <T> T passthru(T arg) {
        return arg;
    }

    /**
     * Logs {@code err} as a critical failure and returns it, so that an errback can both log and
     * pass on: {@code d.addErrback(Defer::logError)}.
     */
    public static Failure logError(Failure err) {
        LOG.failure("", err);
        return err;
    }

    // --- inlineCallbacks and await (see InlineCallbacks.java) ---

    /**
     * Runs {@code body} as Twisted's {@code @inlineCallbacks} runs a generator, and returns a
     * Deferred of what it returns (or of what it throws). Inside, {@link #await(Deferred)} stands
     * for {@code yield d}.
     *
     * <p>The body runs now, on this thread, up to the first {@code await} of a Deferred that has not
     * fired; an already-fired Deferred is consumed without suspending. The body then resumes on the
     * thread that fires the awaited Deferred, inside its {@code callback}, one step at a time:
     * never on two threads at once. Every step runs in a copy of the
     * {@link dev.twj.contextvars.Context} taken now. Cancelling the returned Deferred cancels the
     * awaited one, whose {@link CancelledError} {@code await} then throws into the body, which may
     * catch it. A suspended body holds no thread. See {@code InlineCallbacks} for the two engines
     * (system property {@code dev.twj.inlineCallbacks.engine}).
     *
     * <p>Where Java differs: Python decorates a generator function; here the body is a lambda run
     * at once, so {@code inlineCallbacks(() -> ...)} is the call of the decorated function.
     */
    public static <T> Deferred<T> inlineCallbacks(Callable<? extends T> body) {
        return InlineCallbacks.start(body);
    }

    /**
     * Waits, inside an inlineCallbacks or coroutine body, for {@code d} and returns its result, or
     * throws the exception it failed with, unwrapped and undeclared (catch it with
     * {@code catch (Exception e)} or by its own type). Consumes {@code d}'s result, which becomes
     * {@code null}, as {@code yield d} and {@code await d} do.
     *
     * <p>The exception gets a suppressed {@code AwaitedAt} entry whose stack trace shows the
     * awaiting line, as Twisted's traceback shows it.
     *
     * @throws IllegalStateException outside a body (it never blocks a thread), or where the body
     *     cannot be suspended (a static initializer or native frame)
     */
    public static <T> T await(Deferred<T> d) {
        return InlineCallbacks.await(d);
    }

    /**
     * {@link #await(Deferred)}, declared to throw {@code mayThrow}: javac rejects
     * {@code catch (SomeCheckedException e)} around a call that does not declare it, so use this
     * form to catch a checked exception by type: {@code try { await(d, IOException.class); }
     * catch (IOException e) { ... }}. Any other exception is still thrown, undeclared.
     */
    public static <T, X extends Exception> T await(Deferred<T> d, Class<X> mayThrow) throws X {
        return InlineCallbacks.await(d);
    }

    /**
     * Runs {@code coroutine} here, inside the current body, and returns its result: Python's
     * {@code await coro()}. It shares the current body's context.
     *
     * @throws IllegalStateException outside a body, or if the coroutine has already started
     */
    public static <T> T await(Coroutine<T> coroutine) {
        return InlineCallbacks.await(coroutine);
    }

    /**
     * Returns a {@link Coroutine}: {@code body}, not started. The Java form of calling an
     * {@code async def} function.
     */
    public static <T> Coroutine<T> coroutine(Callable<? extends T> body) {
        return new Coroutine<>(body);
    }

    /** Returns {@code d} itself: Twisted's {@code ensureDeferred} of a Deferred. */
    public static <T> Deferred<T> ensureDeferred(Deferred<T> d) {
        return d;
    }

    /** Starts {@code coroutine} and returns a Deferred of its result ({@link Deferred#fromCoroutine}). */
    public static <T> Deferred<T> ensureDeferred(Coroutine<T> coroutine) {
        return Deferred.fromCoroutine(coroutine);
    }

    /**
     * Returns {@code coro} if it is a Deferred, or starts it if it is a {@link Coroutine}.
     *
     * @throws NotACoroutineError if it is neither
     */
    @SuppressWarnings("unchecked")
    public static <T> Deferred<T> ensureDeferred(Object coro) {
        if (coro instanceof Deferred<?> d) {
            return (Deferred<T>) d;
        }
        if (coro instanceof Coroutine<?> c) {
            return (Deferred<T>) Deferred.fromCoroutine(c);
        }
        throw new NotACoroutineError(coro + " is not a coroutine or a Deferred");
    }

    /**
     * Calls {@code f}, which returns a {@link Coroutine}, and returns a Deferred of the coroutine's
     * result: {@link #maybeDeferred} typed for coroutine functions ({@code async def}).
     */
    @SuppressWarnings("unchecked")
    public static <T> Deferred<T> maybeDeferredCoroutine(Callable<? extends Coroutine<? extends T>> f) {
        return maybeDeferred((Callable<T>) (Callable<?>) f);
    }

    /**
     * The key, in the failure event of an "Unhandled error in Deferred" report, of a {@code Long}:
     * the {@link System#nanoTime} at which the collected Deferred's chain first ended on a failure
     * (with debugging on, at which the Deferred was created). The report comes whenever the garbage
     * collector finds the Deferred, possibly long after; a test runner compares this with the
     * start of the running test so that it does not blame that test for an earlier one's
     * Deferred (twj-trial does). Twisted's report, made by reference counting, needs no such key.
     */
    public static final String UNHANDLED_SINCE_KEY = "unhandledSince";

    /**
     * Turns Deferred debugging on or off. When on, every Deferred created records the stack that
     * created it and the stack that first fired it, and {@link AlreadyCalledError} and the
     * "Unhandled error in Deferred" report print both. It costs a stack walk per Deferred.
     */
    public static void setDebugging(boolean on) {
        Deferred.debug = on;
    }

    /** Returns whether Deferred debugging is on. */
    public static boolean getDebugging() {
        return Deferred.debug;
    }

    /**
     * Asks for a garbage collection and logs, now and on this thread, "Unhandled error in
     * Deferred" for every collected Deferred whose chain ended on a failure nobody handled.
     *
     * <p>The report normally comes from a daemon thread whenever the collector gets to it; test
     * runners call this (trial's {@code --force-gc}) to make it deterministic.
     *
     * <p>When it returns, every such Deferred that was unreachable when it was called has been
     * reported, once, by this thread or by the daemon thread, and that report is complete. It
     * waits until a collection has really run (5 s at most), and collects again while a reported
     * failure may have kept other Deferreds reachable, so a chain of failed Deferreds held by each
     * other's failures is usually reported by one call (its later links were reachable when the
     * call began, so that part is not promised).
     *
     * @return how many unhandled failures were reported
     */
    public static int collectUnhandledErrors() {
        return DebugInfo.collectUnhandled();
    }
}
