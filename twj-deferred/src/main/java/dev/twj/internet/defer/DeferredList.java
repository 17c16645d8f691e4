package dev.twj.internet.defer;

import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

/**
 * Collects the results of several Deferreds, and fires once when they have all fired: by
 * default with a list of {@link Outcome}s, one per Deferred, in the order the Deferreds were given.
 *
 * <p>Port of {@code twisted.internet.defer.DeferredList}. It is a {@link Deferred}, so callbacks
 * and errbacks are added to it in the same way:
 *
 * <pre>{@code
 * DeferredList.of(List.of(d1, d2, d3)).addCallback(outcomes -> {
 *     for (DeferredList.Outcome<String> o : outcomes) {
 *         if (o.success()) use(o.value()); else log(o.failure());
 *     }
 *     return null;
 * });
 * }</pre>
 *
 * <p>It works by adding a callback and an errback to each Deferred in the list. This means that
 * callbacks and errbacks added to those Deferreds before they are passed to {@code DeferredList}
 * change the result it sees (a {@code DeferredList} is not special), and that callbacks and
 * errbacks added to them afterwards see what it passes on: their own result, or with
 * {@link Option#CONSUME_ERRORS} {@code null} in place of a failure.
 *
 * <h2>Ways to fire</h2>
 * <table>
 *   <caption>What a DeferredList fires with</caption>
 *   <tr><th>created with</th><th>fires</th><th>with</th></tr>
 *   <tr><td>{@link #of of(ds)}</td><td>when every Deferred has fired</td>
 *       <td>{@code List<Outcome<T>>}, in input order; an empty {@code ds} fires at once with
 *       {@code []}</td></tr>
 *   <tr><td>{@link #of of(ds, FIRE_ON_ONE_ERRBACK)}</td><td>also as soon as one fails</td>
 *       <td>a {@link Failure} of {@link FirstError}{@code (failure, index)}</td></tr>
 *   <tr><td>{@link #fireOnOneCallback(List, Option...) fireOnOneCallback(ds)}</td>
 *       <td>as soon as one succeeds</td>
 *       <td>{@link FirstResult}{@code (result, index)}; if every Deferred fails (and
 *       {@code FIRE_ON_ONE_ERRBACK} is not given), the {@code List<Outcome<T>>}; an empty
 *       {@code ds} never fires</td></tr>
 * </table>
 *
 * <p>Where Java differs: Python picks the mode with keyword arguments of one constructor; here
 * {@link #of} and {@link #fireOnOneCallback(List, Option...)} pick it, so that the result type is
 * right, and {@link Option}s stand for {@code fireOnOneErrback=True} and
 * {@code consumeErrors=True}. The result type {@code R} of a {@code fireOnOneCallback} list is
 * {@code Object}, as it may be either of two types.
 *
 * <h2>Contract</h2>
 * <p>As {@link Deferred}: not thread-safe; it fires on the thread that fires the Deferred that
 * completes it, possibly during the factory call if some Deferreds have already fired.
 * {@link #cancel} cancels every Deferred in the list if this list has not fired yet, and does
 * nothing otherwise.
 *
 * @param <T> the result type of the Deferreds in the list
 * @param <R> the result type of this Deferred: {@code List<Outcome<T>>}, or {@code Object} for
 *     {@link #fireOnOneCallback(List, Option...)}
 */
public final class DeferredList<T, R> extends Deferred<R> {
    private static final Logger LOG = new Logger("dev.twj.internet.defer");

    /** Options for a {@code DeferredList}: Twisted's keyword flags. */
    public enum Option {
        /**
         * Fire as soon as one Deferred in the list fails, without waiting for the others: the
         * {@code DeferredList} errbacks with a {@link Failure} of {@link FirstError} wrapping that
         * Deferred's failure and index (Twisted's {@code fireOnOneErrback=True}).
         */
        FIRE_ON_ONE_ERRBACK,
        /**
         * Do not propagate failures of the Deferreds in the list to errbacks added to them after
         * this {@code DeferredList} is created: their failures become a {@code null} result. This
         * prevents spurious "Unhandled error in Deferred" reports, and does not stop
         * {@link #FIRE_ON_ONE_ERRBACK} from working (Twisted's {@code consumeErrors=True}).
         */
        CONSUME_ERRORS
    }

