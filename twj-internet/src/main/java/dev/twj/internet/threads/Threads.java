package dev.twj.internet.threads;

import dev.twj.internet.Reactor;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IReactorFromThreads;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import dev.twj.python.threadpool.ThreadPool;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Extended thread dispatching support. Port of the module {@code twisted.internet.threads}; for
 * the basic support see the reactor's {@code callInThread} and {@code callFromThread}.
 *
 * <h2>Contract</h2>
 * <p>{@link #deferToThread} and {@link #deferToThreadPool} run the function in a pool thread and
 * fire the returned Deferred on the reactor thread (through {@code callFromThread}), so its
 * callbacks run there. {@link #blockingCallFromThread} is the other direction: called from a
 * thread that is not the reactor's, it runs a function on the reactor thread and blocks until its
 * result is known.
 *
 * <p>Where Java differs: functions take no arguments (a lambda captures what Python passes as
 * {@code *args, **kwargs}), and {@link #callMultipleInThread} takes a list of {@link Runnable}s
 * instead of {@code (f, args, kwargs)} tuples.
 */
public final class Threads {
    private Threads() {}

    /**
     * Calls {@code f} using a thread from the given threadpool and returns its result as a
     * Deferred.
     *
     * <p>This function is only used by client code which is maintaining its own threadpool. To
     * run a function in the reactor's threadpool, use {@link #deferToThread}.
     *
     * @param reactor the reactor in whose main thread the Deferred will be fired
     * @param threadpool the pool whose {@link ThreadPool#callInThreadWithCallback} runs {@code f}
     * @param f the function to call
     * @return a Deferred which fires with the result of {@code f}, or fails with a
     *     {@link Failure} of what {@code f} threw
     */
    public static <T> Deferred<T> deferToThreadPool(
            IReactorFromThreads reactor, ThreadPool threadpool, Callable<? extends T> f) {
        Objects.requireNonNull(reactor, "reactor");
        Objects.requireNonNull(f, "f");
        Deferred<T> d = new Deferred<>();
        threadpool.callInThreadWithCallback((success, result) -> {
            if (success) {
                @SuppressWarnings("unchecked") // the result of f, a T
                T value = (T) result;
                reactor.callFromThread(() -> d.callback(value));
            } else {
                Failure failure = (Failure) result;
                reactor.callFromThread(() -> d.errback(failure));
            }
        }, f);
        return d;
    }

    /**
     * Runs {@code f} in a thread of the global reactor's threadpool and returns its result as a
     * Deferred.
     *
     * @return a Deferred which fires with the result of {@code f}, or fails with a
     *     {@link Failure} of what {@code f} threw
     */
    public static <T> Deferred<T> deferToThread(Callable<? extends T> f) {
        SelectReactor reactor = Reactor.reactor();
        return deferToThreadPool(reactor, reactor.getThreadPool(), f);
    }

    /**
     * Runs a list of functions, in order, in the same thread of the global reactor's
     * threadpool. An exception stops the list and is logged by the pool.
     */
    public static void callMultipleInThread(List<? extends Runnable> calls) {
        List<Runnable> copy = List.copyOf(calls);
        Reactor.reactor().callInThread(() -> {
            for (Runnable f : copy) {
                f.run();
            }
        });
    }

    /**
     * Runs {@code f} in the reactor thread, from another thread, and waits for the result
     * synchronously. If {@code f} returns a {@link Deferred}, waits for its result and returns
     * that (typed as what {@code f} returns; use {@link #blockingCallFromThreadDeferred} to get
     * the Deferred's result type).
     *
     * <p>Where Java differs: it refuses to run in the reactor's own thread, where it could only
     * deadlock (Twisted hangs). The wait cannot be interrupted, as Python's {@code Queue.get};
     * an interrupt received meanwhile is kept in the thread's interrupt status.
     *
     * @param reactor the reactor which will run {@code f}, through {@code callFromThread}
     * @param f the function to run in the reactor thread
     * @return the result of the Deferred returned by {@code f}, or what {@code f} returned
     * @throws IllegalStateException if called in the reactor's thread
     * @throws RuntimeException whatever {@code f} threw, or the exception of the Failure its
     *     Deferred failed with (even a checked one, undeclared, as {@link Failure#raiseException})
     */
    @SuppressWarnings("unchecked") // f's result, or its Deferred's, which the caller typed
    public static <T> T blockingCallFromThread(IReactorFromThreads reactor, Callable<? extends T> f) {
        Objects.requireNonNull(f, "f");
        if (reactor instanceof ReactorBase base && base.isInIOThread()) {
            throw new IllegalStateException(
                    "blockingCallFromThread called in the reactor thread: it would wait forever;"
                            + " call f directly there instead");
        }
        CompletableFuture<Object> queue = new CompletableFuture<>();
        reactor.callFromThread(() -> {
            Deferred<Object> result = Defer.maybeDeferred(f);
            result.addBoth(r -> {
                queue.complete(r);
                return null;
            });
        });
        Object result = queue.join();
        if (result instanceof Failure failure) {
            throw failure.raiseException();
        }
        return (T) result;
    }

    /**
     * {@link #blockingCallFromThread} typed for a function returning a Deferred: returns the
     * Deferred's result.
     *
     * @throws IllegalStateException if called in the reactor's thread
     * @throws RuntimeException what {@code f} threw, or the exception its Deferred failed with
     */
    @SuppressWarnings("unchecked") // the Deferred's result is a T
    public static <T> T blockingCallFromThreadDeferred(
            IReactorFromThreads reactor, Callable<? extends Deferred<? extends T>> f) {
        return (T) blockingCallFromThread(reactor, (Callable<Object>) (Callable<?>) f);
    }
}
