package dev.twj.trial.test;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;

/**
 * Tests for the reporting of skipping tests. Port of
 * {@code twisted.trial.test.test_tests.SkipMethodsMixin}; {@code test_deprecatedSkipWithoutReason}
 * is not ported ({@link dev.twj.trial.unittest.SkipTest} requires a reason, and there are no
 * deprecation warnings).
 */
abstract class SkipMethodsMixin extends ResultsTestMixin {
    abstract Class<? extends SynchronousTestCase> skipping();

    abstract Class<? extends SynchronousTestCase> skippingSetUp();

    /** Setup our test case. */
    void setUp() {
        loadSuite(skipping());
    }

    /** Assert that there are three tests. */
    public void test_counting() {
        assertCount(3);
    }

    /**
     * Running a suite in which all methods are individually set to skip produces a successful
     * result with no recorded errors or failures, all the skipped methods recorded as skips, and
     * no methods recorded as successes.
     */
    public void test_results() {
        runSuite();
        assertTrue(reporter.wasSuccessful());
        assertEqual(reporter.errors, List.of());
        assertEqual(reporter.failures, List.of());
        assertEqual(reporter.skips.size(), 3);
        assertEqual(reporter.successes.size(), 0);
    }

    /**
     * Running a suite in which all methods are skipped by setUp raising SkipTest produces a
     * successful result with no recorded errors or failures, all skipped methods recorded as
     * skips, and no methods recorded as successes.
     */
    @Override
    public void test_setUp() {
        loadSuite(skippingSetUp());
        runSuite();
        assertTrue(reporter.wasSuccessful());
        assertEqual(reporter.errors, List.of());
        assertEqual(reporter.failures, List.of());
        assertEqual(reporter.skips.size(), 2);
        assertEqual(reporter.successes.size(), 0);
    }

    /** Test that reasons work. */
    public void test_reasons() {
        runSuite();
        String prefix = "test_";
        for (var skip : reporter.skips) {
            assertEqual(skip.test().shortDescription().substring(prefix.length()), skip.reason());
        }
    }
}

/** Tests for the reporting of skipping tests in the synchronous case. */
final class SynchronousSkipMethodTests extends SkipMethodsMixin {
    @Override
    Class<? extends SynchronousTestCase> skipping() {
        return Skipping.SynchronousSkipping.class;
    }

    @Override
    Class<? extends SynchronousTestCase> skippingSetUp() {
        return Skipping.SynchronousSkippingSetUp.class;
    }
}

/** Tests for the reporting of skipping tests in the asynchronous case. */
final class AsynchronousSkipMethodTests extends SkipMethodsMixin {
    @Override
    Class<? extends SynchronousTestCase> skipping() {
        return Skipping.AsynchronousSkipping.class;
    }

    @Override
    Class<? extends SynchronousTestCase> skippingSetUp() {
        return Skipping.AsynchronousSkippingSetUp.class;
    }
}
