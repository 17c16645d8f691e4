package dev.twj.trial.test;

import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TestResult;
import java.io.PrintStream;

/**
 * Tests for the base {@link Reporter} class. Port of
 * {@code twisted.trial.test.test_reporter.ReporterTests}; its clock is the test's counter, as
 * Twisted's test replaces {@code _getTime}.
 *
 * <p>Not ported: {@code test_brokenStream} (a {@code PrintStream} never raises an interrupted
 * write, so there is no {@code SafeStream}), {@code test_warning},
 * {@code test_duplicateWarningSuppressed}, {@code test_warningEmittedForNewTest} and
 * {@code test_stopObserving} (Java has no warnings module for the reporter to observe).
 */
class ReporterTests extends ReporterInterfaceTests {
    int timer;

    /** Returns the next time of the test's clock. */
    double getTime() {
        timer += 1;
        return timer;
    }

    @Override
    TestResult resultFactory(PrintStream out) {
        return new Reporter(out) {
            @Override
            protected double getTime() {
                return ReporterTests.this.getTime();
            }
        };
    }

    /** startTest and stopTest count the test and time it. */
    public void test_startStop() {
        result.startTest(test);
        result.stopTest(test);
        assertTrue(result.lastTime() > 0);
        assertEqual(result.testsRun(), 1);
        assertEqual(result.wasSuccessful(), true);
    }
}
