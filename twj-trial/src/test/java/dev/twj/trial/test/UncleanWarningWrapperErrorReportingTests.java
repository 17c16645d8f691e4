package dev.twj.trial.test;

import dev.twj.trial.reporter.UncleanWarningsReporterWrapper;

/**
 * The UncleanWarningsReporterWrapper can sufficiently proxy IReporter failure and error
 * reporting methods to a Reporter. Port of
 * {@code twisted.trial.test.test_reporter.UncleanWarningWrapperErrorReportingTests}.
 */
final class UncleanWarningWrapperErrorReportingTests extends ErrorReportingTests {
    @Override
    void setUp() {
        super.setUp();
        result = new UncleanWarningsReporterWrapper(reporter);
    }
}
