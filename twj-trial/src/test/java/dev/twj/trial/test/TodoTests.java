package dev.twj.trial.test;

import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Tests for Reporter's handling of todos. Port of
 * {@code twisted.trial.test.test_reporter.TodoTests}; a missing todo is {@code null} here.
 *
 * <p>Not ported: {@code test_booleanTodo} (a todo is a {@link Todo} in Java, never a boolean),
 * {@code test_standardLibraryCompatibilityFailure} and
 * {@code test_standardLibraryCompatibilitySuccess} (no standard library test cases). The
 * summary is read from {@link #reporter}; the test reports to {@link #result} (the same reporter
 * here, a wrapper of it in {@link UncleanWarningTodoTests}).
 */
class TodoTests extends SynchronousTestCase {
    ByteArrayOutputStream stream;
    Reporter reporter;
    IReporter result;
    SynchronousTestCase test;

    void setUp() {
        stream = new ByteArrayOutputStream();
        reporter = new Reporter(new PrintStream(stream, true, StandardCharsets.UTF_8));
        result = reporter;
        test = SynchronousTestCase.forMethod(Sample.FooTest.class, "test_foo");
    }

    /** Get the expected failures that happened to a reporter. */
    List<TestResult.ExpectedFailure> getTodos(IReporter result) {
        return ((Reporter) result).expectedFailures;
    }

    /** Get the unexpected successes that happened to a reporter. */
    List<TestResult.UnexpectedSuccess> getUnexpectedSuccesses(IReporter result) {
        return ((Reporter) result).unexpectedSuccesses;
    }

    private String[] lines() {
        return stream.toString(StandardCharsets.UTF_8).split("\n", -1);
    }

    private static String repr(Todo todo) {
        return todo.value() + " " + Arrays.toString(todo.errors());
    }

    /** Reporter accumulates the expected failures that it is notified of. */
    public void test_accumulation() {
        result.addExpectedFailure(test, new Failure(new Exception()), TestResult.makeTodo("todo!"));
        assertEqual(getTodos(result).size(), 1);
    }

    /**
     * If no Todo is provided to addExpectedFailure, then Reporter makes up a sensible default.
     */
    public void test_noTodoProvided() {
        Failure failure = new Failure(new Exception());
        result.addExpectedFailure(test, failure, null);
        List<TestResult.ExpectedFailure> todos = getTodos(result);
        assertEqual(todos.size(), 1);
        assertEqual(todos.get(0).test(), test);
        assertEqual(todos.get(0).failure(), failure);
        assertEqual(repr(todos.get(0).todo()), repr(TestResult.makeTodo("Test expected to fail")));
    }

    /** A test run is still successful even if there are expected failures. */
    public void test_success() {
        result.addExpectedFailure(test, new Failure(new Exception()), TestResult.makeTodo("todo!"));
        assertEqual(true, reporter.wasSuccessful());
    }

    /**
     * A test which is marked as todo but succeeds will have an unexpected success reported to
     * its result. A test run is still successful even when this happens.
     */
    public void test_unexpectedSuccess() {
        result.addUnexpectedSuccess(test, TestResult.makeTodo("Heya!"));
        assertEqual(true, reporter.wasSuccessful());
        assertEqual(getUnexpectedSuccesses(result).size(), 1);
    }

    /**
     * A test which is marked as todo but succeeds will have an unexpected success reported to
     * its result. If no Todo is provided, then we make up a sensible default.
     */
    public void test_unexpectedSuccessNoTodo() {
        result.addUnexpectedSuccess(test, null);
        assertEqual(getUnexpectedSuccesses(result).size(), 1);
        TestResult.UnexpectedSuccess u = getUnexpectedSuccesses(result).get(0);
        assertEqual(u.test(), test);
        assertEqual(repr(u.todo()), repr(TestResult.makeTodo("Test expected to fail")));
    }

    /** The reporter's printSummary method should print the number of expected failures. */
    public void test_summary() {
        result.addExpectedFailure(test, new Failure(new Exception()),
                TestResult.makeTodo("some reason"));
        reporter.done();
        String[] lines = lines();
        String output = lines[lines.length - 2];
        String prefix = "PASSED ";
        assertTrue(output.startsWith(prefix), output);
        assertEqual(output.substring(prefix.length()).strip(), "(expectedFailures=1)");
    }

    /** The reporter's printErrors method should include the value of the Todo. */
    public void test_basicErrors() {
        result.addExpectedFailure(test, new Failure(new Exception()),
                TestResult.makeTodo("some reason"));
        reporter.done();
        assertEqual(lines()[3].strip(), "Reason: 'some reason'");
    }

    /** The exception for expected failures should be shown in the printErrors output. */
    public void test_exceptionTodo() {
        Throwable error;
        try {
            int zero = 0;
            error = new ArithmeticException(String.valueOf(1 / zero));
        } catch (ArithmeticException e) {
            error = e;
        }
        result.addExpectedFailure(test, new Failure(error), TestResult.makeTodo("todo!"));
        reporter.done();
        String[] lines = lines();
        String output = String.join("\n", Arrays.copyOfRange(lines, 3, lines.length)).strip();
        assertIn(error.toString(), output);
    }
}
