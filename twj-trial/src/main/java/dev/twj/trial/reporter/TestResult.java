package dev.twj.trial.reporter;

import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates the results of tests in lists, one per kind of outcome. Port of
 * {@code twisted.trial.reporter.TestResult}.
 *
 * <p>Not thread-safe: trial runs one test at a time.
 */
public class TestResult implements IReporter {
    /** A test and the failure or error it reported. */
    public record Outcome(SynchronousTestCase test, Failure failure) {}

    /** A skipped test and the reason. */
    public record Skipped(SynchronousTestCase test, String reason) {}

    /** An expected failure: the test, its failure and the todo that expected it. */
    public record ExpectedFailure(SynchronousTestCase test, Failure failure, Todo todo) {}

    /** An unexpected success: the test and the todo that expected it to fail. */
    public record UnexpectedSuccess(SynchronousTestCase test, Todo todo) {}

    /** Failures ({@code FailTest}), in report order. */
    public final List<Outcome> failures = new ArrayList<>();
    /** Errors, in report order. */
    public final List<Outcome> errors = new ArrayList<>();
    /** Skips, in report order. */
    public final List<Skipped> skips = new ArrayList<>();
    /** Expected failures of todo tests. */
    public final List<ExpectedFailure> expectedFailures = new ArrayList<>();
    /** Unexpected successes of todo tests. */
    public final List<UnexpectedSuccess> unexpectedSuccesses = new ArrayList<>();
    /** Tests that passed. */
    public final List<SynchronousTestCase> successes = new ArrayList<>();

    private int testsRun;

    /** Creates an empty result. */
    public TestResult() {}

    /** Returns how many tests were started. */
    public int testsRun() {
        return testsRun;
    }

    /**
     * Returns whether no test failed or raised an error. As in trial (and Python before 3.4),
     * unexpected successes do not count; the JUnit engine counts them as failures.
     */
    public boolean wasSuccessful() {
        return failures.isEmpty() && errors.isEmpty();
    }

    @Override
    public void startTest(SynchronousTestCase test) {
        testsRun++;
    }

    @Override
    public void stopTest(SynchronousTestCase test) {}

    @Override
    public void addSuccess(SynchronousTestCase test) {
        successes.add(test);
    }

    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        failures.add(new Outcome(test, fail));
    }

    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        errors.add(new Outcome(test, error));
    }

    @Override
    public void addSkip(SynchronousTestCase test, String reason) {
        skips.add(new Skipped(test, reason));
    }

    @Override
    public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
        expectedFailures.add(new ExpectedFailure(test, error, todo));
    }

    @Override
    public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
        unexpectedSuccesses.add(new UnexpectedSuccess(test, todo));
    }

    @Override
    public String toString() {
        return "TestResult{run=" + testsRun + ", successes=" + successes.size()
                + ", failures=" + failures.size() + ", errors=" + errors.size()
                + ", skips=" + skips.size() + ", expectedFailures=" + expectedFailures.size()
                + ", unexpectedSuccesses=" + unexpectedSuccesses.size() + "}";
    }
}
