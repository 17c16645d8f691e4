package dev.twj.trial.test;

import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.ExitWrapper;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.util.List;

/** Tests for {@link ExitWrapper}. Port of {@code twisted.trial.test.test_reporter.ExitWrapperTests}. */
final class ExitWrapperTests extends SynchronousTestCase {
    private Failure failure;
    private SynchronousTestCase test;
    private TestResult result;
    private ExitWrapper wrapped;

    void setUp() {
        failure = new Failure(new Exception("I am a Failure"));
        test = SynchronousTestCase.forMethod(Sample.FooTest.class, "test_foo");
        result = new TestResult();
        wrapped = new ExitWrapper(result);
        assertFalse(wrapped.shouldStop);
    }

    /** ExitWrapper causes a wrapped reporter to stop after its first failure. */
    public void test_stopOnFailure() {
        wrapped.addFailure(test, failure);
        assertTrue(wrapped.shouldStop);
        assertEqual(result.failures, List.of(new TestResult.Outcome(test, failure)));
    }

    /** ExitWrapper causes a wrapped reporter to stop after its first error. */
    public void test_stopOnError() {
        wrapped.addError(test, failure);
        assertTrue(wrapped.shouldStop);
        assertEqual(result.errors, List.of(new TestResult.Outcome(test, failure)));
    }

    /** ExitWrapper does not cause a wrapped reporter to stop after an unexpected success. */
    public void test_doesNotStopOnUnexpectedSuccess() {
        Todo todo = TestResult.makeTodo("I am a Failure");
        wrapped.addUnexpectedSuccess(test, todo);
        assertFalse(wrapped.shouldStop);
        assertEqual(result.unexpectedSuccesses,
                List.of(new TestResult.UnexpectedSuccess(test, todo)));
    }
}
