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

    /** Whether the run should stop: set by {@link #stop}, read by trial's runner. */
    public boolean shouldStop;

    private int testsRun;
    private double testStarted = Double.NaN;
    /** How long the last test took, in seconds; NaN until a test stops. Trial's {@code _lastTime}. */
    protected double lastTime = Double.NaN;

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

    /**
     * Returns the current time in seconds, for the timings of the report: trial's
     * {@code _getTime}, which tests replace.
     */
    protected double getTime() {
        return System.nanoTime() / 1e9;
    }

    /** Returns how long the last test took in seconds, NaN before one has stopped. */
    public double lastTime() {
        return lastTime;
    }

    /** Asks the run to stop before the next test: sets {@link #shouldStop}. */
    public void stop() {
        shouldStop = true;
    }

    @Override
    public void startTest(SynchronousTestCase test) {
        testsRun++;
        testStarted = getTime();
    }

    @Override
    public void stopTest(SynchronousTestCase test) {
        if (!Double.isNaN(testStarted)) {
            lastTime = getTime() - testStarted;
        }
    }

    /**
     * The summary of everything that happened, printed by reporters that write to a stream;
     * nothing here. Trial's {@code TestResult.done}.
     */
    public void done() {}

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

    /** {@inheritDoc} A null {@code todo} becomes trial's default, "Test expected to fail". */
    @Override
    public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
        expectedFailures.add(new ExpectedFailure(test, error, todo == null ? DEFAULT_TODO : todo));
    }

    /** {@inheritDoc} A null {@code todo} becomes trial's default, "Test expected to fail". */
    @Override
    public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
        unexpectedSuccesses.add(new UnexpectedSuccess(test, todo == null ? DEFAULT_TODO : todo));
    }

    /** The todo of an outcome reported without one: trial's {@code _DEFAULT_TODO}. */
    public static final Todo DEFAULT_TODO = makeTodo("Test expected to fail");

    /**
     * Returns a {@link Todo} expecting any error, with {@code reason}: trial's {@code makeTodo}
     * of a string.
     */
    public static Todo makeTodo(String reason) {
        return new Todo() {
            @Override
            public String value() {
                return reason;
            }

            @Override
            public Class<? extends Throwable>[] errors() {
                @SuppressWarnings("unchecked")
                Class<? extends Throwable>[] none = (Class<? extends Throwable>[]) new Class<?>[0];
                return none;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return Todo.class;
            }

            @Override
            public String toString() {
                return "@" + Todo.class.getName() + "(\"" + reason + "\")";
            }
        };
    }

    @Override
    public String toString() {
        return "TestResult{run=" + testsRun + ", successes=" + successes.size()
                + ", failures=" + failures.size() + ", errors=" + errors.size()
                + ", skips=" + skips.size() + ", expectedFailures=" + expectedFailures.size()
                + ", unexpectedSuccesses=" + unexpectedSuccesses.size() + "}";
    }
}
