package dev.twj.trial.reporter;

import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import dev.twj.trial.util.DirtyReactorAggregateError;

/**
 * A wrapper for a reporter that converts {@link DirtyReactorAggregateError}s to warnings
 * ({@code --unclean-warnings}): a test that leaves the reactor dirty is not failed for it. Port
 * of {@code twisted.trial.reporter.UncleanWarningsReporterWrapper}.
 *
 * <p>Java has no warnings module: the warning is written to the report, as trial's reporter
 * prints the warnings it observes ({@code UserWarning: <message>} and a newline), when
 * the wrapped reporter (or the one it wraps) is a {@link Reporter}, and logged at the
 * {@code warn} level.
 */
public final class UncleanWarningsReporterWrapper implements IReporter {
    private static final Logger LOG = new Logger(UncleanWarningsReporterWrapper.class);

    private final IReporter originalReporter;

    /** Wraps {@code originalReporter}. */
    public UncleanWarningsReporterWrapper(IReporter originalReporter) {
        this.originalReporter = originalReporter;
    }

    /** Returns the wrapped reporter. */
    public IReporter originalReporter() {
        return originalReporter;
    }

    /**
     * If the error is a DirtyReactorAggregateError, instead of reporting it as a normal error,
     * warns; passes any other error on.
     */
    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        if (error.check(DirtyReactorAggregateError.class) != null) {
            String message = error.getErrorMessage();
            LOG.warn("{message}", "message", message);
            IReporter r = originalReporter;
            while (r instanceof ExitWrapper w) {
                r = w.originalReporter();
            }
            if (r instanceof Reporter reporter) {
                reporter.writeWarning("UserWarning", message);
            }
        } else {
            originalReporter.addError(test, error);
        }
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
        return "UncleanWarningsReporterWrapper{" + originalReporter + "}";
    }
}
