package dev.twj.trial.test;

import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.test.Erroneous.FoolishError;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;

/**
 * Tests for fixture helper methods (setUp, tearDown). Port of
 * {@code twisted.trial.test.test_tests.FixtureMixin}; Twisted's {@code reporter.Reporter} is a
 * {@link TestResult} here.
 */
abstract class FixtureMixin extends SynchronousTestCase {
    TestResult reporter;

    abstract Class<? extends SynchronousTestCase> testFailureInSetUp();

    abstract Class<? extends SynchronousTestCase> testFailureInTearDown();

    abstract Class<? extends SynchronousTestCase> testFailureButTearDownRuns();

    /** Setup our test case. */
    void setUp() {
        reporter = new TestResult();
    }

    private void run(List<SynchronousTestCase> suite) {
        for (SynchronousTestCase test : suite) {
            test.run(reporter);
        }
    }

    /** When setUp fails, the error is recorded in the result object. */
    public void test_brokenSetUp() {
        run(ResultsTestMixin.loadTestsFromTestCase(testFailureInSetUp()));
        assertTrue(reporter.errors.size() > 0);
        assertIsInstance(reporter.errors.get(0).failure().value(), FoolishError.class);
        assertEqual(0, reporter.successes.size());
    }

    /** When tearDown fails, the error is recorded in the result object. */
    public void test_brokenTearDown() {
        run(ResultsTestMixin.loadTestsFromTestCase(testFailureInTearDown()));
        var errors = reporter.errors;
        assertTrue(errors.size() > 0);
        assertIsInstance(errors.get(0).failure().value(), FoolishError.class);
        assertEqual(0, reporter.successes.size());
    }

    /** tearDown runs when a test method fails. */
    public void test_tearDownRunsOnTestFailure() throws ReflectiveOperationException {
        List<SynchronousTestCase> suite =
                ResultsTestMixin.loadTestsFromTestCase(testFailureButTearDownRuns());
        SynchronousTestCase testCase = suite.get(0);
        var tornDown = testCase.getClass().getDeclaredField("tornDown");
        tornDown.setAccessible(true);
        assertFalse(tornDown.getBoolean(testCase));

        run(suite);
        var errors = reporter.errors;
        assertTrue(errors.size() > 0);
        assertIsInstance(errors.get(0).failure().value(), FoolishError.class);
        assertEqual(0, reporter.successes.size());

        assertTrue(tornDown.getBoolean(testCase));
    }
}

/** Tests for broken fixture helper methods in the synchronous case. */
final class SynchronousFixtureTests extends FixtureMixin {
    @Override
    Class<? extends SynchronousTestCase> testFailureInSetUp() {
        return Erroneous.SynchronousTestFailureInSetUp.class;
    }

    @Override
    Class<? extends SynchronousTestCase> testFailureInTearDown() {
        return Erroneous.SynchronousTestFailureInTearDown.class;
    }

    @Override
    Class<? extends SynchronousTestCase> testFailureButTearDownRuns() {
        return Erroneous.SynchronousTestFailureButTearDownRuns.class;
    }
}

/** Tests for broken fixture helper methods in the asynchronous case. */
final class AsynchronousFixtureTests extends FixtureMixin {
    @Override
    Class<? extends SynchronousTestCase> testFailureInSetUp() {
        return Erroneous.AsynchronousTestFailureInSetUp.class;
    }

    @Override
    Class<? extends SynchronousTestCase> testFailureInTearDown() {
        return Erroneous.AsynchronousTestFailureInTearDown.class;
    }

    @Override
    Class<? extends SynchronousTestCase> testFailureButTearDownRuns() {
        return Erroneous.AsynchronousTestFailureButTearDownRuns.class;
    }
}
