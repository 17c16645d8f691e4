package dev.twj.trial.reporter;

import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
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
public final class UncleanWarningsReporterWrapper extends TestResultDecorator {
    private static final Logger LOG = new Logger(UncleanWarningsReporterWrapper.class);

    /** Wraps {@code originalReporter}. */
    public UncleanWarningsReporterWrapper(IReporter originalReporter) {
        super(originalReporter);
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
            IReporter r = originalReporter();
            while (r instanceof ExitWrapper w) {
                r = w.originalReporter();
            }
            if (r instanceof Reporter reporter) {
                reporter.writeWarning("UserWarning", message);
            }
        } else {
            super.addError(test, error);
        }
    }

    @Override
    public String toString() {
        return "UncleanWarningsReporterWrapper{" + originalReporter() + "}";
    }
}
