package dev.twj.trial.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.twj.internet.defer.TimeoutError;
import dev.twj.trial.unittest.FailTest;
import dev.twj.trial.util.DirtyReactorAggregateError;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.MultipleFailuresError;

/**
 * Java-only tests of {@link TrialTestEngine}: it runs the sample trial test cases of
 * {@link EngineFixtures} through the JUnit Platform test kit and checks the events.
 */
class TrialTestEngineBehaviourTests {
    @BeforeEach
    void clearLog() {
        EngineFixtures.log.clear();
    }

    private static EngineExecutionResults run(org.junit.platform.engine.DiscoverySelector... s) {
        return EngineTestKit.engine(TrialTestEngine.ENGINE_ID).selectors(s).execute();
    }

    /** Maps each finished or skipped test's name to its status (or SKIPPED). */
    private static Map<String, String> outcomes(Events tests) {
        Map<String, String> outcomes = new TreeMap<>();
        for (Event e : tests.list()) {
            String name = e.getTestDescriptor().getDisplayName();
            if (e.getType() == EventType.SKIPPED) {
                outcomes.put(name, "SKIPPED");
            } else if (e.getType() == EventType.FINISHED) {
                outcomes.put(name, e.getRequiredPayload(TestExecutionResult.class)
                        .getStatus().toString());
            }
        }
        return outcomes;
    }

    /** A class selector finds every public no-argument test* method and reports each outcome. */
    @Test
    void classSelectorRunsEveryTestMethodWithItsOutcome() {
        Events tests = run(selectClass(EngineFixtures.Sample.class)).testEvents();
        assertEquals(Map.of(
                "test_error", "FAILED",
                "test_fail", "FAILED",
                "test_loggedError", "FAILED",
                "test_loggedErrorFlushed", "SUCCESSFUL",
                "test_pass", "SUCCESSFUL",
                "test_skip", "SKIPPED",
                "test_skipTest", "ABORTED",
                "test_todoFails", "SUCCESSFUL",
                "test_todoPasses", "FAILED"), outcomes(tests));
        tests.assertStatistics(stats -> stats.skipped(1).started(8).succeeded(3).aborted(1)
                .failed(4).reportingEntryPublished(1));
    }

    /** A failed assertion is reported with trial's FailTest and its message. */
    @Test
    void failureCarriesFailTest() {
        Events tests = run(selectMethod(EngineFixtures.Sample.class, "test_fail")).testEvents();
        Throwable thrown = tests.failed().list().get(0)
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertInstanceOf(FailTest.class, thrown);
        assertEquals("1 != 2", thrown.getMessage());
    }

    /** The skip reason of @Skip and of SkipTest reach the platform. */
    @Test
    void skipReasonsAreReported() {
        Events tests = run(selectClass(EngineFixtures.Sample.class)).testEvents();
        assertEquals("not today", tests.skipped().list().get(0)
                .getRequiredPayload(String.class));
        assertEquals("decided at run time", tests.aborted().list().get(0)
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()
                .getMessage());
    }

    /** A passing @Todo test fails with UnexpectedSuccess; a failing one publishes a todo entry. */
    @Test
    void todoOutcomes() {
        Events tests = run(selectMethod(EngineFixtures.Sample.class, "test_todoPasses"),
                selectMethod(EngineFixtures.Sample.class, "test_todoFails")).testEvents();
        Throwable thrown = tests.failed().list().get(0)
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertInstanceOf(UnexpectedSuccess.class, thrown);
        assertTrue(thrown.getMessage().contains("@Todo(\"later\")"), thrown.getMessage());
        tests.assertStatistics(stats -> stats.reportingEntryPublished(1).succeeded(1));
    }

    /** An error logged and not flushed fails the test that logged it. */
    @Test
    void loggedErrorFailsTheTest() {
        Events tests = run(selectMethod(EngineFixtures.Sample.class, "test_loggedError"))
                .testEvents();
        Throwable thrown = tests.failed().list().get(0)
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertInstanceOf(IllegalArgumentException.class, thrown);
        assertEquals("logged", thrown.getMessage());
    }

