package dev.twj.trial.scripts;

import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes each event of a worker's tests as a line for the parent ({@link DistTrial}): a marker,
 * the event, the test id and a Base64 text. Other output of the tests passes through and is
 * copied by the parent to the worker's {@code out.log}. It counts the tests too, as the
 * {@link TestResult} it is.
 */
final class WorkerReporter extends TestResult {
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
        super.startTest(test);
        event("start", test, null);
    }

    @Override
    public void stopTest(SynchronousTestCase test) {
        super.stopTest(test);
        event("stop", test, null);
    }

    @Override
    public void addSuccess(SynchronousTestCase test) {
        super.addSuccess(test);
        event("success", test, null);
    }

    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        super.addFailure(test, fail);
        event("failure", test, Reporter.trimmedTraceback(fail));
    }

    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        super.addError(test, error);
        event("error", test, Reporter.trimmedTraceback(error));
    }

    @Override
    public void addSkip(SynchronousTestCase test, String reason) {
        super.addSkip(test, reason);
        event("skip", test, reason);
    }

    @Override
    public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
        super.addExpectedFailure(test, error, todo);
        event("expectedFailure", test, Reporter.trimmedTraceback(error));
    }

    @Override
    public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
        super.addUnexpectedSuccess(test, todo);
        event("unexpectedSuccess", test, null);
    }
}