    /**
     * How one Deferred of the list fired: {@code (true, result)} if it succeeded, or
     * {@code (false, failure)} if it failed. Twisted's {@code (success, result)} tuple.
     *
     * @param success whether the Deferred succeeded ({@link Defer#SUCCESS}) or failed
     *     ({@link Defer#FAILURE})
     * @param result its result, a {@code T}, or a {@link Failure} if it failed
     * @param <T> the Deferred's result type
     */
    public record Outcome<T>(boolean success, Object result) {
        /**
         * Creates an outcome.
         *
         * @throws IllegalArgumentException if {@code success} is false and {@code result} is not a
         *     {@link Failure}
         */
        public Outcome {
            if (!success && !(result instanceof Failure)) {
                throw new IllegalArgumentException(
                        "a failed Outcome's result must be a Failure, not: " + result);
            }
        }

        /**
         * Returns the result of a successful Deferred.
         *
         * @throws IllegalStateException if it failed; read {@link #failure()} instead
         */
        @SuppressWarnings("unchecked")
        public T value() {
            if (!success) {
                throw new IllegalStateException("Outcome is a failure, not a value: " + result);
            }
            return (T) result;
        }

        /**
         * Returns the failure of a failed Deferred.
         *
         * @throws IllegalStateException if it succeeded; read {@link #value()} instead
         */
        public Failure failure() {
            if (success) {
                throw new IllegalStateException("Outcome is a value, not a failure: " + result);
            }
            return (Failure) result;
        }
    }

    /**
     * What a {@link DeferredList#fireOnOneCallback(List, Option...) fireOnOneCallback} list fires
     * with: the result of the first Deferred to succeed and its index in the list. Twisted's
     * {@code (result, index)} tuple.
     *
     * @param result that Deferred's result
     * @param index its index in the list
     * @param <T> the Deferred's result type
     */
    public record FirstResult<T>(T result, int index) {}

    private final List<Deferred<? extends T>> deferredList;
    private final List<Outcome<T>> resultList;
    private final int size;
    private final boolean fireOnOneCallback;
    private final boolean fireOnOneErrback;
    private final boolean consumeErrors;
    private int finishedCount;

    private DeferredList(
            List<? extends Deferred<? extends T>> deferredList,
            boolean fireOnOneCallback,
            EnumSet<Option> options) {
        this.deferredList = List.copyOf(deferredList);
        this.size = this.deferredList.size();
        this.resultList = new ArrayList<>(Collections.nCopies(size, null));
        this.fireOnOneCallback = fireOnOneCallback;
        this.fireOnOneErrback = options.contains(Option.FIRE_ON_ONE_ERRBACK);
        this.consumeErrors = options.contains(Option.CONSUME_ERRORS);
    }

    /**
     * Returns a {@code DeferredList} that fires with the {@link Outcome}s of all of
     * {@code deferredList}, in its order, once they have all fired (at once, with an empty list,
     * if {@code deferredList} is empty).
     *
     * @param deferredList the Deferreds to track; copied, so later changes to it are not seen
     * @param options {@link Option#FIRE_ON_ONE_ERRBACK} to fail with a {@link FirstError} as soon
     *     as one fails; {@link Option#CONSUME_ERRORS} to turn their failures into {@code null}
     * @throws NullPointerException if {@code deferredList} or one of its Deferreds is null
     */
    public static <T> DeferredList<T, List<Outcome<T>>> of(
            List<? extends Deferred<? extends T>> deferredList, Option... options) {
        DeferredList<T, List<Outcome<T>>> dl =
                new DeferredList<>(deferredList, false, optionSet(options));
        dl.start();
        return dl;
    }

