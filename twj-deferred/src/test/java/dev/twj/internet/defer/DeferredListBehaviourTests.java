package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Defer.RaceResult;
import dev.twj.internet.defer.DeferredList.FirstResult;
import dev.twj.internet.defer.DeferredList.Option;
import dev.twj.internet.defer.DeferredList.Outcome;
import dev.twj.logger.Global;
import dev.twj.logger.ILogObserver;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java-only tests of {@link DeferredList}, {@link Defer#gatherResults} and {@link Defer#race}: the
 * corners Twisted's tests leave implicit.
 */
class DeferredListBehaviourTests {
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Order of results.

    @Test
    void outcomesFollowTheInputOrderNotTheFiringOrder() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        Deferred<String> c = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> dl = DeferredList.of(List.of(a, b, c), Option.CONSUME_ERRORS);
        Failure failure = new Failure(new Boom("b"));
        c.callback("c");
        b.errback(failure);
        assertNoResult(dl);
        a.callback("a");
        assertEquals(
                List.of(new Outcome<String>(true, "a"), new Outcome<String>(false, failure),
                        new Outcome<String>(true, "c")),
                successResultOf(dl));
    }

    @Test
    void gatherResultsKeepsTheInputOrder() {
        List<Deferred<Integer>> ds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ds.add(new Deferred<>());
        }
        Deferred<List<Integer>> gathered = Defer.gatherResults(ds);
        for (int i = 4; i >= 0; i--) {
            ds.get(i).callback(i * 10);
        }
        assertEquals(List.of(0, 10, 20, 30, 40), successResultOf(gathered));
    }

    @Test
    void resultListAndFinishedCountTrackProgress() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> dl = DeferredList.of(List.of(a, b));
        assertEquals(0, dl.finishedCount());
        assertEquals(Arrays.asList(null, null), dl.resultList());
        b.callback("b");
        assertEquals(1, dl.finishedCount());
        assertEquals(Arrays.asList(null, new Outcome<String>(true, "b")), dl.resultList());
        assertFalse(dl.called());
        a.callback("a");
        assertEquals(2, dl.finishedCount());
        assertTrue(dl.called());
        assertFalse(dl.fireOnOneCallback());
        assertFalse(dl.fireOnOneErrback());
        assertFalse(dl.consumeErrors());
    }

    @Test
    void laterCallbacksOfTheDeferredsSeeTheirOwnResults() {
        Deferred<String> a = new Deferred<>();
        DeferredList.of(List.of(a));
        a.callback("a");
        assertEquals("a", successResultOf(a));
    }

    // ---------------------------------------------------------------------------------------------
    // consumeErrors and the "Unhandled error in Deferred" report.

    @Test
    void consumeErrorsLeavesTheDeferredHoldingNull() {
        Deferred<String> a = new Deferred<>();
        DeferredList.of(List.of(a), Option.CONSUME_ERRORS);
        a.errback(new Boom("consumed"));
        assertNull(successResultOf(a));
    }

    @Test
    void consumeErrorsLeavesNoUnhandledError() {
        Defer.collectUnhandledErrors(); // Report other tests' garbage first.
        List<Map<String, Object>> events = new ArrayList<>();
        ILogObserver observer = event -> {
            synchronized (events) {
                events.add(event);
            }
        };
        Global.globalLogPublisher().addObserver(observer);
        try {
            Failure failure = failAndDropDeferreds(true);
            Defer.collectUnhandledErrors();
            Defer.collectUnhandledErrors();
            assertFalse(loggedFailure(events, failure), "the consumed failure was reported");
        } finally {
            Global.globalLogPublisher().removeObserver(observer);
        }
    }

    /** The control for {@link #consumeErrorsLeavesNoUnhandledError}: without it, the error is reported. */
    @Test
    void withoutConsumeErrorsTheFailureIsReportedWhenTheDeferredIsCollected() {
        List<Map<String, Object>> events = new ArrayList<>();
        ILogObserver observer = event -> {
            synchronized (events) {
                events.add(event);
            }
        };
        Global.globalLogPublisher().addObserver(observer);
        try {
            Failure failure = failAndDropDeferreds(false);
            // The reporter thread may get there first; give it a bounded number of collections.
            for (int i = 0; i < 50 && !loggedFailure(events, failure); i++) {
                Defer.collectUnhandledErrors();
            }
            assertTrue(loggedFailure(events, failure), "the unconsumed failure was not reported");
        } finally {
            Global.globalLogPublisher().removeObserver(observer);
        }
    }

    @Test
    void consumeErrorsClearsTheFailureTheDeferredWouldReport() {
        Deferred<String> consumed = new Deferred<>();
        Deferred<String> kept = new Deferred<>();
        DeferredList.of(List.of(consumed), Option.CONSUME_ERRORS);
        DeferredList.of(List.of(kept));
        consumed.errback(new Boom("consumed"));
        kept.errback(new Boom("kept"));
        assertTrue(consumed.debugInfo == null || consumed.debugInfo.failResult == null);
        assertNotNull(kept.debugInfo);
        assertNotNull(kept.debugInfo.failResult);
        kept.addErrback(f -> null);
        assertNull(kept.debugInfo.failResult);
    }

    /**
     * Fails a Deferred watched by a DeferredList (consuming errors or not) and drops every
     * reference to both, in a frame of its own so that no local keeps them alive.
     */
    private static Failure failAndDropDeferreds(boolean consumeErrors) {
        Deferred<String> d = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> dl = consumeErrors
                ? DeferredList.of(List.of(d), Option.CONSUME_ERRORS)
                : DeferredList.of(List.of(d));
        Failure failure = new Failure(new Boom("dropped"));
        d.errback(failure);
        assertTrue(dl.called());
        return failure;
    }

    private static boolean loggedFailure(List<Map<String, Object>> events, Failure failure) {
        synchronized (events) {
            for (Map<String, Object> event : events) {
                if (event.get("log_failure") == failure) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // fireOnOneCallback and fireOnOneErrback.

    @Test
    void fireOnOneCallbackFiresWithTheOutcomesWhenEveryDeferredFails() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        DeferredList<String, Object> dl = DeferredList.fireOnOneCallback(List.of(a, b), Option.CONSUME_ERRORS);
        Failure fa = new Failure(new Boom("a"));
        Failure fb = new Failure(new Boom("b"));
        a.errback(fa);
        assertNoResult(dl);
        b.errback(fb);
        assertEquals(List.of(new Outcome<String>(false, fa), new Outcome<String>(false, fb)), successResultOf(dl));
    }

    @Test
    void fireOnOneCallbackIgnoresFailuresBeforeTheFirstSuccess() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        Deferred<String> c = new Deferred<>();
        DeferredList<String, Object> dl = DeferredList.fireOnOneCallback(List.of(a, b, c), Option.CONSUME_ERRORS);
        assertTrue(dl.fireOnOneCallback());
        assertTrue(dl.consumeErrors());
        a.errback(new Boom("a"));
        c.callback("c");
        assertEquals(new FirstResult<>("c", 2), successResultOf(dl));
        // The rest are neither waited for nor cancelled.
        assertNoResult(b);
    }

    @Test
    void fireOnOneCallbackAndFireOnOneErrbackFireWithTheFirstToFire() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        DeferredList<String, Object> succeeding =
                DeferredList.fireOnOneCallback(List.of(a, b), Option.FIRE_ON_ONE_ERRBACK);
        b.callback("b");
        a.errback(new Boom("late"));
        assertEquals(new FirstResult<>("b", 1), successResultOf(succeeding));
        a.addErrback(f -> null);

        Deferred<String> c = new Deferred<>();
        Deferred<String> d = new Deferred<>();
        DeferredList<String, Object> failing =
                DeferredList.fireOnOneCallback(List.of(c, d), Option.FIRE_ON_ONE_ERRBACK, Option.CONSUME_ERRORS);
        Failure failure = new Failure(new Boom("first"));
        d.errback(failure);
        c.callback("late");
        FirstError error = (FirstError) failureResultOf(failing, FirstError.class).value();
        assertEquals(new FirstError(failure, 1), error);
        assertSame(failure.value(), error.getCause());
    }

    @Test
    void fireOnOneErrbackWithAlreadyFailedDeferredsReportsTheFirstInTheList() {
        Failure first = new Failure(new Boom("first"));
        Failure second = new Failure(new Boom("second"));
        DeferredList<String, List<Outcome<String>>> dl = DeferredList.of(
                List.of(Defer.<String>fail(first), Defer.<String>fail(second)),
                Option.FIRE_ON_ONE_ERRBACK, Option.CONSUME_ERRORS);
        FirstError error = (FirstError) failureResultOf(dl, FirstError.class).value();
        assertEquals(0, error.index());
        assertSame(first, error.subFailure());
    }

    @Test
    void cancellingAFiredDeferredListLeavesItsResult() {
        Deferred<String> a = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> dl = DeferredList.of(List.of(a));
        a.callback("a");
        dl.cancel();
        assertEquals(List.of(new Outcome<String>(true, "a")), successResultOf(dl));
    }

    @Test
    void cancellingADeferredListReachesDeferredsWaitingOnOthers() {
        Deferred<String> inner = new Deferred<>();
        Deferred<String> outer = Defer.succeed("x").addCallbackDeferred(x -> inner);
        DeferredList<String, List<Outcome<String>>> dl = DeferredList.of(List.of(outer), Option.CONSUME_ERRORS);
        dl.cancel();
        assertTrue(inner.called()); // Its CancelledError went on to outer, and so to the list.
        List<Outcome<String>> outcomes = successResultOf(dl);
        assertNotNull(outcomes.get(0).failure().check(CancelledError.class));
    }

    @Test
    void cancellingADeferredListDoesNotFailTheListItself() {
        // Unlike Deferred.cancel, DeferredList.cancel fires nothing itself: the list fires when
        // the cancelled Deferreds deliver their results.
        Deferred<String> a = new Deferred<>();
        a.pause();
        DeferredList<String, List<Outcome<String>>> dl = DeferredList.of(List.of(a), Option.CONSUME_ERRORS);
        dl.cancel();
        assertTrue(a.called());
        assertNoResult(dl);
        a.unpause();
        assertNotNull(successResultOf(dl).get(0).failure().check(CancelledError.class));
    }

    // ---------------------------------------------------------------------------------------------
    // gatherResults.

    @Test
    void gatherResultsOfNoDeferredsFiresAnEmptyListAtOnce() {
        Deferred<List<String>> gathered = Defer.gatherResults(List.<Deferred<String>>of());
        assertEquals(List.of(), successResultOf(gathered));
        assertEquals(List.of(), successResultOf(Defer.gatherResults(List.<Deferred<String>>of(), true)));
    }

    @Test
    void gatherResultsIsADeferredListThatFailsOnTheFirstError() {
        Deferred<String> a = new Deferred<>();
        Deferred<List<String>> gathered = Defer.gatherResults(List.of(a), true);
        DeferredList<?, ?> dl = (DeferredList<?, ?>) gathered;
        assertTrue(dl.fireOnOneErrback());
        assertTrue(dl.consumeErrors());
        assertFalse(dl.fireOnOneCallback());
        a.callback("a");
        assertEquals(List.of("a"), successResultOf(gathered));
    }

    // ---------------------------------------------------------------------------------------------
    // race.

    @Test
    void raceOfAlreadyFiredDeferredsIsWonByTheFirstInTheList() {
        Deferred<String> a = Defer.succeed("a");
        Deferred<String> b = Defer.succeed("b");
        Deferred<RaceResult<String>> raced = Defer.race(List.of(a, b));
        assertEquals(new RaceResult<>(0, "a"), successResultOf(raced));
        // race consumes the results of all of them; cancelling a fired Deferred does nothing.
        assertNull(successResultOf(a));
        assertNull(successResultOf(b));
    }

    @Test
    void raceOfAlreadyFiredDeferredsSkipsTheFailedOnes() {
        Deferred<String> failed = Defer.fail(new Boom("failed"));
        Deferred<String> pending = new Deferred<>();
        Deferred<String> succeeded = Defer.succeed("won");
        Deferred<RaceResult<String>> raced = Defer.race(List.of(failed, pending, succeeded));
        assertEquals(new RaceResult<>(2, "won"), successResultOf(raced));
        // The pending loser was cancelled, and race consumed its CancelledError too.
        assertNull(successResultOf(pending));
        assertNull(successResultOf(failed));
    }

    @Test
    void raceOfAlreadyFailedDeferredsFailsWithTheirFailuresInOrder() {
        Failure f0 = new Failure(new Boom("0"));
        Failure f1 = new Failure(new Boom("1"));
        Deferred<String> d1 = new Deferred<>();
        Deferred<RaceResult<String>> raced = Defer.race(List.of(Defer.<String>fail(f0), d1));
        assertNoResult(raced);
        d1.errback(f1);
        FailureGroup group = (FailureGroup) failureResultOf(raced, FailureGroup.class).value();
        assertEquals(List.of(f0, f1), group.failures());
        assertEquals("FailureGroup[" + f0.value() + ", " + f1.value() + "]", group.toString());
    }

    @Test
    void raceOfNoDeferredsNeverFires() {
        Deferred<RaceResult<String>> raced = Defer.race(List.<Deferred<String>>of());
        assertNoResult(raced);
        raced.cancel();
        // Nothing to cancel: the race's own Deferred fails with CancelledError.
        failureResultOf(raced, CancelledError.class);
    }

    // ---------------------------------------------------------------------------------------------
    // Values.

    @Test
    void aFailedOutcomeCarriesAFailure() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Outcome<String>(false, "not a failure"));
        assertTrue(e.getMessage().contains("not a failure"), e.getMessage());
        Outcome<String> success = new Outcome<>(true, "v");
        assertEquals("v", success.value());
        assertThrows(IllegalStateException.class, success::failure);
        Failure f = new Failure(new Boom("f"));
        Outcome<String> failed = new Outcome<>(false, f);
        assertSame(f, failed.failure());
        assertThrows(IllegalStateException.class, failed::value);
    }

    @Test
    void equalFirstErrorsHaveEqualHashCodes() {
        Failure f = new Failure(new Boom("f"));
        assertEquals(new FirstError(f, 2).hashCode(), new FirstError(f, 2).hashCode());
        assertFalse(new FirstError(f, 2).equals(new FirstError(f, 3)));
        assertFalse(new FirstError(f, 2).equals(new FirstError(new Failure(f), 2)));
    }

    @Test
    void failureGroupCopiesItsFailures() {
        List<Failure> failures = new ArrayList<>(List.of(new Failure(new Boom("a"))));
        FailureGroup group = new FailureGroup(failures);
        failures.clear();
        assertEquals(1, group.failures().size());
        assertThrows(UnsupportedOperationException.class, () -> group.failures().add(null));
        assertEquals(Collections.emptyList(), new FailureGroup(List.of()).failures());
    }
}
