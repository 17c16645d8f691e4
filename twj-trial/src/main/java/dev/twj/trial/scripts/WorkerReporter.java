package dev.twj.trial.scripts;

import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes each event of a worker's tests as a line for the parent ({@link DistTrial}): a marker,
 * the event, the test id and a Base64 text. Other output of the tests passes through and is
 * ignored by the parent.
 */
final class WorkerReporter implements IReporter {
    static final String MARK = "\u0001twj-trial-worker";

    private final PrintStream out;

    WorkerReporter(PrintStream out) {
        this.out = out;
    }

    private void event(String kind, SynchronousTestCase test, String text) {
        out.println(MARK + "\t" + kind + "\t" + test.getClass().getName() + "\t"
                + test.methodName() + "\t" + Base64.getEncoder().encodeToString(
                        (text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
        out.flush();
    }

    @Override
    public void startTest(SynchronousTestCase test) {
        event("start", test, null);
    }

    @Override
    public void stopTest(SynchronousTestCase test) {
        event("stop", test, null);
    }

    @Override
    public void addSuccess(SynchronousTestCase test) {
        event("success", test, null);
    }

    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        event("failure", test, fail.getTraceback());
    }

    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        event("error", test, error.getTraceback());
    }

    @Override
    public void addSkip(SynchronousTestCase test, String reason) {
        event("skip", test, reason);
    }

    @Override
    public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
        event("expectedFailure", test, error.getTraceback());
    }

    @Override
    public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
        event("unexpectedSuccess", test, null);
    }
}
