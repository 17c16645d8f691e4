package dev.twj.trial.test.ordertests;

import dev.twj.trial.unittest.SynchronousTestCase;

/** A test class for the {@code --order} tests: Twisted's {@code ordertests.BarTest}. */
final class BarCase extends SynchronousTestCase {
    /** The only test. */
    public void test_bar() {}
}
