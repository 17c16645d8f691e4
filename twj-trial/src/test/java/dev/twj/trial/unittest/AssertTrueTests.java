package dev.twj.trial.unittest;

import org.junit.jupiter.api.Test;

/**
 * Tests for {@link SynchronousTestCase#assertTrue}. Port of
 * {@code twisted.trial.test.test_assertions.AssertTrueTests}; see {@link AssertFalseTests} for
 * what differs.
 */
class AssertTrueTests {
    private final SynchronousTestCase self = new SynchronousTestCase();

    /** {@code assertTrue} raises {@code failureException} if its argument is not true. */
    @Test
    public void test_assertTrueFalse() {
        boolean notTrue = false;
        try {
            self.assertTrue(notTrue, "failed on " + notTrue);
        } catch (FailTest e) {
            self.assertIn("failed on " + notTrue, e.getMessage(),
                    "Raised incorrect exception on " + notTrue + ": " + e);
            return;
        }
        self.fail("Call to assertTrue(" + notTrue + ") didn't fail");
    }

    /** {@code assertTrue} returns its argument if its argument is considered true. */
    @Test
    public void test_assertTrueTrue() {
        boolean isTrue = true;
        boolean result = self.assertTrue(isTrue, "failed on " + isTrue);
        if (result != isTrue) {
            self.fail("Did not return argument " + isTrue);
        }
    }
}
