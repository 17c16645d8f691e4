package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.Defer.inlineCallbacks;
import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for cancellation of {@link Deferred}s returned by {@code inlineCallbacks}: port of
 * {@code twisted.internet.test.test_inlinecb.CancellationTests}. For each of these tests, let:
 * <ul>
 *   <li>{@code G} be a generator decorated with {@code inlineCallbacks}</li>
 *   <li>{@code D} be a {@link Deferred} returned by {@code G}</li>
 *   <li>{@code C} be a {@link Deferred} awaited by {@code G} with {@code yield}</li>
 * </ul>
 *
 * <p>As in Twisted, {@code STACKED_INLINECB} stacks the coroutine and {@code STACKED_CORO} the
 * inlineCallbacks function. {@code yield coro} in a generator is
 * {@code await(Deferred.fromCoroutine(coro))}; {@code await(d, Exception.class)} declares the
 * checked exceptions that {@code sampleInlineCB} catches by type.
 */
class CancellationTests {
    /** Untranslated exception type when testing an exception translation. */
    static final class UntranslatedError extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Translated exception type when testing an exception translation. */
    static final class TranslatedError extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Sample exception type. */
    static final class DontFail extends Exception {
        private static final long serialVersionUID = 1L;
        final int actualValue;

        DontFail(int actual) {
            this.actualValue = actual;
        }
    }

    enum CancellationTestsStackedType {
        NOT_STACKED,
        STACKED_INLINECB,
        STACKED_CORO
    }

    private final List<Deferred<Object>> deferredsOutstanding = new ArrayList<>();

    /** If any {@link Deferred}s are still outstanding, fire them. */
    @AfterEach
    public void tearDown() {
        while (!deferredsOutstanding.isEmpty()) {
            deferredGotten(null);
        }
    }

    private Deferred<Object> stackedInlineCB(Supplier<Deferred<Object>> getChildDeferred) {
        return inlineCallbacks(() -> {
            Object x = await(getChildDeferred.get());
            return x;
        });
    }

    private Coroutine<Object> stackedCoro(Supplier<Deferred<Object>> getChildDeferred) {
        return coroutine(() -> await(getChildDeferred.get()));
    }

    /**
     * Generator for testing cascade cancelling cases.
     *
     * @param getChildDeferred Some callable returning {@link Deferred} that we awaiting (with
     *     {@code yield})
     */
    private Deferred<Integer> sampleInlineCB(CancellationTestsStackedType stackType,
            Supplier<Deferred<Object>> getChildDeferred, Deferred<Object> firstDeferred) {
        Supplier<Deferred<Object>> child = getChildDeferred == null ? this::getDeferred : getChildDeferred;
        return inlineCallbacks(() -> {
            int x;
            try {
                if (stackType == CancellationTestsStackedType.NOT_STACKED) {
                    x = (Integer) await(child.get(), Exception.class);
                } else {
                    if (firstDeferred != null) {
                        await(firstDeferred);
                    }
                    if (stackType == CancellationTestsStackedType.STACKED_INLINECB) {
                        x = (Integer) await(Deferred.fromCoroutine(stackedCoro(child)), Exception.class);
                    } else {
                        x = (Integer) await(stackedInlineCB(child), Exception.class);
                    }
                }
            } catch (UntranslatedError e) {
                throw new TranslatedError();
            } catch (DontFail df) {
                x = df.actualValue - 2;
            }
            return x + 1;
        });
    }

    /**
     * A sample function that returns a {@link Deferred} that can be fired on demand, by
     * {@link #deferredGotten}.
     */
    private Deferred<Object> getDeferred() {
        deferredsOutstanding.add(new Deferred<>());
        return deferredsOutstanding.get(deferredsOutstanding.size() - 1);
    }

    /** Fire the {@link Deferred} returned from the least-recent call to {@link #getDeferred}. */
    private void deferredGotten(Object result) {
        deferredsOutstanding.remove(0).callback(result);
    }

