package dev.twj.trial.test;

import dev.twj.python.monkey.MonkeyPatcher;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;

/**
 * Tests for the patch() helper method. Port of
 * {@code twisted.trial.test.test_tests.MonkeyPatchMixin}; the patched attribute is a field of
 * this test case, as in Twisted.
 */
abstract class MonkeyPatchMixin extends SynchronousTestCase {
    String originalValue;
    String patchedValue;
    String objectToPatch;
    SynchronousTestCase test;

    abstract SynchronousTestCase newTestCase();

    /** Setup our test case. */
    void setUp() {
        originalValue = "original";
        patchedValue = "patched";
        objectToPatch = originalValue;
        test = newTestCase();
    }

    /** Calling patch() on a test monkey patches the specified object and attribute. */
    public void test_patch() {
        test.patch(this, "objectToPatch", patchedValue);
        assertEqual(objectToPatch, patchedValue);
    }

    /** Any monkey patches introduced by a test using patch() are reverted after the test has run. */
    public void test_patchRestoredAfterRun() {
        test.patch(this, "objectToPatch", patchedValue);
        test.run(new TestResult());
        assertEqual(objectToPatch, originalValue);
    }

    /**
     * patch() returns a MonkeyPatcher object that can be used to restore the original values
     * before the end of the test.
     */
    public void test_revertDuringTest() {
        MonkeyPatcher patch = test.patch(this, "objectToPatch", patchedValue);
        patch.restore();
        assertEqual(objectToPatch, originalValue);
    }

    /** The returned MonkeyPatcher object can re-apply the patch during the test run. */
    public void test_revertAndRepatch() {
        MonkeyPatcher patch = test.patch(this, "objectToPatch", patchedValue);
        patch.restore();
        patch.patch();
        assertEqual(objectToPatch, patchedValue);
    }

    /** Successive patches are applied and reverted just like a single patch. */
    public void test_successivePatches() {
        test.patch(this, "objectToPatch", patchedValue);
        assertEqual(objectToPatch, patchedValue);
        test.patch(this, "objectToPatch", "second value");
        assertEqual(objectToPatch, "second value");
        test.run(new TestResult());
        assertEqual(objectToPatch, originalValue);
    }
}

/** Tests for the patch() helper method in the synchronous case. */
final class SynchronousMonkeyPatchTests extends MonkeyPatchMixin {
    @Override
    SynchronousTestCase newTestCase() {
        return new SynchronousTestCase();
    }
}

/** Tests for the patch() helper method in the asynchronous case. */
final class AsynchronousMonkeyPatchTests extends MonkeyPatchMixin {
    @Override
    SynchronousTestCase newTestCase() {
        return new TestCase();
    }
}
