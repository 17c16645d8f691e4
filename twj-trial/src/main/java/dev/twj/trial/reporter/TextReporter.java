package dev.twj.trial.reporter;

import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.PrintStream;

/**
 * Prints one character per test: {@code .} success, {@code F} failure, {@code E} error,
 * {@code S} skip, {@code T} expected failure, {@code !} unexpected success. Port of
 * {@code twisted.trial.reporter.TextReporter} ({@code --reporter=text}).
 */
public class TextReporter extends Reporter {
    /** Creates a text reporter writing to {@code stream}. */
    public TextReporter(PrintStream stream, boolean realtime) {
        super(stream, realtime);
    }

    @Override
    public void addSuccess(SynchronousTestCase test) {
        super.addSuccess(test);
        write(".");
    }

    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        super.addError(test, error);
        write("E");
    }

    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        super.addFailure(test, fail);
        write("F");
    }

    @Override
    public void addSkip(SynchronousTestCase test, String reason) {
        super.addSkip(test, reason);
        write("S");
    }

    @Override
    public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
        super.addExpectedFailure(test, error, todo);
        write("T");
    }

    @Override
    public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
        super.addUnexpectedSuccess(test, todo);
        write("!");
    }
}