    /**
     * When {@code D} cancelled, {@code C} will be immediately cancelled too.
     *
     * @param cancelOnSecondDeferred if true, tests cancellation on the second yield in
     *     inlineCallbacks
     */
    private void doCascadeCancellingOnCancel(CancellationTestsStackedType stackType,
            boolean cancelOnSecondDeferred) {
        Object[] childResultHolder = {"FAILURE"};

        Supplier<Deferred<Object>> getChildDeferred = () -> {
            Deferred<Object> d = new Deferred<>();
            d.addErrback(result -> {
                childResultHolder[0] = result.check(CancelledError.class);
                return result;
            });
            return d;
        };

        Deferred<Object> firstDeferred = null;
        if (cancelOnSecondDeferred) {
            firstDeferred = new Deferred<>();
        }
        Deferred<Integer> d = sampleInlineCB(stackType, getChildDeferred, firstDeferred);
        d.addErrback(result -> null);
        if (firstDeferred != null) {
            firstDeferred.callback(1);
        }
        d.cancel();
        assertSame(CancelledError.class, childResultHolder[0], "no cascade cancelling occurs");
    }

    @Test
    public void test_CascadeCancellingOnCancelNotStacked() {
        doCascadeCancellingOnCancel(CancellationTestsStackedType.NOT_STACKED, false);
    }

    @Test
    public void test_CascadeCancellingOnCancelStackedInlineCb() {
        doCascadeCancellingOnCancel(CancellationTestsStackedType.STACKED_INLINECB, false);
    }

    @Test
    public void test_CascadeCancellingOnCancelStackedInlineCbOnSecondDeferred() {
        doCascadeCancellingOnCancel(CancellationTestsStackedType.STACKED_INLINECB, true);
    }

    @Test
    public void test_CascadeCancellingOnCancelStackedCoro() {
        doCascadeCancellingOnCancel(CancellationTestsStackedType.STACKED_CORO, false);
    }

    @Test
    public void test_CascadeCancellingOnCancelStackedCoroOnSecondDeferred() {
        doCascadeCancellingOnCancel(CancellationTestsStackedType.STACKED_CORO, true);
    }

    /**
     * When {@code D} cancelled, CancelledError from {@code C} will be errbacked through
     * {@code D}.
     */
    private void doErrbackCancelledErrorOnCancel(CancellationTestsStackedType stackType,
            boolean cancelOnSecondDeferred) {
        Deferred<Object> firstDeferred = null;
        if (cancelOnSecondDeferred) {
            firstDeferred = new Deferred<>();
        }
        Deferred<Integer> d = sampleInlineCB(stackType, null, firstDeferred);
        if (firstDeferred != null) {
            firstDeferred.callback(1);
        }
        d.cancel();
        Failure failure = failureResultOf(d);
        assertThrows(CancelledError.class, () -> {
            throw failure.raiseException();
        });
    }

    @Test
    public void test_ErrbackCancelledErrorOnCancel() {
        doErrbackCancelledErrorOnCancel(CancellationTestsStackedType.NOT_STACKED, false);
    }

    @Test
    public void test_ErrbackCancelledErrorOnCancelStackedInlineCb() {
        doErrbackCancelledErrorOnCancel(CancellationTestsStackedType.STACKED_INLINECB, false);
    }

    @Test
    public void test_ErrbackCancelledErrorOnCancelStackedInlineCbOnSecondDeferred() {
        doErrbackCancelledErrorOnCancel(CancellationTestsStackedType.STACKED_INLINECB, true);
    }

    @Test
    public void test_ErrbackCancelledErrorOnCancelStackedCoro() {
        doErrbackCancelledErrorOnCancel(CancellationTestsStackedType.STACKED_CORO, false);
    }

    @Test
    public void test_ErrbackCancelledErrorOnCancelStackedCoroOnSecondDeferred() {
        doErrbackCancelledErrorOnCancel(CancellationTestsStackedType.STACKED_CORO, true);
    }

