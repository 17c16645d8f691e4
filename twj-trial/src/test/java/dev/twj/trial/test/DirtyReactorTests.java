package dev.twj.trial.test;

import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.UncleanWarningsReporterWrapper;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.util.DirtyReactorAggregateError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DirtyReactorAggregateErrors are errors of the test that left the reactor dirty. Port of
 * {@code twisted.trial.test.test_reporter.DirtyReactorTests}.
 *
 * <p>Java has no warnings module: where Twisted asserts a {@code UserWarning}, these tests read
 * the warning the wrapper writes to the report. Not ported: {@code test_dealsWithThreeTuples}
 * (no exc_info tuples).
 */
final class DirtyReactorTests extends SynchronousTestCase {
    private Failure dirtyError;
    private ByteArrayOutputStream output;
    private SynchronousTestCase test;

    void setUp() {
        dirtyError = new Failure(new DirtyReactorAggregateError(List.of("foo"), List.of("bar")));
        output = new ByteArrayOutputStream();
        test = SynchronousTestCase.forMethod(DirtyReactorTests.class, "test_errorByDefault");
    }

    /** DirtyReactorAggregateErrors are reported as errors with the default Reporter. */
    public void test_errorByDefault() {
        Reporter result = new Reporter(new PrintStream(output, true, StandardCharsets.UTF_8));
        result.addError(test, dirtyError);
        assertEqual(result.errors.size(), 1);
        assertEqual(result.errors.get(0).failure(), dirtyError);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /**
     * DirtyReactorAggregateErrors are reported as warnings when using the
     * UncleanWarningsReporterWrapper.
     */
    public void test_warningsEnabled() {
        UncleanWarningsReporterWrapper result = new UncleanWarningsReporterWrapper(
                new Reporter(new PrintStream(output, true, StandardCharsets.UTF_8)));
        result.addError(test, dirtyError);
        assertEqual(output(), "UserWarning: " + dirtyError.getErrorMessage() + "\n");
    }

    /**
     * DirtyReactorAggregateErrors are not reported as errors if the
     * UncleanWarningsReporterWrapper is used.
     */
    public void test_warningsMaskErrors() {
        UncleanWarningsReporterWrapper result = new UncleanWarningsReporterWrapper(
                new Reporter(new PrintStream(output, true, StandardCharsets.UTF_8)));
        result.addError(test, dirtyError);
        assertIn("UserWarning: " + dirtyError.getErrorMessage(), output());
        assertEqual(((Reporter) result.originalReporter()).errors, List.of());
    }
}