    /**
     * Returns a {@code DeferredList} that fires as soon as one of {@code deferredList} succeeds,
     * with a {@link FirstResult} of its result and index, without waiting for the others
     * (Twisted's {@code fireOnOneCallback=True}).
     *
     * <p>If all of them fail instead, it fires with the {@code List<Outcome<T>>} of their
     * failures, unless {@link Option#FIRE_ON_ONE_ERRBACK} is given, in which case the first
     * failure fails it with a {@link FirstError}. If {@code deferredList} is empty, it never fires.
     *
     * @param deferredList the Deferreds to track; copied, so later changes to it are not seen
     * @param options as for {@link #of}
     * @throws NullPointerException if {@code deferredList} or one of its Deferreds is null
     */
    public static <T> DeferredList<T, Object> fireOnOneCallback(
            List<? extends Deferred<? extends T>> deferredList, Option... options) {
        DeferredList<T, Object> dl = new DeferredList<>(deferredList, true, optionSet(options));
        dl.start();
        return dl;
    }

    private static EnumSet<Option> optionSet(Option... options) {
        EnumSet<Option> set = EnumSet.noneOf(Option.class);
        for (Option option : options) {
            set.add(option);
        }
        return set;
    }

    /** Twisted's {@code __init__} after the fields: fires an empty list, watches each Deferred. */
    private void start() {
        if (size == 0 && !fireOnOneCallback) {
            fire(resultList);
        }
        for (int i = 0; i < size; i++) {
            int index = i;
            deferredList.get(i).addCallbacks(
                    result -> cbDeferred(result, index, Defer.SUCCESS),
                    failure -> cbDeferred(failure, index, Defer.FAILURE));
        }
    }

    /** Twisted's {@code _cbDeferred}: called when one of the Deferreds fires. */
    private Object cbDeferred(Object result, int index, boolean succeeded) {
        resultList.set(index, new Outcome<>(succeeded, result));
        finishedCount++;
        if (!called()) {
            if (succeeded && fireOnOneCallback) {
                fire(new FirstResult<>(result, index));
            } else if (!succeeded && fireOnOneErrback) {
                errback(new Failure(new FirstError((Failure) result, index)));
            } else if (finishedCount == size) {
                fire(resultList);
            }
        }
        if (!succeeded && consumeErrors) {
            return null;
        }
        return result;
    }

    // The factories fix R to the type of what each mode fires with.
    @SuppressWarnings("unchecked")
    private void fire(Object result) {
        callback((R) result);
    }

    /**
     * Cancels this {@code DeferredList}: if it has not fired yet, cancels every Deferred in the
     * list, logging (and otherwise ignoring) any exception a canceller throws.
     *
     * <p>If it has fired, including because one Deferred succeeded or failed with
     * {@code fireOnOneCallback} or {@link Option#FIRE_ON_ONE_ERRBACK}, this does nothing. As in
     * Twisted, it does not itself errback with {@link CancelledError}: it fires, or not, as the
     * cancelled Deferreds do.
     */
    @Override
    public void cancel() {
        if (!called()) {
            for (Deferred<? extends T> deferred : deferredList) {
                try {
                    deferred.cancel();
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable t) {
                    LOG.failure("Exception raised from user supplied canceller", new Failure(t));
                }
            }
        }
    }

    /**
     * The results so far, in the order of the Deferreds: an {@link Outcome} for each that has
     * fired, {@code null} for the others (Twisted's {@code resultList}). This is the very list
     * the {@code DeferredList} fires with (except in {@code fireOnOneCallback} mode).
     */
    public List<Outcome<T>> resultList() {
        return resultList;
    }

    /** The number of Deferreds in the list that have fired (Twisted's {@code finishedCount}). */
    public int finishedCount() {
        return finishedCount;
    }

    /** Whether this list fires on the first success; see {@link #fireOnOneCallback(List, Option...)}. */
    public boolean fireOnOneCallback() {
        return fireOnOneCallback;
    }

    /** Whether this list fails on the first failure; see {@link Option#FIRE_ON_ONE_ERRBACK}. */
    public boolean fireOnOneErrback() {
        return fireOnOneErrback;
    }

    /** Whether this list consumes the failures of its Deferreds; see {@link Option#CONSUME_ERRORS}. */
    public boolean consumeErrors() {
        return consumeErrors;
    }
}