    /**
     * When {@code D} is cancelled, and {@code C} raises a particular type of error, {@code G} may
     * catch that error at the point of yielding and translate it into a different error which may
     * be received by application code.
     */
    private void doErrorToErrorTranslation(CancellationTestsStackedType stackType,
            boolean cancelOnSecondDeferred) {
        Deferred<Object> firstDeferred = null;
        if (cancelOnSecondDeferred) {
            firstDeferred = new Deferred<>();
        }
        Deferred<Object> a = new Deferred<>(it -> it.errback(new UntranslatedError()));
        Deferred<Integer> d = sampleInlineCB(stackType, () -> a, firstDeferred);
        if (firstDeferred != null) {
            firstDeferred.callback(1);
        }
        d.cancel();
        Failure failure = failureResultOf(d);
        assertThrows(TranslatedError.class, () -> {
            throw failure.raiseException();
        });
    }

    @Test
    public void test_ErrorToErrorTranslation() {
        doErrorToErrorTranslation(CancellationTestsStackedType.NOT_STACKED, false);
    }

    @Test
    public void test_ErrorToErrorTranslationStackedInlineCb() {
        doErrorToErrorTranslation(CancellationTestsStackedType.STACKED_INLINECB, false);
    }

    @Test
    public void test_ErrorToErrorTranslationStackedInlineCbOnSecondDeferred() {
        doErrorToErrorTranslation(CancellationTestsStackedType.STACKED_INLINECB, true);
    }

    @Test
    public void test_ErrorToErrorTranslationStackedCoro() {
        doErrorToErrorTranslation(CancellationTestsStackedType.STACKED_CORO, false);
    }

    @Test
    public void test_ErrorToErrorTranslationStackedCoroOnSecondDeferred() {
        doErrorToErrorTranslation(CancellationTestsStackedType.STACKED_CORO, true);
    }

    /**
     * When {@code D} is cancelled, and {@code C} raises a particular type of error, {@code G} may
     * catch that error at the point of yielding and translate it into a result value which may be
     * received by application code.
     */
    private void doErrorToSuccessTranslation(CancellationTestsStackedType stackType,
            boolean cancelOnSecondDeferred) {
        Deferred<Object> firstDeferred = null;
        if (cancelOnSecondDeferred) {
            firstDeferred = new Deferred<>();
        }
        Deferred<Object> a = new Deferred<>(it -> it.errback(new DontFail(4321)));
        Deferred<Integer> d = sampleInlineCB(stackType, () -> a, firstDeferred);
        List<Integer> results = new ArrayList<>();
        d.addCallback(results::add);
        if (firstDeferred != null) {
            firstDeferred.callback(1);
        }
        d.cancel();
        assertEquals(List.of(4320), results);
    }

    @Test
    public void test_ErrorToSuccessTranslation() {
        doErrorToSuccessTranslation(CancellationTestsStackedType.NOT_STACKED, false);
    }

    @Test
    public void test_ErrorToSuccessTranslationStackedInlineCb() {
        doErrorToSuccessTranslation(CancellationTestsStackedType.STACKED_INLINECB, false);
    }

    @Test
    public void test_ErrorToSuccessTranslationStackedInlineCbOnSecondDeferred() {
        doErrorToSuccessTranslation(CancellationTestsStackedType.STACKED_INLINECB, true);
    }

    @Test
    public void test_ErrorToSuccessTranslationStackedCoro() {
        doErrorToSuccessTranslation(CancellationTestsStackedType.STACKED_CORO, false);
    }

    @Test
    public void test_ErrorToSuccessTranslationStackedCoroOnSecondDeferred() {
        doErrorToSuccessTranslation(CancellationTestsStackedType.STACKED_CORO, true);
    }

