package dev.twj.trial.test;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;

/**
 * Tests for the class-wide expected-failure features. Port of
 * {@code twisted.trial.test.test_tests.ClassTodoMixin}.
 */
abstract class ClassTodoMixin extends ResultsTestMixin {
    abstract Class<? extends SynchronousTestCase> todoClass();

    /** Setup our test case. */
    void setUp() {
        loadSuite(todoClass());
    }

    /** Ensure that we've got four test cases. */
    public void test_counting() {
        assertCount(4);
    }

    /**
     * Running a suite in which an entire class is marked as expected to fail produces a
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
        assertEqual(reporter.unexpectedSuccesses.size(), 2);
        assertEqual(reporter.successes.size(), 0);
    }

    /** Ensure that expected failures are handled properly. */
    public void test_expectedFailures() {
        runSuite();
        List<String> expectedReasons = List.of("method", "class");
        List<String> reasonsGiven =
                reporter.expectedFailures.stream().map(e -> e.todo().value()).toList();
        assertEqual(expectedReasons, reasonsGiven);
    }

    /** Ensure that unexpected successes are caught. */
    public void test_unexpectedSuccesses() {
        runSuite();
        List<String> expectedReasons = List.of("method", "class");
        List<String> reasonsGiven =
                reporter.unexpectedSuccesses.stream().map(u -> u.todo().value()).toList();
        assertEqual(expectedReasons, reasonsGiven);
    }
}

/** ClassTodoMixin in the synchronous case. */
final class SynchronousClassTodoTests extends ClassTodoMixin {
    @Override
    Class<? extends SynchronousTestCase> todoClass() {
        return Skipping.SynchronousTodoClass.class;
    }
}

/** ClassTodoMixin in the asynchronous case. */
final class AsynchronousClassTodoTests extends ClassTodoMixin {
    @Override
    Class<? extends SynchronousTestCase> todoClass() {
        return Skipping.AsynchronousTodoClass.class;
    }
}
