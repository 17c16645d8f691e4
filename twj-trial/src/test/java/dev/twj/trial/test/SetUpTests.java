package dev.twj.trial.test;

import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;

/**
 * Tests for a setUp that returns a Deferred. Port of
 * {@code twisted.trial.test.test_deferred.SetUpTests}. {@code NeverFireTests.test_setUp} is not
 * ported: it needs the reactor and the timeout (a setUp Deferred that never fires is an error
 * here too, but not a {@code defer.TimeoutError}).
 */
final class SetUpTests extends TestCase {
    private TestResult result;

    private void runSuite(Class<? extends SynchronousTestCase> klass) {
        result = new TestResult();
        for (SynchronousTestCase test : ResultsTestMixin.loadTestsFromTestCase(klass)) {
            test.run(result);
        }
    }

    public void test_success() {
        runSuite(Detests.DeferredSetUpOK.class);
        assertTrue(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
    }

    public void test_fail() {
        assertFalse(Detests.DeferredSetUpFail.testCalled);
        runSuite(Detests.DeferredSetUpFail.class);
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.failures.size(), 0);
        assertEqual(result.errors.size(), 1);
        assertFalse(Detests.DeferredSetUpFail.testCalled);
    }

    public void test_callbackFail() {
        assertFalse(Detests.DeferredSetUpCallbackFail.testCalled);
        runSuite(Detests.DeferredSetUpCallbackFail.class);
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.failures.size(), 0);
        assertEqual(result.errors.size(), 1);
        assertFalse(Detests.DeferredSetUpCallbackFail.testCalled);
    }

    public void test_error() {
        assertFalse(Detests.DeferredSetUpError.testCalled);
        runSuite(Detests.DeferredSetUpError.class);
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.failures.size(), 0);
        assertEqual(result.errors.size(), 1);
        assertFalse(Detests.DeferredSetUpError.testCalled);
    }

    public void test_skip() {
        assertFalse(Detests.DeferredSetUpSkip.testCalled);
        runSuite(Detests.DeferredSetUpSkip.class);
        assertTrue(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.failures.size(), 0);
        assertEqual(result.errors.size(), 0);
        assertEqual(result.skips.size(), 1);
        assertFalse(Detests.DeferredSetUpSkip.testCalled);
    }
}
