package dev.twj.trial.reporter;

import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;

/**
 * A wrapper for a reporter that causes the reporter to stop after unsuccessful tests: it passes
 * every event on and sets {@link #shouldStop} on the first failure or error ({@code --exitfirst}).
 * Port of trial's {@code reporter._ExitWrapper}; public here so that runners in other packages
 * can use it.
 */
public final class ExitWrapper implements IReporter {
    private final IReporter originalReporter;
    /** Whether a failure or an error has been reported: the run should stop. */
    public boolean shouldStop;

    /** Wraps {@code originalReporter}. */
    public ExitWrapper(IReporter originalReporter) {
        this.originalReporter = originalReporter;
    }

    /** Returns the wrapped reporter. */
    public IReporter originalReporter() {
        return originalReporter;
    }

    @Override
    public void startTest(SynchronousTestCase test) {
        originalReporter.startTest(test);
    }

    @Override
    public void stopTest(SynchronousTestCase test) {
        originalReporter.stopTest(test);
    }

    @Override
    public void addSuccess(SynchronousTestCase test) {
        originalReporter.addSuccess(test);
    }

    /** Passes the failure on and asks the run to stop. */
    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        shouldStop = true;
        originalReporter.addFailure(test, fail);
    }

    /** Passes the error on and asks the run to stop. */
    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        shouldStop = true;
        originalReporter.addError(test, error);
    }

    @Override
    public void addSkip(SynchronousTestCase test, String reason) {
        originalReporter.addSkip(test, reason);
    }

    @Override
    public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
        originalReporter.addExpectedFailure(test, error, todo);
    }

    @Override
    public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
        originalReporter.addUnexpectedSuccess(test, todo);
    }

    @Override
    public String toString() {
        return "ExitWrapper{" + originalReporter + (shouldStop ? ", stopping}" : "}");
    }
}
