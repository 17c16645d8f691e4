package dev.twj.trial.test.ordertests;

import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * Tests whose methods are declared out of alphabetical order, for the {@code --order} tests:
 * Twisted's {@code ordertests.FooTest} (not named {@code *Test}, so that Surefire leaves it).
 */
final class FooCase extends SynchronousTestCase {
    /** The first test. */
    public void test_first() {}

    /** The second test. */
    public void test_second() {}

    /** The third test. */
    public void test_third() {}

    /** The fourth test. */
    public void test_fourth() {}
}
