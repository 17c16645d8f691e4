package dev.twj.trial.unittest;

import org.junit.jupiter.api.Test;

/**
 * Tests for {@link SynchronousTestCase#assertFalse}. Port of
 * {@code twisted.trial.test.test_assertions.AssertFalseTests}.
 *
 * <p>Python tries each false value ({@code 0, 0.0, False, None, (), []}) and each true one;
 * Java's {@code assertFalse} takes a boolean, so there is one of each. The {@code failIf} alias
 * tests are not ported: twj has only the {@code assert*} names.
 */
class AssertFalseTests {
    private final SynchronousTestCase self = new SynchronousTestCase();

    /** {@code assertFalse} returns its argument if its argument is not considered true. */
    @Test
    public void test_assertFalseFalse() {
        boolean notTrue = false;
        boolean result = self.assertFalse(notTrue, "failed on " + notTrue);
        if (result != notTrue) {
            self.fail("Did not return argument " + notTrue);
        }
    }

    /** {@code assertFalse} raises {@code failureException} if its argument is considered true. */
    @Test
    public void test_assertFalseTrue() {
        boolean isTrue = true;
        try {
            self.assertFalse(isTrue, "failed on " + isTrue);
        } catch (FailTest e) {
            self.assertIn("failed on " + isTrue, e.getMessage(),
                    "Raised incorrect exception on " + isTrue + ": " + e);
            return;
        }
        self.fail("Call to assertFalse(" + isTrue + ") didn't fail");
    }
}
