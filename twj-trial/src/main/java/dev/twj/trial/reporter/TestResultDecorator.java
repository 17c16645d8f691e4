package dev.twj.trial.reporter;

import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;

/**
 * Base class for reporter wrappers: passes every event on to the wrapped reporter; subclasses
 * override the events they change. Port of {@code twisted.trial.reporter.TestResultDecorator}
 * ({@code proxyForInterface(IReporter, "_originalReporter")}).
 */
public abstract class TestResultDecorator implements IReporter {
    private final IReporter originalReporter;

    /** Wraps {@code originalReporter}. */
    protected TestResultDecorator(IReporter originalReporter) {
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

    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        originalReporter.addFailure(test, fail);
    }

    @Override
    public void addError(SynchronousTestCase test, Failure error) {
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
}
