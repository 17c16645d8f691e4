package dev.twj.trial.test;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.TimeoutError;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * Tests for the timeout of test methods that return Deferreds. Port of
 * {@code twisted.trial.test.test_deferred.TimeoutTests}, running the fixtures of
 * {@code Detests.TimeoutTests} (trial's {@code timeout} attribute is the {@code @Timeout}
 * annotation).
 */
final class TimeoutTests extends SynchronousTestCase {
    private SynchronousTestCase getTest(String name) {
        return SynchronousTestCase.forMethod(Detests.TimeoutTests.class, name);
    }

    private TestResult runTest(String name) {
        TestResult result = new TestResult();
        getTest(name).run(result);
        return result;
    }

    private void wasTimeout(Failure error) {
        assertEqual(error.check(TimeoutError.class), TimeoutError.class);
    }

    public void test_pass() {
        TestResult result = runTest("test_pass");
        assertTrue(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
    }

    public void test_passDefault() {
        TestResult result = runTest("test_passDefault");
        assertTrue(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
    }

    public void test_timeout() {
        TestResult result = runTest("test_timeout");
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.errors.size(), 1);
        wasTimeout(result.errors.get(0).failure());
    }

    public void test_timeoutZero() {
        TestResult result = runTest("test_timeoutZero");
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.errors.size(), 1);
        wasTimeout(result.errors.get(0).failure());
    }

    public void test_skip() {
        TestResult result = runTest("test_skip");
        assertTrue(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.skips.size(), 1);
    }

    public void test_todo() {
        TestResult result = runTest("test_expectedFailure");
        assertTrue(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.expectedFailures.size(), 1);
        wasTimeout(result.expectedFailures.get(0).failure());
    }

    public void test_errorPropagation() {
        TestResult result = runTest("test_errorPropagation");
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertNotEqual(Detests.TimeoutTests.timedOut, null);
        wasTimeout(Detests.TimeoutTests.timedOut);
    }

    public void test_classTimeout() {
        TestResult result = new TestResult();
        for (String name : new String[] {"testMethod"}) {
            SynchronousTestCase.forMethod(Detests.TestClassTimeoutAttribute.class, name)
                    .run(result);
        }
        assertEqual(result.errors.size(), 1);
        wasTimeout(result.errors.get(0).failure());
    }

    public void test_callbackReturnsNonCallingDeferred() {
        // hacky timeout
        IDelayedCall call = Reactor.reactor().callLater(2, Reactor.reactor()::crash);
        TestResult result = runTest("test_calledButNeverCallback");
        if (call.active()) {
            call.cancel();
        }
        assertFalse(result.wasSuccessful());
        wasTimeout(result.errors.get(0).failure());
    }
}
