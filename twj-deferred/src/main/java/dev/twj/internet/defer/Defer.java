package dev.twj.internet.defer;

import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
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
     * such functions to {@link #maybeDeferredDeferred} so that the type says so.
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
     * @return how many unhandled failures were reported
     */
    public static int collectUnhandledErrors() {
        return DebugInfo.collectUnhandled();
    }
}
