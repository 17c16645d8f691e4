package dev.twj.trial.test;

import dev.twj.internet.defer.TimeoutError;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;

/**
 * Tests for a setUp whose Deferred never fires. Port of
 * {@code twisted.trial.test.test_deferred.NeverFireTests}; instead of patching
 * {@code util.DEFAULT_TIMEOUT_DURATION} to 0.1 (a constant here), the fixture class carries
 * {@code @Timeout(0.1)}.
 */
final class NeverFireTests extends TestCase {
    public void test_setUp() {
        assertFalse(Detests.DeferredSetUpNeverFire.testCalled);
        TestResult result = new TestResult();
        SynchronousTestCase.forMethod(Detests.DeferredSetUpNeverFire.class, "test_ok").run(result);
        assertFalse(result.wasSuccessful());
        assertEqual(result.testsRun(), 1);
        assertEqual(result.failures.size(), 0);
        assertEqual(result.errors.size(), 1);
        assertFalse(Detests.DeferredSetUpNeverFire.testCalled);
        assertTrue(result.errors.get(0).failure().check(TimeoutError.class) != null);
    }
}