    /** A method selector runs only that method (IDEs; Surefire's -Dtest=Class#method). */
    @Test
    void methodSelectorRunsOneMethod() {
        Events tests = run(selectMethod(EngineFixtures.Sample.class, "test_pass")).testEvents();
        tests.assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    /** Each test's source is a MethodSource naming the test class and method, for filters. */
    @Test
    void testsHaveMethodSources() {
        EngineDiscoveryResults discovered = EngineTestKit.engine(TrialTestEngine.ENGINE_ID)
                .selectors(selectClass(EngineFixtures.Concrete.class)).discover();
        TestDescriptor root = discovered.getEngineDescriptor();
        TestDescriptor classDescriptor = root.getChildren().iterator().next();
        List<String> sources = classDescriptor.getChildren().stream()
                .map(d -> (MethodSource) d.getSource().orElseThrow())
                .map(s -> s.getClassName() + "#" + s.getMethodName())
                .toList();
        String name = EngineFixtures.Concrete.class.getName();
        assertEquals(List.of(name + "#test_inherited", name + "#test_own"), sources);
    }

    /** A unique id selector (an IDE re-running one test) resolves to that test. */
    @Test
    void uniqueIdSelectorRunsOneMethod() {
        String id = "[engine:twj-trial]/[class:" + EngineFixtures.Sample.class.getName()
                + "]/[method:test_pass]";
        Events tests = run(selectUniqueId(id)).testEvents();
        tests.assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    /** @Skip on a class skips every test with its reason, and setUp does not run. */
    @Test
    void skippedClass() {
        Events tests = run(selectClass(EngineFixtures.SkippedClass.class)).testEvents();
        tests.assertStatistics(stats -> stats.skipped(2).started(0));
    }

    /**
     * Tests run in name order on fresh instances: setUp, test, cleanups (last added first),
     * tearDown.
     */
    @Test
    void fixturesAndCleanupsRunInTrialsOrder() {
        run(selectClass(EngineFixtures.Ordering.class)).testEvents()
                .assertStatistics(stats -> stats.succeeded(2));
        assertEquals(List.of(
                "setUp", "test_a", "cleanup1", "tearDown",
                "setUp", "test_b", "cleanup2", "cleanup1", "tearDown"), EngineFixtures.log);
    }

    /** Several errors in one test are reported together. */
    @Test
    void manyErrorsInOneResult() {
        Throwable thrown = run(selectClass(EngineFixtures.ManyErrors.class)).testEvents()
                .failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow();
        MultipleFailuresError all = assertInstanceOf(MultipleFailuresError.class, thrown);
        assertEquals(List.of("test", "cleanup", "tearDown"),
                all.getFailures().stream().map(Throwable::getMessage).toList());
    }

    /**
     * TestCase takes the result of a Deferred that has fired, and fails a test whose Deferred has
     * not fired with a message naming the missing reactor.
     */
    @Test
    void asyncTestCaseWithFiredAndUnfiredDeferreds() {
        Events tests = run(selectClass(EngineFixtures.Async.class)).testEvents();
        assertEquals(Map.of(
                "test_assertFailure", "SUCCESSFUL",
                "test_firedFailure", "FAILED",
                "test_firedSuccess", "SUCCESSFUL",
                "test_neverFired", "FAILED"), outcomes(tests));
        Throwable neverFired = tests.failed().list().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().equals("test_neverFired"))
                .findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertInstanceOf(TimeoutError.class, neverFired);
        assertTrue(neverFired.getMessage().endsWith("(test_neverFired) still running at 0.05 secs"),
                neverFired.getMessage());
    }

    /** A Deferred that the reactor fires later passes; so does a setUp that returns one. */
    @Test
    void deferredFiredLaterByTheReactorPasses() {
        Events tests = run(selectMethod(EngineFixtures.Reactive.class, "test_firesLater"),
                selectMethod(EngineFixtures.Reactive.class, "test_setUpFiresLater")).testEvents();
        assertEquals(Map.of("test_firesLater", "SUCCESSFUL", "test_setUpFiresLater", "SUCCESSFUL"),
                outcomes(tests));
    }

    /** A test whose Deferred does not fire in time fails with TimeoutError, errbacked into it. */
    @Test
    void timeoutErrbacksTheDeferredAndFailsTheTest() {
        Events tests = run(selectMethod(EngineFixtures.Reactive.class, "test_timesOut"))
                .testEvents();
        Throwable t = tests.failed().list().get(0)
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertInstanceOf(TimeoutError.class, t);
        assertEquals("test_timesOut (" + EngineFixtures.Reactive.class.getName()
                + ".test_timesOut) (test_timesOut) still running at 0.05 secs", t.getMessage());
        assertEquals(List.of("setUp fired", "errback TimeoutError"), EngineFixtures.log);
    }

    /**
     * A pending delayed call and an open listening port each fail their test with
     * DirtyReactorAggregateError, and the janitor leaves the reactor clean for the next test.
     */
    @Test
    void dirtyReactorFailsTheTestAndTheNextIsClean() {
        Events tests = run(selectClass(EngineFixtures.Dirty.class)).testEvents();
        assertEquals(Map.of(
                "test_a_pendingCall", "FAILED",
                "test_b_clean", "SUCCESSFUL",
                "test_c_openPort", "FAILED",
                "test_d_clean", "SUCCESSFUL"), outcomes(tests));
        for (Event e : tests.failed().list()) {
            Throwable t = e.getRequiredPayload(TestExecutionResult.class).getThrowable()
                    .orElseThrow();
            assertInstanceOf(DirtyReactorAggregateError.class, t);
            String name = e.getTestDescriptor().getDisplayName();
            if (name.equals("test_a_pendingCall")) {
                assertTrue(t.getMessage().startsWith("Reactor was unclean.\nDelayedCalls:"),
                        t.getMessage());
            } else {
                assertTrue(t.getMessage().startsWith("Reactor was unclean.\nSelectables:\n"),
                        t.getMessage());
            }
        }
    }

    /** Abstract classes and classes without test methods are not discovered; inherited tests are. */
    @Test
    void discoveryIgnoresAbstractAndEmptyClasses() {
        Events tests = run(selectClass(EngineFixtures.Base.class),
                selectClass(EngineFixtures.NoTests.class),
                selectClass(TrialTestEngineBehaviourTests.class),
                selectClass(EngineFixtures.Concrete.class)).testEvents();
        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    /**
     * A package selector finds top-level test cases only: the nested fixtures of this package are
     * not run, as trial's loader skips Twisted's {@code Mask} classes.
     */
    @Test
    void packageSelectorFindsTopLevelClassesOnly() {
        Events tests = run(selectPackage("dev.twj.trial.engine")).testEvents();
        tests.assertStatistics(stats -> stats.started(0).skipped(0));
        Events trialTests = run(selectPackage("dev.twj.trial.test")).testEvents();
        assertTrue(trialTests.started().count() > 50, "found " + trialTests.started().count());
        var failures = trialTests.failed().stream()
                .map(e -> e.getTestDescriptor().getUniqueId() + ": "
                        + e.getPayload(TestExecutionResult.class)
                                .flatMap(TestExecutionResult::getThrowable)
                                .map(Throwable::toString).orElse("?"))
                .toList();
        assertEquals(List.of(), failures);
        trialTests.assertStatistics(stats -> stats.failed(0).skipped(0).aborted(0));
    }
}
