package dev.twj.trial.itrial;

import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;

/**
 * Receives the outcome of each test that {@link SynchronousTestCase#run} runs. Port of
 * {@code twisted.trial.itrial.IReporter}, reduced to the calls a test case makes.
 *
 * <p>One test may report more than one outcome: an error in the test and another in a cleanup, or
 * an unexpected success followed by a logged error. {@code addSuccess} is reported only when
 * nothing else was.
 */
public interface IReporter {
    /** Reports that {@code test} is about to run. */
    void startTest(SynchronousTestCase test);

    /** Reports that {@code test} has finished. */
    void stopTest(SynchronousTestCase test);

    /** Reports that {@code test} passed. */
    void addSuccess(SynchronousTestCase test);

    /** Reports that {@code test} failed an assertion ({@code FailTest}). */
    void addFailure(SynchronousTestCase test, Failure fail);

    /** Reports that {@code test}, a fixture or a cleanup raised an error, or that one was logged. */
    void addError(SynchronousTestCase test, Failure error);

    /** Reports that {@code test} was skipped, and why. */
    void addSkip(SynchronousTestCase test, String reason);

    /** Reports that {@code test}, marked {@link Todo}, failed as expected. */
    void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo);

    /** Reports that {@code test}, marked {@link Todo}, passed. */
    void addUnexpectedSuccess(SynchronousTestCase test, Todo todo);
}
