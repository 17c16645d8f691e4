package dev.twj.trial.test;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.Arrays;
import java.util.List;

/**
 * Tests for the expected-failure features in which the exact failure expected is indicated. Port
 * of {@code twisted.trial.test.test_tests.StrictTodoMixin}.
 */
abstract class StrictTodoMixin extends ResultsTestMixin {
    abstract Class<? extends SynchronousTestCase> strictTodo();

    /** Setup our test case. */
    void setUp() {
        loadSuite(strictTodo());
    }

    /** Assert there are seven test cases. */
    public void test_counting() {
        assertCount(7);
    }

    /**
     * A test method which is marked as expected to fail with a particular exception is only
     * counted as an expected failure if it does fail with that exception, not if it fails with
     * some other exception.
     */
    public void test_results() {
        runSuite();
        assertFalse(reporter.wasSuccessful());
        assertEqual(reporter.errors.size(), 2);
        assertEqual(reporter.failures.size(), 1);
        assertEqual(reporter.expectedFailures.size(), 3);
        assertEqual(reporter.unexpectedSuccesses.size(), 1);
        assertEqual(reporter.successes.size(), 0);
        assertEqual(reporter.skips, List.of());
    }

    /** Ensure that expected failures are handled properly. */
    public void test_expectedFailures() {
        runSuite();
        List<String> expectedReasons = List.of("todo1", "todo2", "todo5");
        List<String> reasonsGotten =
                reporter.expectedFailures.stream().map(e -> e.todo().value()).toList();
        assertEqual(expectedReasons, reasonsGotten);
    }

    /** Ensure that unexpected successes are caught. */
    public void test_unexpectedSuccesses() {
        runSuite();
        List<List<Object>> expectedReasons =
                List.of(List.of(List.of(RuntimeException.class), "todo7"));
        List<List<Object>> reasonsGotten = reporter.unexpectedSuccesses.stream()
                .map(u -> List.<Object>of(Arrays.asList(u.todo().errors()), u.todo().value()))
                .toList();
        assertEqual(expectedReasons, reasonsGotten);
    }
}

/** StrictTodoMixin in the synchronous case. */
final class SynchronousStrictTodoTests extends StrictTodoMixin {
    @Override
    Class<? extends SynchronousTestCase> strictTodo() {
        return Skipping.SynchronousStrictTodo.class;
    }
}

/** StrictTodoMixin in the asynchronous case. */
final class AsynchronousStrictTodoTests extends StrictTodoMixin {
    @Override
    Class<? extends SynchronousTestCase> strictTodo() {
        return Skipping.AsynchronousStrictTodo.class;
    }
}
