package dev.twj.trial.scripts;

import dev.twj.trial.reporter.ExitWrapper;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.reporter.TreeReporter;
import dev.twj.trial.reporter.UncleanWarningsReporterWrapper;
import dev.twj.trial.runner.TestLoader;
import dev.twj.trial.runner.TrialRunner;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests for the runner {@code trial} makes from its options. Port of
 * {@code twisted.trial.test.test_runner.RunnerTests}. The sample tests are
 * {@code dev.twj.trial.test.ordertests} (6 tests). twj has no reporter plugins, so
 * {@code test_runner_normal} sets the runner's reporter factory itself. A JVM cannot change its
 * working directory, so the concurrent-directory tests read where {@code mktemp} would put files
 * (the {@code twj.trial.tempDirectory} property), with a {@code _trial_temp} under
 * {@code mktemp()} standing for the default one.
 *
 * <p>Not ported: {@code test_runnerDebug}, {@code test_runnerDebuggerDefaultsToPdb},
 * {@code test_runnerDebuggerWithExplicitlyPassedPdb}, {@code test_runnerDebugger} (no
 * {@code --debug}).
 */
final class RunnerTests extends SynchronousTestCase {
    private Trial.Options config;
    private List<String> standardReport;

    void setUp() {
        config = new Trial.Options();
        standardReport = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            standardReport.addAll(List.of("startTest", "addSuccess", "stopTest"));
        }
    }

    private TrialRunner getRunner() {
        return Trial.makeRunner(config,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** The runner makes the reporter the options name. */
    public void test_runner_can_get_reporter() {
        config.parseOptions();
        TrialRunner runner = getRunner();
        assertEqual(Trial.makeReporter(config.reporter, System.out, false).getClass(),
                runner.makeResult().getClass());
    }

    /** The default reporter is the tree. */
    public void test_runner_get_result() {
        config.parseOptions();
        TrialRunner runner = getRunner();
        assertEqual(runner.makeResult().getClass(), TreeReporter.class);
    }

    /**
     * By default Trial sets the 'uncleanWarnings' option on the runner to false. This means that
     * dirty reactor errors will be reported as errors.
     */
    public void test_uncleanWarningsOffByDefault() {
        config.parseOptions();
        TrialRunner runner = getRunner();
        assertNotIsInstance(runner.makeResult(), UncleanWarningsReporterWrapper.class);
    }

    /**
     * Specifying '--unclean-warnings' on the trial command line will cause reporters to be
     * wrapped in a device which converts unclean errors to warnings.
     */
    public void test_getsUncleanWarnings() {
        config.parseOptions("--unclean-warnings");
        TrialRunner runner = getRunner();
        assertIsInstance(runner.makeResult(), UncleanWarningsReporterWrapper.class);
    }

    /** --temp-directory sets the runner's working directory. */
    public void test_runner_working_directory() {
        config.parseOptions("--temp-directory", "some_path");
        TrialRunner runner = getRunner();
        assertEqual(runner.workingDirectory, "some_path");
    }

    /** Shared with the concurrent cases: the second runner and what the tests saw. */
    static TrialRunner secondRunner;
    static final Map<String, String> where = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Starts a second run from inside a test of the first. */
    static final class ConcurrentCase extends SynchronousTestCase {
        public void test_first() {
            where.put("concurrent", System.getProperty("twj.trial.tempDirectory"));
            TestResult result = secondRunner.run(List.of(
                    SynchronousTestCase.forMethod(ConcurrentCase.class, "test_second")));
            assertEqual(result.errors, List.of());
        }

        public void test_second() {
            where.put("record", System.getProperty("twj.trial.tempDirectory"));
        }
    }

    /**
     * If no working directory is explicitly specified and the default working directory is in
     * use by another runner, TrialRunner.run selects a different default working directory to
     * use.
     */
    public void test_concurrentImplicitWorkingDirectory() {
        Path runDirectory = Path.of(mktemp()).toAbsolutePath();
        config.parseOptions("--temp-directory", runDirectory.resolve("_trial_temp").toString());
        TrialRunner firstRunner = getRunner();
        secondRunner = getRunner();
        where.clear();
        TestResult result = firstRunner.run(List.of(
                SynchronousTestCase.forMethod(ConcurrentCase.class, "test_first")));
        List<TestResult.Outcome> bad = new ArrayList<>(result.errors);
        bad.addAll(result.failures);
        if (!bad.isEmpty()) {
            fail(bad.get(0).failure().getTraceback());
        }
        assertEqual(where, Map.of(
                "concurrent", runDirectory.resolve("_trial_temp").toString(),
                "record", runDirectory.resolve("_trial_temp-1").toString()));
    }

    /** Tries to start another run in the same, explicit, working directory. */
    static final class ExplicitConcurrentCase extends SynchronousTestCase {
        public void test_concurrent() {
            assertRaises(TrialRunner.WorkingDirectoryBusy.class, () -> secondRunner.run(
                    List.of(SynchronousTestCase.forMethod(ExplicitConcurrentCase.class,
                            "test_failure"))));
        }

        public void test_failure() {
            fail("test_failure should never be called.");
        }
    }

    /**
     * If a working directory which is already in use is explicitly specified, TrialRunner.run
     * raises WorkingDirectoryBusy.
     */
    public void test_concurrentExplicitWorkingDirectory() {
        config.parseOptions("--temp-directory", Path.of(mktemp()).toAbsolutePath().toString());
        TrialRunner firstRunner = getRunner();
        secondRunner = getRunner();
        TestResult result = firstRunner.run(List.of(
                SynchronousTestCase.forMethod(ExplicitConcurrentCase.class, "test_concurrent")));
        List<TestResult.Outcome> bad = new ArrayList<>(result.errors);
        bad.addAll(result.failures);
        if (!bad.isEmpty()) {
            fail(bad.get(0).failure().getTraceback());
        }
        assertEqual(result.successes.size(), 1);
    }

    /** The runner runs each test of the sample package once: start, success, stop. */
    public void test_runner_normal() {
        config.parseOptions("--temp-directory", mktemp(), OrderTests.ORDERTESTS);
        TrialRunner myRunner = getRunner();
        myRunner.reporterFactory = CapturingReporter::new;
        List<SynchronousTestCase> suite = new TestLoader().loadByName(OrderTests.ORDERTESTS, true);
        CapturingReporter result = (CapturingReporter) myRunner.run(suite);
        assertEqual(standardReport, result.calls);
    }

    /**
     * If trial was passed the --exitfirst option, the constructed test result object is wrapped
     * with ExitWrapper.
     */
    public void test_exitfirst() {
        config.parseOptions("--exitfirst");
        TrialRunner runner = getRunner();
        assertIsInstance(runner.makeResult(), ExitWrapper.class);
    }
}
