package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.DeferredList.FirstResult;
import dev.twj.internet.defer.DeferredList.Option;
import dev.twj.internet.defer.DeferredList.Outcome;
import dev.twj.logger.Global;
import dev.twj.logger.ILogObserver;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DeferredList and gatherResults tests of {@code twisted.test.test_defer.DeferredTests}.
 *
 * <p>TEMPORARY fragment, to be merged into {@code DeferredTests}: its name does not end in
 * {@code Tests}, so Surefire runs it only when named ({@code -Dtest=DeferredTestsListsPart}).
 * Its private helpers are prefixed {@code lists} so that they do not clash there.
 */
class DeferredTestsListsPart {
    /** Twisted's {@code GenericError}. */
    private static final class ListsGenericError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListsGenericError(String message) {
            super(message);
        }
    }

    /** One recorded step of a callback chain: Twisted's {@code (name, value)} tuples. */
    private record ListsStep(String name, Object value) {}

    /**
     * A fake Deferred canceller which callbacks the Deferred with the string "Callback Result"
     * when cancelling it (Twisted's {@code fakeCallbackCanceller}).
     */
    private static void listsFakeCallbackCanceller(Deferred<String> deferred) {
        deferred.callback("Callback Result");
    }

    /**
     * Runs {@code body} and returns the failures logged on this thread meanwhile (events from
     * other threads, such as the unhandled-error reporter, are not this test's).
     */
    private static List<Failure> listsLoggedFailures(Runnable body) {
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

    @Test
    public void testDeferredList() {
        Deferred<String> defr1 = new Deferred<>();
        Deferred<String> defr2 = new Deferred<>();
        Deferred<String> defr3 = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> dl = DeferredList.of(List.of(defr1, defr2, defr3));
        List<Outcome<String>> result = new ArrayList<>();
        List<Failure> errors = new ArrayList<>();

        dl.addCallbacks(
                resultList -> {
                    result.addAll(resultList);
                    return null;
                },
                err -> {
                    errors.add(err);
                    return null;
                });
        defr1.callback("1");
        // "catch" is added to eat the GenericError that will be passed on by the DeferredList's
        // callback on defr2. If left unhandled, the Failure would be reported as "Unhandled error
        // in Deferred".
        defr2.addErrback(err -> null);
        defr2.errback(new ListsGenericError("2"));
        defr3.callback("3");
        assertEquals(List.of(), errors);
        assertEquals(3, result.size());
        assertEquals(new Outcome<String>(Defer.SUCCESS, "1"), result.get(0));
        // result.get(1).result() is a Failure instead of an exception.
        assertEquals(Defer.FAILURE, result.get(1).success());
        assertEquals("2", result.get(1).failure().value().getMessage());
        assertEquals(new Outcome<String>(Defer.SUCCESS, "3"), result.get(2));
    }

    @Test
    public void testEmptyDeferredList() {
        List<Object> result = new ArrayList<>();

        DeferredList<Void, List<Outcome<Void>>> dl1 = DeferredList.of(List.<Deferred<Void>>of());
        dl1.addCallbacks(
                resultList -> {
                    result.add(resultList);
                    return null;
                },
                null);
        assertEquals(List.of(List.of()), result);

        result.clear();
        DeferredList<Void, Object> dl2 = DeferredList.fireOnOneCallback(List.<Deferred<Void>>of());
        dl2.addCallbacks(
                resultList -> {
                    result.add(resultList);
                    return null;
                },
                null);
        assertEquals(List.of(), result);
    }

    @Test
    public void testDeferredListFireOnOneError() {
        Deferred<String> defr1 = new Deferred<>();
        Deferred<String> defr2 = new Deferred<>();
        Deferred<String> defr3 = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> dl =
                DeferredList.of(List.of(defr1, defr2, defr3), Option.FIRE_ON_ONE_ERRBACK);
        List<Failure> result = new ArrayList<>();
        dl.addErrback(f -> {
            result.add(f);
            return null;
        });

        // consume errors after they pass through the DeferredList (to avoid 'Unhandled error in
        // Deferred').
        defr2.addErrback(err -> null);

        // fire one Deferred's callback, no result yet
        defr1.callback("1");
        assertEquals(List.of(), result);

        // fire one Deferred's errback -- now we have a result
        defr2.errback(new ListsGenericError("from def2"));
        assertEquals(1, result.size());

        // extract the result from the list
        Failure aFailure = result.get(0);

        // the type of the failure is a FirstError
        assertTrue(FirstError.class.isAssignableFrom(aFailure.type()),
                "FirstError.class.isAssignableFrom(aFailure.type()) failed: failure's type is "
                        + aFailure.type());

        FirstError firstError = (FirstError) aFailure.value();

        // check that the GenericError("2") from the deferred at index 1 (defr2) is intact inside
        // failure.value
        assertEquals(ListsGenericError.class, firstError.subFailure().type());
        assertEquals("from def2", firstError.subFailure().value().getMessage());
        assertEquals(1, firstError.index());
    }

    @Test
    public void testDeferredListDontConsumeErrors() {
        Deferred<Void> d1 = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> dl = DeferredList.of(List.of(d1));

        List<Failure> errorTrap = new ArrayList<>();
        d1.addErrback(f -> {
            errorTrap.add(f);
            return null;
        });

        List<List<Outcome<Void>>> resultLists = new ArrayList<>();
        dl.addCallback(r -> {
            resultLists.add(r);
            return null;
        });

        d1.errback(new ListsGenericError("Bang"));
        assertEquals("Bang", errorTrap.get(0).value().getMessage());
        assertEquals(1, resultLists.size());
        Outcome<Void> firstResult = resultLists.get(0).get(0);
        assertNotNull(firstResult);
        assertEquals("Bang", firstResult.failure().value().getMessage());
    }

    @Test
    public void testDeferredListConsumeErrors() {
        Deferred<Void> d1 = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> dl = DeferredList.of(List.of(d1), Option.CONSUME_ERRORS);

        List<Failure> errorTrap = new ArrayList<>();
        d1.addErrback(f -> {
            errorTrap.add(f);
            return null;
        });

        List<List<Outcome<Void>>> resultLists = new ArrayList<>();
        dl.addCallback(r -> {
            resultLists.add(r);
            return null;
        });

        d1.errback(new ListsGenericError("Bang"));
        assertEquals(List.of(), errorTrap);
        assertEquals(1, resultLists.size());
        Outcome<Void> firstResult = resultLists.get(0).get(0);
        assertNotNull(firstResult);
        assertEquals("Bang", firstResult.failure().value().getMessage());
    }

    @Test
    public void testDeferredListFireOnOneErrorWithAlreadyFiredDeferreds() {
        // Create some deferreds, and errback one
        Deferred<Void> d1 = new Deferred<>();
        Deferred<Void> d2 = new Deferred<>();
        d1.errback(new ListsGenericError("Bang"));

        // *Then* build the DeferredList, with FIRE_ON_ONE_ERRBACK
        DeferredList<Void, List<Outcome<Void>>> dl =
                DeferredList.of(List.of(d1, d2), Option.FIRE_ON_ONE_ERRBACK);
        List<Failure> result = new ArrayList<>();
        dl.addErrback(f -> {
            result.add(f);
            return null;
        });
        assertEquals(1, result.size());

        d1.addErrback(e -> null); // Swallow error
    }

    @Test
    public void testDeferredListWithAlreadyFiredDeferreds() {
        // Create some deferreds, and err one, call the other
        Deferred<Integer> d1 = new Deferred<>();
        Deferred<Integer> d2 = new Deferred<>();
        d1.errback(new ListsGenericError("Bang"));
        d2.callback(2);

        // *Then* build the DeferredList
        DeferredList<Integer, List<Outcome<Integer>>> dl = DeferredList.of(List.of(d1, d2));

        List<List<Outcome<Integer>>> result = new ArrayList<>();
        dl.addCallback(r -> {
            result.add(r);
            return null;
        });

        assertEquals(1, result.size());

        d1.addErrback(e -> null); // Swallow error
    }

    /** When cancelling an unfired DeferredList, cancel every Deferred in the list. */
    @Test
    public void test_cancelDeferredList() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> deferredList = DeferredList.of(List.of(deferredOne, deferredTwo));
        deferredList.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
    }

    /**
     * When cancelling an unfired DeferredList without the fireOnOneCallback and fireOnOneErrback
     * flags set, the DeferredList will be callback with a list of (success, result) outcomes.
     */
    @Test
    public void test_cancelDeferredListCallback() {
        Deferred<String> deferredOne = new Deferred<>(DeferredTestsListsPart::listsFakeCallbackCanceller);
        Deferred<String> deferredTwo = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> deferredList =
                DeferredList.of(List.of(deferredOne, deferredTwo));
        deferredList.cancel();
        failureResultOf(deferredTwo, CancelledError.class);
        List<Outcome<String>> result = successResultOf(deferredList);
        assertTrue(result.get(0).success());
        assertEquals("Callback Result", result.get(0).result());
        assertFalse(result.get(1).success());
        assertNotNull(result.get(1).failure().check(CancelledError.class));
    }

    /**
     * When cancelling an unfired DeferredList with the flag fireOnOneCallback set, cancel every
     * Deferred in the list.
     */
    @Test
    public void test_cancelDeferredListWithFireOnOneCallback() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, Object> deferredList =
                DeferredList.fireOnOneCallback(List.of(deferredOne, deferredTwo));
        deferredList.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
    }

    /**
     * When cancelling an unfired DeferredList with the flag fireOnOneCallback set, if one of the
     * Deferreds callbacks in its canceller, the DeferredList will callback with the result and
     * the index of the Deferred in a FirstResult.
     */
    @Test
    public void test_cancelDeferredListWithFireOnOneCallbackAndDeferredCallback() {
        Deferred<String> deferredOne = new Deferred<>(DeferredTestsListsPart::listsFakeCallbackCanceller);
        Deferred<String> deferredTwo = new Deferred<>();
        DeferredList<String, Object> deferredList =
                DeferredList.fireOnOneCallback(List.of(deferredOne, deferredTwo));
        deferredList.cancel();
        failureResultOf(deferredTwo, CancelledError.class);
        Object result = successResultOf(deferredList);
        assertEquals(new FirstResult<>("Callback Result", 0), result);
    }

    /**
     * When cancelling an unfired DeferredList with the flag fireOnOneErrback set, cancel every
     * Deferred in the list.
     */
    @Test
    public void test_cancelDeferredListWithFireOnOneErrback() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> deferredList =
                DeferredList.of(List.of(deferredOne, deferredTwo), Option.FIRE_ON_ONE_ERRBACK);
        deferredList.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
        Failure deferredListFailure = failureResultOf(deferredList, FirstError.class);
        FirstError firstError = (FirstError) deferredListFailure.value();
        assertNotNull(firstError.subFailure().check(CancelledError.class));
    }

    /**
     * When cancelling an unfired DeferredList with the flag fireOnOneErrback set, if all the
     * Deferreds callback in their cancellers, the DeferredList will callback with a list of
     * (success, result) outcomes.
     */
    @Test
    public void test_cancelDeferredListWithFireOnOneErrbackAllDeferredsCallback() {
        Deferred<String> deferredOne = new Deferred<>(DeferredTestsListsPart::listsFakeCallbackCanceller);
        Deferred<String> deferredTwo = new Deferred<>(DeferredTestsListsPart::listsFakeCallbackCanceller);
        DeferredList<String, List<Outcome<String>>> deferredList =
                DeferredList.of(List.of(deferredOne, deferredTwo), Option.FIRE_ON_ONE_ERRBACK);
        deferredList.cancel();
        List<Outcome<String>> result = successResultOf(deferredList);
        assertTrue(result.get(0).success());
        assertEquals("Callback Result", result.get(0).result());
        assertTrue(result.get(1).success());
        assertEquals("Callback Result", result.get(1).result());
    }

    /** Cancelling a DeferredList will cancel the original Deferreds passed in. */
    @Test
    public void test_cancelDeferredListWithOriginalDeferreds() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        List<Deferred<Void>> argumentList = new ArrayList<>(List.of(deferredOne, deferredTwo));
        DeferredList<Void, List<Outcome<Void>>> deferredList = DeferredList.of(argumentList);
        Deferred<Void> deferredThree = new Deferred<>();
        argumentList.add(deferredThree);
        deferredList.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
        assertNoResult(deferredThree);
    }

    /**
     * Cancelling a DeferredList will cancel every Deferred in the list even exceptions raised from
     * the cancel method of the Deferreds.
     */
    @Test
    public void test_cancelDeferredListWithException() {
        // A Deferred canceller that raises an exception.
        Canceller<Void> cancellerRaisesException = deferred -> {
            throw new RuntimeException("test");
        };
        Deferred<Void> deferredOne = new Deferred<>(cancellerRaisesException);
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> deferredList = DeferredList.of(List.of(deferredOne, deferredTwo));
        List<Failure> logged = listsLoggedFailures(() -> {
            deferredList.cancel();
            failureResultOf(deferredTwo, CancelledError.class);
        });
        List<Failure> errors = new ArrayList<>();
        for (Failure f : logged) {
            if (f.check(RuntimeException.class) != null) {
                errors.add(f);
            }
        }
        assertEquals(1, errors.size());
    }

    /**
     * When a DeferredList has fired because one Deferred in the list fired with a non-failure
     * result, the cancellation will do nothing instead of cancelling the rest of the Deferreds.
     */
    @Test
    public void test_cancelFiredOnOneCallbackDeferredList() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, Object> deferredList =
                DeferredList.fireOnOneCallback(List.of(deferredOne, deferredTwo));
        deferredOne.callback(null);
        deferredList.cancel();
        assertNoResult(deferredTwo);
    }

    /**
     * When a DeferredList has fired because one Deferred in the list fired with a failure result,
     * the cancellation will do nothing instead of cancelling the rest of the Deferreds.
     */
    @Test
    public void test_cancelFiredOnOneErrbackDeferredList() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> deferredList =
                DeferredList.of(List.of(deferredOne, deferredTwo), Option.FIRE_ON_ONE_ERRBACK);
        deferredOne.errback(new ListsGenericError("test"));
        deferredList.cancel();
        assertNoResult(deferredTwo);
        failureResultOf(deferredOne, ListsGenericError.class);
        failureResultOf(deferredList, FirstError.class);
    }

    @Test
    public void test_gatherResults() {
        // test successful list of deferreds
        List<List<Integer>> results = new ArrayList<>();
        Defer.gatherResults(List.of(Defer.succeed(1), Defer.succeed(2))).addCallback(r -> {
            results.add(r);
            return null;
        });
        assertEquals(List.of(List.of(1, 2)), results);
        // test failing list of deferreds
        List<Failure> errors = new ArrayList<>();
        List<Deferred<Integer>> dl =
                List.of(Defer.succeed(1), Defer.<Integer>fail(new IllegalArgumentException()));
        Defer.gatherResults(dl).addErrback(f -> {
            errors.add(f);
            return null;
        });
        assertEquals(1, errors.size());
        assertInstanceOf(Failure.class, errors.get(0));
        // get rid of error
        dl.get(1).addErrback(e -> 1);
    }

    /**
     * If a Deferred in the list passed to gatherResults fires with a failure and consumeErrors is
     * true, the failure is converted to a null result on that Deferred.
     */
    @Test
    public void test_gatherResultsWithConsumeErrors() {
        // test successful list of deferreds
        Deferred<Integer> dgood = Defer.succeed(1);
        Deferred<Integer> dbad = Defer.fail(new RuntimeException("oh noes"));
        Deferred<List<Integer>> d = Defer.gatherResults(List.of(dgood, dbad), true);
        List<Failure> unconsumedErrors = new ArrayList<>();
        dbad.addErrback(f -> {
            unconsumedErrors.add(f);
            return null;
        });
        List<Failure> gatheredErrors = new ArrayList<>();
        d.addErrback(f -> {
            gatheredErrors.add(f);
            return null;
        });

        assertEquals(List.of(0, 1), List.of(unconsumedErrors.size(), gatheredErrors.size()));
        assertInstanceOf(FirstError.class, gatheredErrors.get(0).value());
        Failure firstError = ((FirstError) gatheredErrors.get(0).value()).subFailure();
        assertInstanceOf(RuntimeException.class, firstError.value());
    }

    /** When cancelling the gatherResults call, all the Deferreds in the list will be cancelled. */
    @Test
    public void test_cancelGatherResults() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        Deferred<List<Void>> result = Defer.gatherResults(List.of(deferredOne, deferredTwo));
        result.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
        Failure gatherResultsFailure = failureResultOf(result, FirstError.class);
        FirstError firstError = (FirstError) gatherResultsFailure.value();
        assertNotNull(firstError.subFailure().check(CancelledError.class));
    }

    /**
     * When cancelling the gatherResults call, if all the Deferreds callback in their canceller,
     * the Deferred returned by gatherResults will be callbacked with the list of the results.
     */
    @Test
    public void test_cancelGatherResultsWithAllDeferredsCallback() {
        Deferred<String> deferredOne = new Deferred<>(DeferredTestsListsPart::listsFakeCallbackCanceller);
        Deferred<String> deferredTwo = new Deferred<>(DeferredTestsListsPart::listsFakeCallbackCanceller);
        Deferred<List<String>> result = Defer.gatherResults(List.of(deferredOne, deferredTwo));
        result.cancel();
        List<String> callbackResult = successResultOf(result);
        assertEquals("Callback Result", callbackResult.get(0));
        assertEquals("Callback Result", callbackResult.get(1));
    }

    /**
     * The continue callback of a Deferred waiting for another Deferred is not necessarily the
     * first one. This is somewhat a whitebox test checking that we search for that callback among
     * the whole list of callbacks.
     */
    @Test
    public void test_continueCallbackNotFirst() {
        List<ListsStep> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Deferred<String> a = new Deferred<>();

        Callback<String, Deferred<Object>> cb = result -> {
            results.add(new ListsStep("cb", result));
            Deferred<Void> d = new Deferred<>();

            Deferred<Object> returner = d
                    .addCallbackDeferred(firstResult -> {
                        results.add(new ListsStep("firstCallback", firstResult));
                        return Defer.gatherResults(List.of(a));
                    })
                    .addCallback(secondResult -> {
                        results.add(new ListsStep("secondCallback", secondResult));
                        return null;
                    })
                    .addErrback(f -> {
                        failures.add(f);
                        return null;
                    });
            d.callback(null);
            return returner;
        };

        Defer.succeed("outer").addCallbackDeferred(cb).addErrback(f -> {
            failures.add(f);
            return null;
        });
        assertEquals(List.of(new ListsStep("cb", "outer"), new ListsStep("firstCallback", null)), results);
        a.callback("withers");
        assertEquals(List.of(), failures);
        assertEquals(
                List.of(
                        new ListsStep("cb", "outer"),
                        new ListsStep("firstCallback", null),
                        new ListsStep("secondCallback", List.of("withers"))),
                results);
    }

    /**
     * A callback added to a Deferred after a previous callback attached another Deferred as a
     * result is run after the callbacks of the other Deferred are run.
     */
    @Test
    public void test_callbackOrderPreserved() {
        List<ListsStep> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Deferred<String> a = new Deferred<>();

        Callback<String, Deferred<Object>> cb = result -> {
            results.add(new ListsStep("cb", result));
            Deferred<Void> d = new Deferred<>();

            Deferred<Object> returner = d
                    .addCallbackDeferred(firstResult -> {
                        results.add(new ListsStep("firstCallback", firstResult));
                        return Defer.gatherResults(List.of(a));
                    })
                    .addCallback(secondResult -> {
                        results.add(new ListsStep("secondCallback", secondResult));
                        return null;
                    })
                    .addErrback(f -> {
                        failures.add(f);
                        return null;
                    });
            d.callback(null);
            return returner;
        };

        Deferred<String> outer = new Deferred<>();
        outer.addCallbackDeferred(cb)
                .addCallback(x -> {
                    results.add(new ListsStep("final", null));
                    return null;
                })
                .addErrback(f -> {
                    failures.add(f);
                    return null;
                });
        outer.callback("outer");
        assertEquals(List.of(new ListsStep("cb", "outer"), new ListsStep("firstCallback", null)), results);
        a.callback("withers");
        assertEquals(List.of(), failures);
        assertEquals(
                List.of(
                        new ListsStep("cb", "outer"),
                        new ListsStep("firstCallback", null),
                        new ListsStep("secondCallback", List.of("withers")),
                        new ListsStep("final", null)),
                results);
    }
}
