package dev.twj.trial.reporter;

import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.PrintStream;

/**
 * Prints one line per test: its id, then {@code [OK]}, {@code [FAILURE]}, {@code [ERROR]},
 * {@code [SKIPPED]}, {@code [TODO]} or {@code [SUCCESS!?!]}. Port of
 * {@code twisted.trial.reporter.VerboseTextReporter} ({@code --reporter=verbose}).
 */
public class VerboseTextReporter extends Reporter {
    /** Creates a verbose reporter writing to {@code stream}. */
    public VerboseTextReporter(PrintStream stream, boolean realtime) {
        super(stream, realtime);
    }

    @Override
    public void startTest(SynchronousTestCase test) {
        write(test.id() + " ... ");
        super.startTest(test);
    }

    @Override
    public void addSuccess(SynchronousTestCase test) {
        super.addSuccess(test);
        write("[OK]");
    }

    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        super.addError(test, error);
        write("[ERROR]");
    }

    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        super.addFailure(test, fail);
        write("[FAILURE]");
    }

    @Override
    public void addSkip(SynchronousTestCase test, String reason) {
        super.addSkip(test, reason);
        write("[SKIPPED]");
    }

    @Override
    public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
        super.addExpectedFailure(test, error, todo);
        write("[TODO]");
    }

    @Override
    public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
        super.addUnexpectedSuccess(test, todo);
        write("[SUCCESS!?!]");
    }

    @Override
    public void stopTest(SynchronousTestCase test) {
        super.stopTest(test);
        write("\n");
    }
}
