package dev.twj.internet.defer;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.twj.python.failure.Failure;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A callback which will be put off until later: the result of an operation that has not finished
 * yet, and the chain of functions to run on it when it does.
 *
 * <p>Port of {@code twisted.internet.defer.Deferred}, with Twisted's semantics exactly:
 *
 * <pre>
 *   callback(r) ──► [cb1 | eb1] ──► [cb2 | eb2] ──► [cb3 | eb3] ──► ...
 *   errback(f)      each pair runs its callback half on a result and its errback half on a
 *                   Failure; what it returns (or throws) is the next pair's input.
 * </pre>
 *
 * <ul>
 *   <li>{@link #addCallback}, {@link #addErrback}, {@link #addBoth} and {@link #addCallbacks}
 *       append a pair and return this same Deferred, re-typed to the new result type (implicit
 *       chaining). Added to a Deferred that has already fired, they run at once.</li>
 *   <li>A callback that throws (anything but a {@link VirtualMachineError}) or returns a
 *       {@link Failure} moves the chain to the errback path; an errback that returns a value moves
 *       it back.</li>
 *   <li>A callback that returns another Deferred pauses this chain until that Deferred fires, and
 *       then continues with its result; the other Deferred is left holding {@code null}. This runs
 *       on a trampoline: chains of any length and nesting take constant stack.</li>
 *   <li>{@link #callback} and {@link #errback} may be called once; a second call throws
 *       {@link AlreadyCalledError}. {@code callback(aDeferred)} gives that Deferred to the first
 *       callback as a plain value, as in Twisted 24; a pair with no half for the current path
 *       (Twisted's {@code passthru}) passes it on as if returned, and so waits for it.</li>
 *   <li>{@link #cancel} stops the operation; a Deferred that ends with an unhandled
 *       {@link Failure} and is garbage-collected logs {@code "Unhandled error in Deferred:"} once.</li>
 * </ul>
 *
 * <h2>Contract</h2>
 * <p>As in Twisted, a Deferred is <b>not thread-safe</b>: it runs callbacks on the thread that fires
 * it or adds them, right away, with no locking and no executor. Keep each Deferred on one thread,
 * in practice the reactor thread. To fire one from another thread, hand the call to that thread:
 * {@code reactor.callFromThread(() -> d.callback(result))}. Callbacks run re-entrantly safe: a
 * callback that adds callbacks to its own Deferred only appends them, and the running loop picks
 * them up.
 *
 * <p>Where Java differs from Python: a callback that returns a Deferred should be added with
 * {@link #addCallbackDeferred} (or {@link #addErrbackDeferred}, {@link #addBothDeferred}) so that
 * the types say what the chain carries; {@link #addCallback} does the same at run time but types
 * the result as the Deferred itself.
 *
 * @param <T> the type of the result this Deferred will carry
 */
public class Deferred<T> {
    /** Marks "no result yet": Twisted's absent {@code result} attribute. */
    static final Object NO_RESULT = new Object() {
        @Override
        public String toString() {
            return "NO_RESULT";
        }
    };

    private static final Object[] NO_CALLBACKS = new Object[0];

    /** The first slot of an entry of {@link #callbacks} that is not a lone callback. */
    private static final class Marker {
        private final String name;

        Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code [ERRBACK, errback]}: results pass it by. */
    private static final Marker ERRBACK = new Marker("ERRBACK");
    /** {@code [BOTH, fn]}: fn runs on results and failures alike. */
    private static final Marker BOTH = new Marker("BOTH");
    /** {@code [PAIR, callback, errback]}. */
    private static final Marker PAIR = new Marker("PAIR");
    /** {@code [CONTINUE, deferred]}: the Deferred waiting on this one takes the result. */
    private static final Marker CONTINUE = new Marker("CONTINUE");
    /**
     * Slots in the first array of {@link #callbacks}: room for four entries of any kind (a
     * {@code PAIR} takes three slots), as CPython's list, which holds Twisted's callbacks, first
     * makes room for four. With 8 slots, two {@code addCallbacks} and an {@code addBoth} already
     * forced a copy into a second array.
     */
    private static final int FIRST_CAPACITY = 12;

    /** Set through {@link Defer#setDebugging}; a plain static, read on every construction. */
    static boolean debug;

    /**
     * The callbacks not yet run, from {@link #head} to {@link #tail}, one entry each, in one flat
     * array (no object per entry): a lone callback ({@link #addCallback}, the common case) takes
     * one slot; the other kinds start with a {@link Marker}: {@code [ERRBACK, errback]},
     * {@code [BOTH, fn]}, {@code [PAIR, callback, errback]} and {@code [CONTINUE, deferred]}
     * (Twisted's {@code _CONTINUE}: hand the result to a Deferred waiting on this one).
     */
    private Object[] callbacks = NO_CALLBACKS;
    private int head;
    private int tail;

    Object result = NO_RESULT;
    private boolean called;
    private int paused;
    private boolean runningCallbacks;
    private boolean suppressAlreadyCalled;
    private Deferred<?> chainedTo;
    private Canceller<T> canceller;
    DebugInfo debugInfo;

    /** Creates a Deferred with no canceller. */
    // Not this(null): that constructor's signature names Canceller, and until that class is loaded
    // the JIT will not inline it, so every new Deferred would escape.
    @SuppressWarnings("this-escape")
    public Deferred() {
        if (debug) {
            trackCreation();
        }
    }

    /**
     * Creates a Deferred whose {@link #cancel} calls {@code canceller}.
     *
     * <p>If no canceller is given, or it does not fire the Deferred, {@code cancel} errbacks it with
     * {@link CancelledError}. Without a canceller, the producer's own later {@code callback} or
     * {@code errback} is then silently ignored, once, so that code returning a Deferred does not
     * have to support cancellation to be cancelled.
     */
    // Debug tracking only takes a phantom reference to this, which reads no field.
    @SuppressWarnings("this-escape")
    public Deferred(Canceller<T> canceller) {
        this.canceller = canceller;
        if (debug) {
            trackCreation();
        }
    }

    private void trackCreation() {
        debugInfo = DebugInfo.track(this);
        debugInfo.creator = DebugInfo.stack();
    }

    // ---------------------------------------------------------------------------------------------
    // Adding callbacks.

    /**
     * Adds a callback and an errback as one pair: {@code callback} runs if the chain carries a
     * result when it reaches this pair, {@code errback} if it carries a {@link Failure}.
     *
     * @param errback may be null, to pass failures through
     * @return this Deferred, re-typed to what the pair returns
     */
    public final <R> Deferred<R> addCallbacks(
            Callback<? super T, ? extends R> callback, Errback<? extends R> errback) {
        if (callback == null) {
            throw new NullPointerException("callback == null");
        }
        return append(callback, errback);
    }

    /**
     * Adds a callback, which receives the result and returns the next one. Failures pass it by.
     *
     * <p>If {@code callback} returns a Deferred, the chain waits for it (as in Twisted); use
     * {@link #addCallbackDeferred} for such callbacks so that the returned type is right.
     *
     * @return this Deferred, re-typed to the callback's result
     */
    public final <R> Deferred<R> addCallback(Callback<? super T, ? extends R> callback) {
        if (callback == null) {
            throw new NullPointerException("callback == null");
        }
        return appendCallback(callback);
    }

    /**
     * Adds a callback that returns a Deferred: the chain waits for that Deferred and continues
     * with its result. The same as {@link #addCallback} at run time, typed for the chained result.
     */
    public final <R> Deferred<R> addCallbackDeferred(
            Callback<? super T, ? extends Deferred<? extends R>> callback) {
        if (callback == null) {
            throw new NullPointerException("callback == null");
        }
        return appendCallback(callback);
    }

    /**
     * Adds an errback, which receives a {@link Failure} and either returns a result (the chain goes
     * back to its callbacks) or throws to pass the failure on. Results pass it by.
     *
     * @return this Deferred
     */
    public final Deferred<T> addErrback(Errback<? extends T> errback) {
        if (errback == null) {
            throw new NullPointerException("errback == null");
        }
        return append(null, errback);
    }

    /**
     * Adds an errback that returns a Deferred: the chain waits for that Deferred and continues with
     * its result.
     */
    public final Deferred<T> addErrbackDeferred(Errback<? extends Deferred<? extends T>> errback) {
        if (errback == null) {
            throw new NullPointerException("errback == null");
        }
        return append(null, errback);
    }

    /**
     * Adds a function as both callback and errback: it receives the result or the
     * {@link Failure}, whichever the chain carries.
     *
     * @return this Deferred, re-typed to what {@code callback} returns
     */
    public final <R> Deferred<R> addBoth(Callback<Object, ? extends R> callback) {
        if (callback == null) {
            throw new NullPointerException("callback == null");
        }
        return append(callback, callback);
    }

    /** Adds a function returning a Deferred as both callback and errback; see {@link #addBoth}. */
    public final <R> Deferred<R> addBothDeferred(
            Callback<Object, ? extends Deferred<? extends R>> callback) {
        if (callback == null) {
            throw new NullPointerException("callback == null");
        }
        return append(callback, callback);
    }

    @SuppressWarnings("unchecked")
    private <R> Deferred<R> append(Object callback, Object errback) {
        if (errback == null) {
            push1(callback);
        } else if (callback == null) {
            push2(ERRBACK, errback);
        } else if (callback == errback) {
            push2(BOTH, callback);
        } else {
            int at = room(3);
            Object[] cbs = callbacks;
            cbs[at] = PAIR;
            cbs[at + 1] = callback;
            cbs[at + 2] = errback;
            tail = at + 3;
        }
        if (called) {
            runCallbacks();
        }
        return (Deferred<R>) this;
    }

    /**
     * Adds a lone callback; on a fired Deferred with nothing queued, runs it at once without
     * queuing it, which is what {@link #runCallbacks} would do with it.
     */
    @SuppressWarnings("unchecked")
    private <R> Deferred<R> appendCallback(Object callback) {
        if (called && paused == 0 && !runningCallbacks && head == tail && chainedTo == null
                && !(result instanceof Failure)) {
            // runCallbacks would pop this callback at once and run it; do that without the queue.
            Object r = callCallback(callback, result);
            result = r;
            if (r instanceof Deferred || head != tail || r instanceof Failure || debugInfo != null) {
                ranAtOnce(r, callback);
            }
        } else {
            push1(callback);
            if (called) {
                runCallbacks();
            }
        }
        return (Deferred<R>) this;
    }

    /**
     * The rest of {@link #runLoop}'s work after a callback run at once by {@link #appendCallback}
     * returned {@code r}: wait on a Deferred it returned, run the callbacks it added, or track the
     * failure it ended on. Out of line, and off the common path, so that the JIT can inline
     * {@code addCallback} into a loop and scalar-replace the Deferred.
     */
    private void ranAtOnce(Object r, Object callback) {
        if (r == this) {
            DebugInfo.warnReturnedSelf(callback);
        }
        if (r instanceof Deferred || head != tail) {
            runLoop(JUST_RAN);
        } else {
            finishRun(r);
        }
    }

    private void push1(Object callback) {
        int at = room(1);
        callbacks[at] = callback;
        tail = at + 1;
    }

    private void push2(Marker marker, Object fn) {
        int at = room(2);
        Object[] cbs = callbacks;
        cbs[at] = marker;
        cbs[at + 1] = fn;
        tail = at + 2;
    }

    /** Makes room for {@code n} more slots at {@link #tail}, and returns {@link #tail}. */
    private int room(int n) {
        int at = tail;
        Object[] cbs = callbacks;
        if (at + n > cbs.length) {
            int h = head;
            int live = at - h;
            if (cbs == NO_CALLBACKS) {
                callbacks = new Object[FIRST_CAPACITY];
            } else if (h > 0 && live + n <= cbs.length && h >= cbs.length / 2) {
                compact(cbs, h, at);
            } else {
                callbacks = Arrays.copyOfRange(cbs, h, h + (live + n) * 2);
            }
            head = 0;
            tail = live;
            at = live;
        }
        return at;
    }

    /** Moves the live slots {@code head} to {@code tail} of {@code cbs} to its start. */
    private static void compact(Object[] cbs, int head, int tail) {
        int live = tail - head;
        System.arraycopy(cbs, head, cbs, 0, live);
        Arrays.fill(cbs, live, tail, null);
    }

    /**
     * Times this Deferred out: schedules {@link #cancel} after {@code timeout} seconds on
     * {@code clock}, and turns the resulting {@link CancelledError} into a {@link TimeoutError}.
     *
     * <p>The timeout covers the callbacks added before this call and none added after it. If the
     * Deferred fires first, the scheduled call is cancelled.
     *
     * @return this Deferred
     */
    public final Deferred<T> addTimeout(double timeout, IClock clock) {
        return addTimeout(timeout, clock, Deferred::cancelledToTimedOutError);
    }

    /**
     * Times this Deferred out as {@link #addTimeout(double, IClock)} does, but calls
     * {@code onTimeoutCancel(result, timeout)} when the timeout strikes (and only then), and
     * continues the chain with what it returns.
     */
    @SuppressWarnings("unchecked")
    public final Deferred<T> addTimeout(
            double timeout, IClock clock, OnTimeoutCancel<? extends T> onTimeoutCancel) {
        boolean[] timedOut = {false};
        ITimedCall delayedCall = clock.callLater(timeout, () -> {
            timedOut[0] = true;
            cancel();
        });
        Deferred<Object> self = addBoth(result -> {
            if (timedOut[0]) {
                return onTimeoutCancel.call(result, timeout);
            }
            return result;
        });
        self.addBoth(result -> {
            if (delayedCall.active()) {
                delayedCall.cancel();
            }
            return result;
        });
        return (Deferred<T>) (Deferred<?>) self;
    }

    /**
     * Decides what a Deferred that timed out carries; see
     * {@link #addTimeout(double, IClock, OnTimeoutCancel)}.
     *
     * @param <R> what it returns
     */
    @FunctionalInterface
    public interface OnTimeoutCancel<R> {
        /**
         * Receives the Deferred's result at the moment it timed out (usually a {@link Failure}
         * of {@link CancelledError}) and the timeout, and returns the result to go on with.
         */
        Object call(Object result, double timeout) throws Exception;
    }

    private static Object cancelledToTimedOutError(Object value, double timeout) {
        if (value instanceof Failure failure) {
            failure.trap(CancelledError.class);
            throw new TimeoutError(timeout, "Deferred");
        }
        return value;
    }

    /**
     * Chains {@code d} to this Deferred: when this one fires, {@code d} fires with the same result
     * or failure. The same as {@code addCallbacks(d::callback, d::errback)}; afterwards this
     * Deferred holds {@code null}.
     *
     * <p>Unlike a callback returning a Deferred, this recurses: thousands of Deferreds chained this
     * way can exhaust the stack, as in Twisted.
     *
     * @return this Deferred
     */
    public final Deferred<Void> chainDeferred(Deferred<? super T> d) {
        d.chainedTo = this;
        return addCallbacks(
                result -> {
                    d.callback(result);
                    return null;
                },
                failure -> {
                    d.errback(failure);
                    return null;
                });
    }

    // ---------------------------------------------------------------------------------------------
    // Firing.

    /**
     * Fires this Deferred with {@code result}: runs the callback chain.
     *
     * <p>A {@link Failure} passed here (through a raw or {@code Object} type) acts like
     * {@link #errback(Failure)}; a Deferred is given to the first callback as a plain value (but a
     * pass-through pair, such as one added by {@link #addErrback}, chains on it as Twisted does).
     *
     * @throws AlreadyCalledError if this Deferred has already fired
     */
    public final void callback(T result) {
        startRunCallbacks(result);
    }

    /**
     * Fires this Deferred with a {@link Failure}: runs the errback chain.
     *
     * @throws AlreadyCalledError if this Deferred has already fired
     */
    public final void errback(Failure failure) {
        if (failure == null) {
            throw new NullPointerException("failure == null");
        }
        startRunCallbacks(failure);
    }

    /**
     * Fires this Deferred with {@code error} wrapped in a {@link Failure}.
     *
     * @throws AlreadyCalledError if this Deferred has already fired
     */
    public final void errback(Throwable error) {
        errback(new Failure(error));
    }

    /** Stops running callbacks until a matching {@link #unpause}; pauses nest. */
    public final void pause() {
        paused++;
    }

    /** Undoes one {@link #pause}; at zero, runs the callbacks added meanwhile if fired. */
    public final void unpause() {
        paused--;
        if (paused != 0) {
            return;
        }
        if (called) {
            runCallbacks();
        }
    }

    /**
     * Cancels this Deferred.
     *
     * <p>If it has not fired, calls the canceller; if there is none, or it does not fire the
     * Deferred, errbacks it with {@link CancelledError}. If it is waiting on another Deferred
     * returned by a callback, cancels that one instead. Otherwise does nothing.
     *
     * <p>Not final: {@link DeferredList} overrides it, as in Twisted.
     */
    public void cancel() {
        if (!called) {
            Canceller<T> c = canceller;
            if (c != null) {
                c.cancel(this);
            } else {
                // Eat the result the producer will eventually deliver.
                suppressAlreadyCalled = true;
            }
            if (!called) {
                errback(new Failure(new CancelledError()));
            }
        } else if (result instanceof Deferred<?> waitingOn) {
            waitingOn.cancel();
        }
    }

    private void startRunCallbacks(Object newResult) {
        if (called) {
            if (suppressAlreadyCalled) {
                suppressAlreadyCalled = false;
                return;
            }
            if (debug) {
                if (debugInfo == null) {
                    debugInfo = DebugInfo.track(this);
                }
                throw new AlreadyCalledError("\n" + debugInfo.debugTracebacks());
            }
            throw new AlreadyCalledError();
        }
        if (debug) {
            if (debugInfo == null) {
                debugInfo = DebugInfo.track(this);
            }
            debugInfo.invoker = DebugInfo.stack();
        }
        called = true;
        // The canceller is never called after firing; drop it so it can be collected. (Tested
        // first: a store costs a GC barrier, and most Deferreds have none.)
        if (canceller != null) {
            canceller = null;
        }
        result = newResult;
        if (nothingToRun()) {
            return;
        }
        runCallbacks();
    }

    /**
     * Returns true if {@link #runCallbacks} would change nothing: no callbacks are waiting, the
     * result is not a Failure (no debug tracking to set up), there is no DebugInfo to clear and no
     * chainedTo to reset. Skipping that call is what makes {@code succeed(x)}, and a callback that
     * returns one, cheap: the method is too large for the JIT to inline.
     */
    private boolean nothingToRun() {
        return head == tail
                && !(result instanceof Failure)
                && debugInfo == null
                && chainedTo == null;
    }

    /**
     * Runs the callback chain as far as it can go (Twisted's {@code _runCallbacks}).
     *
     * <p>This method handles the common case, lone callbacks on results, in a loop small enough
     * for the JIT to inline; at the first entry of another kind, failure or returned Deferred, it
     * hands over to {@link #runLoop}, which does the rest exactly as Twisted does.
     */
    private void runCallbacks() {
        if (runningCallbacks) {
            // Already running above us on the stack; it will pick up what was added.
            return;
        }
        if (paused != 0) {
            // This Deferred is not going to produce a result now; everything up the chain waits.
            return;
        }
        if (chainedTo != null) {
            chainedTo = null;
        }
        int mode = runLoneCallbacks();
        if (mode == DONE) {
            finishRun(result);
        } else {
            runLoop(mode);
        }
    }

    /** {@link #runLoneCallbacks} ran all there was to run. */
    private static final int DONE = -1;

    /**
     * The first part of a visit of {@link #runLoop} to this Deferred, for the common case: runs
     * lone callbacks on results, and stops at the first entry of another kind, failure, or
     * Deferred it cannot take the result of at once.
     *
     * <p>{@link #runningCallbacks} stays set from one callback to the next: between them only this
     * loop runs, so nobody can tell, and the flag is stored twice per run instead of per callback.
     * Likewise the slots of the callbacks run are cleared once at the end of the run, not one by
     * one ({@link #head} moves on before each callback, so the queue is right at every moment):
     * an emptied queue drops its array, and nothing before {@link #head} is ever read.
     *
     * @return {@link #DONE} if nothing is left to run, or the {@link #runLoop} mode to go on with
     */
    @SuppressWarnings("unchecked")
    private int runLoneCallbacks() {
        int at = head;
        Object r = result;
        if (at == tail) {
            return DONE;
        }
        if (r instanceof Failure) {
            return VISITING;
        }
        int mode = DONE;
        Object returnedSelf = null;
        runningCallbacks = true;
        try {
            do {
                Object item = callbacks[at];
                if (item instanceof Marker) {
                    mode = VISITING;
                    break;
                }
                head = at + 1;
                try {
                    r = ((Callback<Object, Object>) item).call(r);
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable t) {
                    r = new Failure(t);
                }
                if (r instanceof Deferred<?> returned) {
                    Object stolen = returned.result;
                    if (stolen == NO_RESULT
                            || stolen instanceof Deferred
                            || returned.paused != 0
                            || returned == this) {
                        // To wait on, or returned by a callback of its own: runLoop does that.
                        result = r;
                        if (r == this) {
                            returnedSelf = item;
                        }
                        mode = JUST_RAN;
                        break;
                    }
                    // It has fired: take its result, as runLoop would.
                    returned.result = null;
                    if (returned.debugInfo != null) {
                        returned.debugInfo.failResult = null;
                    }
                    r = stolen;
                }
                result = r;
                if (r instanceof Failure) {
                    mode = VISITING;
                    break;
                }
                // A callback that added callbacks may have moved the queue: read it again.
                at = head;
            } while (at < tail);
        } finally {
            endRun();
        }
        if (returnedSelf != null) {
            DebugInfo.warnReturnedSelf(returnedSelf);
        }
        return mode;
    }

    /** Ends a {@link #runLoneCallbacks} run: clears the flag and the slots of the callbacks run. */
    private void endRun() {
        runningCallbacks = false;
        if (head == tail) {
            callbacks = NO_CALLBACKS;
            head = tail = 0;
        } else {
            Arrays.fill(callbacks, 0, head, null);
        }
    }

    /**
     * The end of a visit of {@link #runLoop} to this Deferred, with nothing left that can run:
     * a chain that ends on a failure is tracked, to be reported if nothing handles it.
     */
    private void finishRun(Object r) {
        if (r instanceof Failure failure) {
            if (debugInfo == null) {
                debugInfo = DebugInfo.track(this);
            }
            debugInfo.failResult = failure;
        } else if (debugInfo != null) {
            debugInfo.failResult = null;
        }
    }

    /** {@link #runLoop} starts from the top: pause check, then the next entry. */
    private static final int FRESH = 0;
    /** {@link #runLoop} starts at this Deferred's next entry; its pause check is done. */
    private static final int VISITING = 1;
    /** {@link #runLoop} starts after a callback of this Deferred has just returned. */
    private static final int JUST_RAN = 2;

    /**
     * Runs the callback chain as far as it can go, iteratively: a Deferred that a callback returned
     * and that fires later resumes the Deferreds waiting on it through the explicit {@code chain}
     * stack, not through recursion.
     *
     * @param mode where, in this Deferred's first visit, to start: {@link #FRESH},
     *     {@link #VISITING} or {@link #JUST_RAN}
     */
    private void runLoop(int mode) {
        Deferred<?>[] chain = null;
        int depth = 0;
        Deferred<?> current = this;
        boolean visiting = mode != FRESH;
        boolean justRan = mode == JUST_RAN;
        while (current != null) {
            if (!visiting) {
                if (current.paused != 0) {
                    // Not going to produce a result now; everything up the chain waits.
                    return;
                }
                current.chainedTo = null;
            }
            visiting = false;
            boolean finished = true;
            while (justRan || current.head < current.tail) {
                if (justRan) {
                    justRan = false;
                } else {
                    Object[] cbs = current.callbacks;
                    int at = current.head;
                    Object first = cbs[at];
                    boolean failing = current.result instanceof Failure;
                    Object item;
                    int next;
                    if (first == CONTINUE) {
                        Deferred<?> chainee = (Deferred<?>) cbs[at + 1];
                        current.pop(at, at + 2);
                        // A continuation: hand our result to the Deferred waiting on us.
                        chainee.result = current.result;
                        current.result = null;
                        if (current.debugInfo != null) {
                            current.debugInfo.failResult = null;
                        }
                        chainee.paused--;
                        if (chain == null) {
                            chain = new Deferred<?>[8];
                        } else if (depth == chain.length) {
                            chain = Arrays.copyOf(chain, depth * 2);
                        }
                        chain[depth++] = current;
                        current = chainee;
                        finished = false;
                        break;
                    } else if (first == ERRBACK) {
                        item = failing ? cbs[at + 1] : null;
                        next = at + 2;
                    } else if (first == BOTH) {
                        item = cbs[at + 1];
                        next = at + 2;
                    } else if (first == PAIR) {
                        item = failing ? cbs[at + 2] : cbs[at + 1];
                        next = at + 3;
                    } else {
                        item = failing ? null : first;
                        next = at + 1;
                    }
                    current.pop(at, next);
                    // A null half is Twisted's passthru: the result stays, but still goes through
                    // the "is it a Deferred?" check below, as passthru's return value does.
                    if (item != null) {
                        Object r = current.call(item, current.result);
                        current.result = r;
                        if (r == current) {
                            DebugInfo.warnReturnedSelf(item);
                        }
                    } else if (current.result == current) {
                        DebugInfo.warnReturnedSelf("passthru");
                    }
                }
                if (current.result instanceof Deferred<?> returned) {
                    Object resultResult = returned.result;
                    if (resultResult == NO_RESULT
                            || resultResult instanceof Deferred
                            || returned.paused != 0) {
                        // Not fired yet: pause and wait for it.
                        current.pause();
                        current.chainedTo = returned;
                        // The returned Deferred has no result, so it is not running callbacks:
                        // append directly.
                        returned.push2(CONTINUE, current);
                        break;
                    } else {
                        // It has fired: steal its result.
                        returned.result = null;
                        if (returned.debugInfo != null) {
                            returned.debugInfo.failResult = null;
                        }
                        current.result = resultResult;
                    }
                }
            }
            if (finished) {
                // As much of the chain as can run now has run.
                current.finishRun(current.result);
                // Pop: go back to the Deferred that supplied this one's result.
                if (depth == 0) {
                    current = null;
                } else {
                    current = chain[--depth];
                    chain[depth] = null;
                }
            }
        }
    }

    /** Takes the entry in slots {@code at} to {@code next} off the queue. */
    private void pop(int at, int next) {
        Object[] cbs = callbacks;
        for (int i = at; i < next; i++) {
            cbs[i] = null;
        }
        if (next == tail) {
            head = tail = 0;
        } else {
            head = next;
        }
    }

    /** {@link #call} of a callback known to be a {@link Callback}. */
    @SuppressWarnings("unchecked")
    private Object callCallback(Object fn, Object arg) {
        runningCallbacks = true;
        try {
            return ((Callback<Object, Object>) fn).call(arg);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return new Failure(t);
        } finally {
            runningCallbacks = false;
        }
    }

    /**
     * Runs one callback or errback of this Deferred on {@code arg}, flagged as running; returns
     * what it returns, or a {@link Failure} of what it throws.
     */
    @SuppressWarnings("unchecked")
    private Object call(Object fn, Object arg) {
        runningCallbacks = true;
        try {
            if (fn instanceof Callback<?, ?> cb) {
                return ((Callback<Object, Object>) cb).call(arg);
            }
            return ((Errback<Object>) fn).call((Failure) arg);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return new Failure(t);
        } finally {
            runningCallbacks = false;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // State.

    /** Returns true once {@link #callback} or {@link #errback} has been called. */
    public final boolean called() {
        return called;
    }

    /** Returns the number of {@link #pause} calls not yet undone (a chained wait counts as one). */
    public final int paused() {
        return paused;
    }

    /** Returns true if the Deferred has fired and carries a result or a {@link Failure}. */
    public final boolean hasResult() {
        return result != NO_RESULT;
    }

    /**
     * Returns the current result: a value, a {@link Failure}, or a Deferred this one waits on.
     * Reading it does not consume it (Twisted's {@code d.result}).
     *
     * @throws IllegalStateException if the Deferred has not fired
     */
    public final Object result() {
        if (result == NO_RESULT) {
            throw new IllegalStateException("Deferred has no result yet: " + this);
        }
        return result;
    }

    /** Returns the Deferred this one waits on, or null (Twisted's {@code _chainedTo}). */
    final Deferred<?> chainedTo() {
        return chainedTo;
    }

    /** Returns the number of callback entries (a callback, an errback or a pair) not yet run. */
    final int pendingCallbacks() {
        int count = 0;
        for (int at = head; at < tail; count++) {
            Object first = callbacks[at];
            at += first == PAIR ? 3 : first instanceof Marker ? 2 : 1;
        }
        return count;
    }

    /**
     * Returns Twisted's repr: {@code <Deferred at 0x1a2b>}, {@code <Deferred at 0x1a2b current
     * result: 7>} or {@code <Deferred at 0x1a2b waiting on Deferred at 0x3c4d>}.
     *
     * <p>The address is {@link System#identityHashCode} in hex (Python's {@code id}); the class
     * name is this object's simple class name; the result is shown with its {@code toString}
     * (Python shows its {@code repr}, so a string result has no quotes here).
     */
    @Override
    public String toString() {
        String cname = getClass().getSimpleName();
        if (cname.isEmpty()) {
            cname = getClass().getName();
        }
        String myId = Integer.toHexString(System.identityHashCode(this));
        String state;
        if (chainedTo != null) {
            state = " waiting on Deferred at 0x"
                    + Integer.toHexString(System.identityHashCode(chainedTo));
        } else if (result == NO_RESULT) {
            state = "";
        } else {
            state = " current result: " + result;
        }
        return "<" + cname + " at 0x" + myId + state + ">";
    }

    // ---------------------------------------------------------------------------------------------
    // Coroutines (see InlineCallbacks.java).

    /**
     * Starts {@code coroutine} and returns a Deferred that fires with its result, or fails with
     * what it throws: it runs now up to its first {@link Defer#await} of an unfired Deferred, and
     * cancelling the returned Deferred cancels the awaited one. See {@link Defer#inlineCallbacks}.
     *
     * <p>Port of {@code Deferred.fromCoroutine}.
     *
     * @throws IllegalStateException if the coroutine has already started
     */
    public static <T> Deferred<T> fromCoroutine(Coroutine<T> coroutine) {
        return InlineCallbacks.start(coroutine.start());
    }

    /**
     * Starts {@code coro} if it is a {@link Coroutine}, as {@link #fromCoroutine(Coroutine)}.
     *
     * @throws NotACoroutineError if it is anything else
     */
    @SuppressWarnings("unchecked")
    public static <T> Deferred<T> fromCoroutine(Object coro) {
        if (coro instanceof Coroutine<?> c) {
            return (Deferred<T>) fromCoroutine(c);
        }
        throw new NotACoroutineError(coro + " is not a coroutine");
    }

    // ---------------------------------------------------------------------------------------------
    // Futures.

    /**
     * Returns a Deferred that fires with the result of {@code stage}, or fails with its exception
     * ({@link CompletionException} and {@link ExecutionException} unwrapped).
     *
     * <p>Port of {@code Deferred.fromFuture}. Cancellation crosses both ways:
     * <ul>
     *   <li>Cancelling the Deferred cancels {@code stage} if it is a {@link Future} (as a
     *       {@link CompletableFuture} is), with {@code cancel(false)}; the Deferred fails with
     *       {@link CancelledError}. A stage that is no Future, or refuses to be cancelled, is left
     *       to complete, and its late outcome is dropped.</li>
     *   <li>A stage cancelled on its own side fails the Deferred with {@link CancelledError} too,
     *       whose cause is the stage's {@link CancellationException}. Twisted fails it with
     *       asyncio's {@code CancelledError}; twj uses its own, so that errbacks and
     *       {@link #addTimeout} treat every cancellation alike.</li>
     * </ul>
     *
     * <p>Only {@link CompletionStage#whenComplete} is used: the stage need not support
     * {@link CompletionStage#toCompletableFuture}.
     *
     * <p>The stage may complete on any thread; the Deferred fires on that thread. Hand it to the
     * reactor thread ({@code callFromThread}) if it is not already there.
     */
    public static <T> Deferred<T> fromFuture(CompletionStage<T> stage) {
        Deferred<T> d = new Deferred<>(self -> {
            if (stage instanceof Future<?> future) {
                try {
                    future.cancel(false);
                } catch (UnsupportedOperationException e) {
                    // A read-only view, such as CompletableFuture.minimalCompletionStage().
                }
            }
        });
        stage.whenComplete((value, error) -> {
            if (d.called) {
                return; // Cancelled through the Deferred: it has already failed.
            }
            if (error == null) {
                d.callback(value);
            } else {
                d.errback(fromFutureError(unwrap(error)));
            }
        });
        return d;
    }

    /**
     * Returns a Deferred that fires with the result of a Guava {@code ListenableFuture}, or fails
     * with its exception ({@link ExecutionException} unwrapped).
     *
     * <p>Cancellation crosses both ways as in {@link #fromFuture(CompletionStage)}: cancelling
     * the Deferred cancels the future ({@code cancel(false)}), and a future cancelled on its own
     * side fails the Deferred with {@link CancelledError}, caused by its
     * {@link CancellationException}.
     *
     * <p>The Deferred fires on the thread that completes the future.
     */
    public static <T> Deferred<T> fromFuture(ListenableFuture<T> future) {
        Deferred<T> d = new Deferred<>(self -> future.cancel(false));
        future.addListener(() -> {
            if (d.called) {
                return; // Cancelled through the Deferred.
            }
            T value;
            try {
                value = com.google.common.util.concurrent.Futures.getDone(future);
            } catch (CancellationException e) {
                d.errback(fromFutureError(e));
                return;
            } catch (ExecutionException e) {
                d.errback(unwrap(e));
                return;
            } catch (RuntimeException | Error e) {
                d.errback(e);
                return;
            }
            d.callback(value);
        }, MoreExecutors.directExecutor());
        return d;
    }

    /** A future's {@link CancellationException} becomes a {@link CancelledError} caused by it. */
    private static Throwable fromFutureError(Throwable error) {
        if (error instanceof CancellationException cancelled) {
            CancelledError translated = new CancelledError("future was cancelled");
            translated.initCause(cancelled);
            return translated;
        }
        return error;
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof ExecutionException)
                && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /**
     * Returns a {@link CompletableFuture} that completes with this Deferred's result, or
     * exceptionally with its failure's exception. Like Twisted's {@code asFuture}, this consumes
     * the result: the Deferred is left holding {@code null}. Cancelling the future cancels the
     * Deferred; the future stays cancelled whatever the Deferred then fires with (a canceller
     * may make it succeed).
     *
     * <p>The future completes on the thread that fires the Deferred. Cancel it on the Deferred's
     * thread: its {@code cancel} calls {@link #cancel} there and then.
     */
    public final CompletableFuture<T> asFuture() {
        CompletableFuture<T> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                if (cancelled) {
                    Deferred.this.cancel();
                }
                return cancelled;
            }
        };
        addCallbacks(
                value -> {
                    future.complete(value);
                    return null;
                },
                failure -> {
                    future.completeExceptionally(failure.value());
                    return null;
                });
        return future;
    }
}
