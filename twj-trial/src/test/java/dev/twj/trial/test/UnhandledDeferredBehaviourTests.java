package dev.twj.trial.test;

import dev.twj.internet.defer.Defer;
import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * Java-only tests of how an "Unhandled error in Deferred" report is blamed on a test. On the JVM
 * the report comes when the garbage collector finds the Deferred, which may be during a later
 * test; only the test during which the Deferred's failure arose may be failed by it.
 */
final class UnhandledDeferredBehaviourTests extends SynchronousTestCase {
    /** Fixtures, run one after the other by the tests below. */
    static final class Fixtures extends SynchronousTestCase {
        public void test_dropFailedDeferred() {
            Defer.fail(new IllegalStateException("dropped by an earlier test"));
        }

        public void test_collectOnly() {
            Defer.collectUnhandledErrors();
        }

        public void test_dropAndCollect() {
            Defer.fail(new IllegalArgumentException("dropped by this test"));
            Defer.collectUnhandledErrors();
        }
    }

    private static TestResult run(String... names) {
        TestResult result = new TestResult();
        for (String name : names) {
            SynchronousTestCase.forMethod(Fixtures.class, name).run(result);
        }
        return result;
    }

    /**
     * A Deferred dropped by one test and collected during the next does not fail the next one,
     * although the report is logged while it runs.
     */
    public void test_earlierTestsDeferredIsNotBlamed() {
        TestResult result = run("test_dropFailedDeferred", "test_collectOnly");
        assertEqual(result.errors.size(), 0);
        assertEqual(result.successes.size(), 2);
    }

    /** A Deferred dropped and collected during one test fails that test with its failure. */
    public void test_ownDeferredFailsTheTest() {
        TestResult result = run("test_dropAndCollect");
        assertEqual(result.successes.size(), 0);
        assertEqual(result.errors.size(), 1);
        Failure failure = result.errors.get(0).failure();
        assertEqual(failure.check(IllegalArgumentException.class), IllegalArgumentException.class);
    }
}
