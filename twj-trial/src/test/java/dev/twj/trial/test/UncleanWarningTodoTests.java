package dev.twj.trial.test;

import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.reporter.UncleanWarningsReporterWrapper;
import java.util.List;

/**
 * Tests for UncleanWarningsReporterWrapper's handling of todos. Port of
 * {@code twisted.trial.test.test_reporter.UncleanWarningTodoTests}.
 */
final class UncleanWarningTodoTests extends TodoTests {
    @Override
    void setUp() {
        super.setUp();
        result = new UncleanWarningsReporterWrapper(result);
    }

    private static Reporter original(IReporter result) {
        return (Reporter) ((UncleanWarningsReporterWrapper) result).originalReporter();
    }

    /** Get the todos that happened to a reporter inside of an unclean warnings wrapper. */
    @Override
    List<TestResult.ExpectedFailure> getTodos(IReporter result) {
        return original(result).expectedFailures;
    }

    /** Get the unexpected successes that happened to a reporter inside of the wrapper. */
    @Override
    List<TestResult.UnexpectedSuccess> getUnexpectedSuccesses(IReporter result) {
        return original(result).unexpectedSuccesses;
    }
}