    /**
     * When {@code D} is cancelled, it won't reach the callbacks added to it by application code
     * until {@code C} reaches the point in its callback chain where {@code G} awaits it.
     * Otherwise, application code won't be able to track resource usage that {@code D} may be
     * using.
     */
    private void doAsynchronousCancellation(CancellationTestsStackedType stackType,
            boolean cancelOnSecondDeferred) {
        Deferred<Object> moreDeferred = new Deferred<>();

        Errback<Deferred<Object>> deferMeMore = result -> {
            result.trap(CancelledError.class);
            return moreDeferred;
        };

        Supplier<Deferred<Object>> deferMe = () -> {
            Deferred<Object> d = new Deferred<>();
            d.addErrbackDeferred(deferMeMore);
            return d;
        };

        Deferred<Object> firstDeferred = null;
        if (cancelOnSecondDeferred) {
            firstDeferred = new Deferred<>();
        }
        Deferred<Integer> d = sampleInlineCB(stackType, deferMe, firstDeferred);
        if (firstDeferred != null) {
            firstDeferred.callback(1);
        }
        d.cancel();
        assertNoResult(d);
        moreDeferred.callback(6543);
        assertEquals(6544, successResultOf(d));
    }

    @Test
    public void test_AsynchronousCancellation() {
        doAsynchronousCancellation(CancellationTestsStackedType.NOT_STACKED, false);
    }

    @Test
    public void test_AsynchronousCancellationStackedInlineCb() {
        doAsynchronousCancellation(CancellationTestsStackedType.STACKED_INLINECB, false);
    }

    @Test
    public void test_AsynchronousCancellationStackedInlineCbOnSecondDeferred() {
        doAsynchronousCancellation(CancellationTestsStackedType.STACKED_INLINECB, true);
    }

    @Test
    public void test_AsynchronousCancellationStackedCoro() {
        doAsynchronousCancellation(CancellationTestsStackedType.STACKED_CORO, false);
    }

    @Test
    public void test_AsynchronousCancellationStackedCoroOnSecondDeferred() {
        doAsynchronousCancellation(CancellationTestsStackedType.STACKED_CORO, true);
    }

    /**
     * Cancelling an {@code inlineCallbacks} correctly handles the function catching the
     * {@link CancelledError}.
     *
     * <p>The desired behavior is:
     * <ol>
     *   <li>If the function is waiting on an inner deferred, that inner deferred is cancelled, and
     *       a {@link CancelledError} is raised within the function.</li>
     *   <li>If the function catches that exception, execution continues, and the deferred
     *       returned by the function is not resolved.</li>
     *   <li>Cancelling the deferred again cancels any deferred the function is waiting on, and the
     *       exception is raised.</li>
     * </ol>
     */
    @Test
    public void test_inlineCallbacksCancelCaptured() {
        List<Deferred<Object>> canceller1Calls = new ArrayList<>();
        List<Deferred<Object>> canceller2Calls = new ArrayList<>();
        Deferred<Object> d1 = new Deferred<>(canceller1Calls::add);
        Deferred<Object> d2 = new Deferred<>(canceller2Calls::add);

        Supplier<Deferred<Void>> testFunc = () -> inlineCallbacks(() -> {
            try {
                await(d1);
            } catch (Exception e) {
                // pass
            }

            await(d2);
            return null;
        });

        // Call the function, and ensure that none of the deferreds have
        // completed or been cancelled yet.
        Deferred<Void> funcD = testFunc.get();

        assertNoResult(d1);
        assertNoResult(d2);
        assertNoResult(funcD);
        assertEquals(List.of(), canceller1Calls);
        assertEquals(List.of(), canceller1Calls);

        // Cancel the deferred returned by the function, and check that the first
        // inner deferred has been cancelled, but the returned deferred has not
        // completed (as the function catches the raised exception).
        funcD.cancel();

        assertEquals(List.of(d1), canceller1Calls);
        assertEquals(List.of(), canceller2Calls);
        assertNoResult(funcD);

        // Cancel the returned deferred again, this time the returned deferred
        // should have a failure result, as the function did not catch the cancel
        // exception raised by `d2`.
        funcD.cancel();
        Failure failure = failureResultOf(funcD);
        assertSame(CancelledError.class, failure.type());
        assertEquals(List.of(d2), canceller2Calls);
    }
}
