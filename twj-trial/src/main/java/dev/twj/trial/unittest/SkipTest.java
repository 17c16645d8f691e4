package dev.twj.trial.unittest;

/**
 * Raised by a test method or {@code setUp} to skip the test at run time: the runner reports the
 * test as skipped with this exception's message as the reason. Port of
 * {@code twisted.trial.unittest.SkipTest} (the standard library's {@code unittest.SkipTest}).
 *
 * <p>For a reason known before the test runs, use {@link Skip} on the method or class, or
 * override {@link SynchronousTestCase#getSkip()}.
 */
public class SkipTest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates a SkipTest whose message is the reason for skipping. */
    public SkipTest(String reason) {
        super(reason);
    }
}
