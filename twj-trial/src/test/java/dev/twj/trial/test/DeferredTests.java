package dev.twj.trial.test;

import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;

/**
 * Tests for test methods that return Deferreds. Port of
 * {@code twisted.trial.test.test_deferred.DeferredTests} (with its base {@code TestTester}).
 * Not ported: {@code test_passGenerated} (deferredGenerator), {@code test_passInlineCallbacks}
 * (no inlineCallbacks in this branch) and {@code test_thread} (deferToThread needs the reactor).
 * {@code TimeoutTests} is in its own class.
 */
final class DeferredTests extends TestCase {
    private SynchronousTestCase getTest(String name) {
        return SynchronousTestCase.forMethod(Detests.DeferredTests.class, name);
    }

    private TestResult runTest(String name) {
        TestResult result = new TestResult();
        getTest(name).run(result);
        return result;
    }

    public void test_pass() {
        TestResult result = runTest("test_pass");
        assertTrue(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
    }

    public void test_fail() {
        TestResult result = runTest("test_fail");
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.failures.size(), 1);
    }

    public void test_failureInCallback() {
        TestResult result = runTest("test_failureInCallback");
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.failures.size(), 1);
    }

    public void test_errorInCallback() {
        TestResult result = runTest("test_errorInCallback");
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.errors.size(), 1);
    }

    public void test_skip() {
        TestResult result = runTest("test_skip");
        assertTrue(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.skips.size(), 1);
        assertFalse(Detests.DeferredTests.touched);
    }

    public void test_todo() {
        TestResult result = runTest("test_expectedFailure");
        assertTrue(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.errors.size(), 0);
        assertEqual(result.failures.size(), 0);
        assertEqual(result.expectedFailures.size(), 1);
    }
}
