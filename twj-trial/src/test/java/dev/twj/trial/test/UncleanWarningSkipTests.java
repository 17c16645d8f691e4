package dev.twj.trial.test;

import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.UncleanWarningsReporterWrapper;

/**
 * Tests for skips on a Reporter wrapped by an UncleanWarningsReporterWrapper. Port of
 * {@code twisted.trial.test.test_reporter.UncleanWarningSkipTests}.
 */
final class UncleanWarningSkipTests extends SkipTests {
    @Override
    void setUp() {
        super.setUp();
        result = new UncleanWarningsReporterWrapper(result);
    }

    /**
     * Get the number of skips that happened to a reporter inside of an unclean warnings reporter
     * wrapper.
     */
    @Override
    int getSkips(IReporter result) {
        return ((Reporter) ((UncleanWarningsReporterWrapper) result).originalReporter())
                .skips.size();
    }
}
