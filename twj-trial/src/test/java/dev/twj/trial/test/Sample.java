package dev.twj.trial.test;

import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * Sample test cases for the reporter tests: the part of {@code twisted.trial.test.sample} they
 * use. Nested, so that Surefire does not run them on their own.
 */
final class Sample {
    private Sample() {}

    /** Two passing tests: Twisted's {@code sample.FooTest}. */
    static final class FooTest extends SynchronousTestCase {
        public void test_foo() {}

        public void test_bar() {}
    }

    /**
     * One passing test: Twisted's {@code sample.PyunitTest}, a standard library test case there;
     * twj has only trial's test cases, so it is one of those.
     */
    static final class PyunitTest extends SynchronousTestCase {
        public void test_foo() {}
    }
}
