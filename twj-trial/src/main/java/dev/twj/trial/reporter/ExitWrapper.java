package dev.twj.trial.reporter;

import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * A wrapper for a reporter that causes the reporter to stop after unsuccessful tests: it passes
 * every event on and sets {@link #shouldStop} on the first failure or error ({@code --exitfirst}).
 * Port of trial's {@code reporter._ExitWrapper}; public here so that runners in other packages
 * can use it.
 */
public final class ExitWrapper extends TestResultDecorator {
    /** Whether a failure or an error has been reported: the run should stop. */
    public boolean shouldStop;

    /** Wraps {@code originalReporter}. */
    public ExitWrapper(IReporter originalReporter) {
        super(originalReporter);
    }

    /** Passes the failure on and asks the run to stop. */
    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        shouldStop = true;
        super.addFailure(test, fail);
    }

    /** Passes the error on and asks the run to stop. */
    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        shouldStop = true;
        super.addError(test, error);
    }

    @Override
    public String toString() {
        return "ExitWrapper{" + originalReporter() + (shouldStop ? ", stopping}" : "}");
    }
}
