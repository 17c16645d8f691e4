package dev.twj.trial.test;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;

/**
 * Tests for the individual test method expected-failure features. Port of
 * {@code twisted.trial.test.test_tests.TodoMixin}.
 */
abstract class TodoMixin extends ResultsTestMixin {
    abstract Class<? extends SynchronousTestCase> todo();

    abstract Class<? extends SynchronousTestCase> setUpTodo();

    abstract Class<? extends SynchronousTestCase> tearDownTodo();

    /** Setup our test case. */
    void setUp() {
        loadSuite(todo());
    }

    /** Ensure that we've got three test cases. */
    public void test_counting() {
        assertCount(3);
    }

    /**
     * Running a suite in which all methods are individually marked as expected to fail produces a
     * successful result with no recorded errors, failures, or skips, all methods which fail and
     * were expected to fail recorded as expectedFailures, and all methods which pass but which
     * were expected to fail recorded as unexpectedSuccesses. Additionally, no tests are recorded
     * as successes.
     */
    public void test_results() {
        runSuite();
        assertTrue(reporter.wasSuccessful());
        assertEqual(reporter.errors, List.of());
        assertEqual(reporter.failures, List.of());
        assertEqual(reporter.skips, List.of());
        assertEqual(reporter.expectedFailures.size(), 2);
        assertEqual(reporter.unexpectedSuccesses.size(), 1);
        assertEqual(reporter.successes.size(), 0);
    }

    /** Ensure that expected failures are handled properly. */
    public void test_expectedFailures() {
        runSuite();
        List<String> expectedReasons = List.of("todo1", "todo2");
        List<String> reasonsGiven =
                reporter.expectedFailures.stream().map(e -> e.todo().value()).toList();
        assertEqual(expectedReasons, reasonsGiven);
    }

    /** Ensure that unexpected successes are caught. */
    public void test_unexpectedSuccesses() {
        runSuite();
        List<String> expectedReasons = List.of("todo3");
        List<String> reasonsGiven =
                reporter.unexpectedSuccesses.stream().map(u -> u.todo().value()).toList();
        assertEqual(expectedReasons, reasonsGiven);
    }

    /** setUp is excluded from the failure expectation defined by a todo on a test method. */
    public void test_expectedSetUpFailure() {
        loadSuite(setUpTodo());
        runSuite();
        assertFalse(reporter.wasSuccessful());
        assertEqual(reporter.errors.size(), 1);
        assertEqual(reporter.failures, List.of());
        assertEqual(reporter.skips, List.of());
        assertEqual(reporter.expectedFailures.size(), 0);
        assertEqual(reporter.unexpectedSuccesses.size(), 0);
        assertEqual(reporter.successes.size(), 0);
    }

    /** tearDown is excluded from the failure expectation defined by a todo on a test method. */
    public void test_expectedTearDownFailure() {
        loadSuite(tearDownTodo());
        runSuite();
        assertFalse(reporter.wasSuccessful());
        assertEqual(reporter.errors.size(), 1);
        assertEqual(reporter.failures, List.of());
        assertEqual(reporter.skips, List.of());
        assertEqual(reporter.expectedFailures.size(), 0);
        // This seems strange, since tearDown raised an exception. However, the test method did
        // complete without error. The tearDown error is reflected in the errors list, above.
        assertEqual(reporter.unexpectedSuccesses.size(), 1);
        assertEqual(reporter.successes.size(), 0);
    }
}

/** TodoMixin in the synchronous case. */
final class SynchronousTodoTests extends TodoMixin {
    @Override
    Class<? extends SynchronousTestCase> todo() {
        return Skipping.SynchronousTodo.class;
    }

    @Override
    Class<? extends SynchronousTestCase> setUpTodo() {
        return Skipping.SynchronousSetUpTodo.class;
    }

    @Override
    Class<? extends SynchronousTestCase> tearDownTodo() {
        return Skipping.SynchronousTearDownTodo.class;
    }
}

/** TodoMixin in the asynchronous case. */
final class AsynchronousTodoTests extends TodoMixin {
    @Override
    Class<? extends SynchronousTestCase> todo() {
        return Skipping.AsynchronousTodo.class;
    }

    @Override
    Class<? extends SynchronousTestCase> setUpTodo() {
        return Skipping.AsynchronousSetUpTodo.class;
    }

    @Override
    Class<? extends SynchronousTestCase> tearDownTodo() {
        return Skipping.AsynchronousTearDownTodo.class;
    }
}
