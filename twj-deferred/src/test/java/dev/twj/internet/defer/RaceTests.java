package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.defer.Defer.RaceResult;
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
 * Tests for {@link Defer#race}: port of {@code twisted.test.test_defer.RaceTests}.
 *
 * <p>Twisted draws {@code beforeWinner} and {@code afterWinner} (0 to 3 each) with hypothesis;
 * these tests run every combination of that range instead.
 */
class RaceTests {
    /**
     * The Deferreds for a race, and how many times each has been cancelled. Without additional
     * steps the Deferreds will never fire.
     */
    private record RaceState(int[] cancelledState, List<Deferred<Object>> ds) {}

    /**
     * Creates a list of Deferreds and a corresponding array of integers tracking how many times
     * each Deferred has been cancelled (Twisted's {@code _setupRaceState}).
     */
    private static RaceState setupRaceState(int numDeferreds) {
        int[] cancelledState = new int[numDeferreds];
        List<Deferred<Object>> ds = new ArrayList<>();
        for (int n = 0; n < numDeferreds; n++) {
            int index = n;
            ds.add(new Deferred<>(d -> cancelledState[index] += 1));
        }
        return new RaceState(cancelledState, ds);
    }

    /**
     * When one of the Deferreds passed to race fires successfully, the Deferred returned by race
     * fires with the index of that Deferred and its result and cancels the rest of the Deferreds.
     */
    @Test
    public void test_success() {
        for (int beforeWinner = 0; beforeWinner <= 3; beforeWinner++) {
            for (int afterWinner = 0; afterWinner <= 3; afterWinner++) {
                String given = "beforeWinner=" + beforeWinner + ", afterWinner=" + afterWinner;
                RaceState state = setupRaceState(beforeWinner + 1 + afterWinner);

                Deferred<RaceResult<Object>> raceResult = Defer.race(state.ds());
                Object expected = new Object();
                state.ds().get(beforeWinner).callback(expected);

                // The result should be the index and result of the only Deferred that fired.
                assertEquals(new RaceResult<>(beforeWinner, expected), successResultOf(raceResult), given);
                // All Deferreds except the winner should have been cancelled once.
                int[] expectedCancelledState = new int[beforeWinner + 1 + afterWinner];
                Arrays.fill(expectedCancelledState, 1);
                expectedCancelledState[beforeWinner] = 0;
                assertArrayEquals(expectedCancelledState, state.cancelledState(), given);
            }
        }
    }

    /**
     * When all of the Deferreds passed to race fire with failures, the Deferred returned by race
     * fires with FailureGroup wrapping all of their failures.
     */
    @Test
    public void test_failure() {
        for (int beforeWinner = 0; beforeWinner <= 3; beforeWinner++) {
            for (int afterWinner = 0; afterWinner <= 3; afterWinner++) {
                String given = "beforeWinner=" + beforeWinner + ", afterWinner=" + afterWinner;
                RaceState state = setupRaceState(beforeWinner + 1 + afterWinner);

                Failure failure = new Failure(new Exception("The test demands failures."));
                Deferred<RaceResult<Object>> raceResult = Defer.race(state.ds());
                for (Deferred<Object> d : state.ds()) {
                    d.errback(failure);
                }

                Failure actualFailure = failureResultOf(raceResult, FailureGroup.class);
                assertEquals(
                        Collections.nCopies(state.ds().size(), failure),
                        ((FailureGroup) actualFailure.value()).failures(),
                        given);
                assertArrayEquals(new int[state.ds().size()], state.cancelledState(), given);
            }
        }
    }

    /**
     * If one of the Deferreds fires after it was cancelled its result goes nowhere. In
     * particular, it does not cause any errors to be logged.
     */
    @Test
    public void test_resultAfterCancel() {
        for (int beforeWinner = 0; beforeWinner <= 3; beforeWinner++) {
            for (int afterWinner = 0; afterWinner <= 3; afterWinner++) {
                String given = "beforeWinner=" + beforeWinner + ", afterWinner=" + afterWinner;
                // Ensure we have a Deferred to win and at least one other Deferred that can
                // ignore cancellation.
                List<Deferred<Void>> ds = new ArrayList<>();
                for (int n = 0; n < beforeWinner + 2 + afterWinner; n++) {
                    ds.add(new Deferred<>());
                }
                int winner = beforeWinner;

                List<Failure> logged = loggedFailuresOnThisThread(() -> {
                    Deferred<RaceResult<Void>> raceResult = Defer.race(ds);
                    ds.get(winner).callback(null);
                    ds.get(winner + 1).callback(null);

                    successResultOf(raceResult);
                });
                assertEquals(List.of(), logged, given);
            }
        }
    }

    /** If one of the input Deferreds has a cancel function that fires it with success, nothing bad happens. */
    @Test
    public void test_resultFromCancel() {
        Deferred<Object> winner = new Deferred<>();
        List<Deferred<Object>> ds = List.of(winner, new Deferred<>(d -> d.callback(new Object())));
        Object expected = new Object();
        Deferred<RaceResult<Object>> raceResult = Defer.race(ds);
        winner.callback(expected);

        assertEquals(new RaceResult<>(0, expected), successResultOf(raceResult));
    }

    /** If the result of race is cancelled then all of the Deferreds passed in are cancelled. */
    @Test
    public void test_cancel() {
        for (int numDeferreds = 1; numDeferreds <= 3; numDeferreds++) {
            String given = "numDeferreds=" + numDeferreds;
            RaceState state = setupRaceState(numDeferreds);

            Deferred<RaceResult<Object>> raceResult = Defer.race(state.ds());
            raceResult.cancel();

            int[] ones = new int[numDeferreds];
            Arrays.fill(ones, 1);
            assertArrayEquals(ones, state.cancelledState(), given);
            failureResultOf(raceResult, FailureGroup.class);
        }
    }

    /**
     * Runs {@code body} and returns the failures logged on this thread meanwhile: trial's
     * {@code flushLoggedErrors()}, without the reports the unhandled-error reporter thread may make
     * about other tests' Deferreds.
     */
    private static List<Failure> loggedFailuresOnThisThread(Runnable body) {
        Thread me = Thread.currentThread();
        List<Failure> failures = new ArrayList<>();
        ILogObserver observer = (Map<String, Object> event) -> {
            if (Thread.currentThread() == me && event.get("log_failure") instanceof Failure f) {
                failures.add(f);
            }
        };
        Global.globalLogPublisher().addObserver(observer);
        try {
            body.run();
        } finally {
            Global.globalLogPublisher().removeObserver(observer);
        }
        return failures;
    }
}
