package dev.twj.trial.test;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;

/**
 * Tests the class skipping features. Port of
 * {@code twisted.trial.test.test_tests.SkipClassesMixin}.
 */
abstract class SkipClassesMixin extends ResultsTestMixin {
    abstract Class<? extends SynchronousTestCase> skippedClass();

    abstract boolean setUpRan();

    abstract void resetSetUpRan();

    /** Setup our test case. */
    void setUp() {
        loadSuite(skippedClass());
        resetSetUpRan();
    }

    /** Skipped test methods still contribute to the total test count. */
    public void test_counting() {
        assertCount(4);
    }

    /** The setUp method is not called if the class is set to skip. */
    public void test_setUpRan() {
        runSuite();
        assertFalse(setUpRan());
    }

    /**
     * Skipped test methods don't cause wasSuccessful to return false, nor do they contribute to
     * the errors or failures of the reporter, or to the count of successes. They do, however, add
     * elements to the reporter's skips list.
     */
    public void test_results() {
        runSuite();
        assertTrue(reporter.wasSuccessful());
        assertEqual(reporter.errors, List.of());
        assertEqual(reporter.failures, List.of());
        assertEqual(reporter.skips.size(), 4);
        assertEqual(reporter.successes.size(), 0);
    }

    /**
     * Test methods which raise SkipTest or have their skip attribute set to something are
     * skipped.
     */
    public void test_reasons() {
        runSuite();
        List<String> expectedReasons = List.of("class", "skip2", "class", "class");
        List<String> reasonsGiven = reporter.skips.stream().map(s -> s.reason()).toList();
        assertEqual(expectedReasons, reasonsGiven);
    }
}

/** Tests the class skipping features in the synchronous case. */
final class SynchronousSkipClassTests extends SkipClassesMixin {
    @Override
    Class<? extends SynchronousTestCase> skippedClass() {
        return Skipping.SynchronousSkippedClass.class;
    }

    @Override
    boolean setUpRan() {
        return Skipping.SynchronousSkippedClass.setUpRan;
    }

    @Override
    void resetSetUpRan() {
        Skipping.SynchronousSkippedClass.setUpRan = false;
    }
}

/** Tests the class skipping features in the asynchronous case. */
final class AsynchronousSkipClassTests extends SkipClassesMixin {
    @Override
    Class<? extends SynchronousTestCase> skippedClass() {
        return Skipping.AsynchronousSkippedClass.class;
    }

    @Override
    boolean setUpRan() {
        return Skipping.AsynchronousSkippedClass.setUpRan;
    }

    @Override
    void resetSetUpRan() {
        Skipping.AsynchronousSkippedClass.setUpRan = false;
    }
}
