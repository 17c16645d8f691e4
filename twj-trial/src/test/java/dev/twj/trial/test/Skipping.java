package dev.twj.trial.test;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.trial.unittest.FailTest;
import dev.twj.trial.unittest.Skip;
import dev.twj.trial.unittest.SkipTest;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;
import dev.twj.trial.unittest.Todo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test cases with various interesting behaviours, used by the ported test_tests.py to exercise
 * trial's runner. Port of {@code twisted.trial.test.skipping}.
 *
 * <p>Java has no mixins: each Twisted {@code XMixin} becomes a synchronous class and an
 * asynchronous one. The asynchronous ones return Deferreds that have already fired where the
 * synchronous ones raise, so that they exercise {@link TestCase}'s handling of returned Deferreds
 * (Twisted's raise in both). Python's RuntimeError is {@link RuntimeException}, OSError
 * {@link IOException}, SyntaxError {@link LinkageError}.
 */
final class Skipping {
    private Skipping() {}

    static final class SynchronousSkipping extends SynchronousTestCase {
        public void test_skip1() {
            throw new SkipTest("skip1");
        }

        @Skip("skip2")
        public void test_skip2() {
            throw new RuntimeException("I should not get raised");
        }

        @Skip("skip3")
        public void test_skip3() {
            fail("I should not fail");
        }
    }

    static final class AsynchronousSkipping extends TestCase {
        public Deferred<Void> test_skip1() {
            return Defer.fail(new SkipTest("skip1"));
        }

        @Skip("skip2")
        public Deferred<Void> test_skip2() {
            return Defer.fail(new RuntimeException("I should not get raised"));
        }

        @Skip("skip3")
        public void test_skip3() {
            fail("I should not fail");
        }
    }

    static final class SynchronousSkippingSetUp extends SynchronousTestCase {
        void setUp() {
            throw new SkipTest("skipSetUp");
        }

        public void test_1() {}

        public void test_2() {}
    }

    static final class AsynchronousSkippingSetUp extends TestCase {
        Deferred<Void> setUp() {
            return Defer.fail(new SkipTest("skipSetUp"));
        }

        public void test_1() {}

        public void test_2() {}
    }

    @Skip("class")
    static final class SynchronousSkippedClass extends SynchronousTestCase {
        static boolean setUpRan;

        void setUp() {
            setUpRan = true;
        }

        public void test_skip1() {
            throw new SkipTest("skip1");
        }

        @Skip("skip2")
        public void test_skip2() {
            throw new RuntimeException("Ought to skip me");
        }

        public void test_skip3() {}

        public void test_skip4() {
            throw new RuntimeException("Skip me too");
        }
    }

    @Skip("class")
    static final class AsynchronousSkippedClass extends TestCase {
        static boolean setUpRan;

        Deferred<Void> setUp() {
            setUpRan = true;
            return Defer.succeed(null);
        }

        public void test_skip1() {
            throw new SkipTest("skip1");
        }

        @Skip("skip2")
        public void test_skip2() {
            throw new RuntimeException("Ought to skip me");
        }

        public void test_skip3() {}

        public void test_skip4() {
            throw new RuntimeException("Skip me too");
        }
    }

    static final class SynchronousTodo extends SynchronousTestCase {
        @Todo("todo1")
        public void test_todo1() {
            fail("deliberate failure");
        }

        @Todo("todo2")
        public void test_todo2() {
            throw new RuntimeException("deliberate error");
        }

        /** unexpected success */
        @Todo("todo3")
        public void test_todo3() {}
    }

    static final class AsynchronousTodo extends TestCase {
        @Todo("todo1")
        public Deferred<Void> test_todo1() {
            return Defer.fail(new FailTest("deliberate failure"));
        }

        @Todo("todo2")
        public Deferred<Void> test_todo2() {
            return Defer.fail(new RuntimeException("deliberate error"));
        }

        /** unexpected success */
        @Todo("todo3")
        public Deferred<Void> test_todo3() {
            return Defer.succeed(null);
        }
    }

    static final class SynchronousSetUpTodo extends SynchronousTestCase {
        void setUp() {
            throw new RuntimeException("deliberate error");
        }

        @Todo("setUp todo1")
        public void test_todo1() {}
    }

    static final class AsynchronousSetUpTodo extends TestCase {
        Deferred<Void> setUp() {
            return Defer.fail(new RuntimeException("deliberate error"));
        }

        @Todo("setUp todo1")
        public void test_todo1() {}
    }

    static final class SynchronousTearDownTodo extends SynchronousTestCase {
        void tearDown() {
            throw new RuntimeException("deliberate error");
        }

        @Todo("tearDown todo1")
        public void test_todo1() {}
    }

    static final class AsynchronousTearDownTodo extends TestCase {
        Deferred<Void> tearDown() {
            return Defer.fail(new RuntimeException("deliberate error"));
        }

        @Todo("tearDown todo1")
        public void test_todo1() {}
    }

    @Todo("class")
    static final class SynchronousTodoClass extends SynchronousTestCase {
        @Todo("method")
        public void test_todo1() {}

        public void test_todo2() {}

        @Todo("method")
        public void test_todo3() {
            fail("Deliberate Failure");
        }

        public void test_todo4() {
            fail("Deliberate Failure");
        }
    }

    @Todo("class")
    static final class AsynchronousTodoClass extends TestCase {
        @Todo("method")
        public Deferred<Void> test_todo1() {
            return Defer.succeed(null);
        }

        public void test_todo2() {}

        @Todo("method")
        public Deferred<Void> test_todo3() {
            return Defer.fail(new FailTest("Deliberate Failure"));
        }

        public void test_todo4() {
            fail("Deliberate Failure");
        }
    }

    static final class SynchronousStrictTodo extends SynchronousTestCase {
        @Todo(value = "todo1", errors = RuntimeException.class)
        public void test_todo1() {
            throw new RuntimeException("expected failure");
        }

        @Todo(value = "todo2", errors = {RuntimeException.class, IOException.class})
        public void test_todo2() {
            throw new RuntimeException("expected failure");
        }

        @Todo(value = "todo3", errors = IOException.class)
        public void test_todo3() {
            throw new RuntimeException("we had no idea!");
        }

        @Todo(value = "todo4", errors = {IOException.class, LinkageError.class})
        public void test_todo4() {
            throw new RuntimeException("we had no idea!");
        }

        @Todo(value = "todo5", errors = FailTest.class)
        public void test_todo5() {
            fail("deliberate failure");
        }

        @Todo(value = "todo6", errors = RuntimeException.class)
        public void test_todo6() {
            fail("deliberate failure");
        }

        @Todo(value = "todo7", errors = RuntimeException.class)
        public void test_todo7() {}
    }

    static final class AsynchronousStrictTodo extends TestCase {
        @Todo(value = "todo1", errors = RuntimeException.class)
        public Deferred<Void> test_todo1() {
            return Defer.fail(new RuntimeException("expected failure"));
        }

        @Todo(value = "todo2", errors = {RuntimeException.class, IOException.class})
        public Deferred<Void> test_todo2() {
            return Defer.fail(new RuntimeException("expected failure"));
        }

        @Todo(value = "todo3", errors = IOException.class)
        public Deferred<Void> test_todo3() {
            return Defer.fail(new RuntimeException("we had no idea!"));
        }

        @Todo(value = "todo4", errors = {IOException.class, LinkageError.class})
        public Deferred<Void> test_todo4() {
            return Defer.fail(new RuntimeException("we had no idea!"));
        }

        @Todo(value = "todo5", errors = FailTest.class)
        public Deferred<Void> test_todo5() {
            return Defer.fail(new FailTest("deliberate failure"));
        }

        @Todo(value = "todo6", errors = RuntimeException.class)
        public void test_todo6() {
            fail("deliberate failure");
        }

        @Todo(value = "todo7", errors = RuntimeException.class)
        public Deferred<Void> test_todo7() {
            return Defer.succeed(null);
        }
    }

    /**
     * Records setUp, runTest, cleanups and tearDown in {@code log}. Python replaces
     * {@code self.setUp} with {@code brokenSetUp} or {@code skippingSetUp}; here {@code setUp}
     * runs whichever {@link #useSetUp} chose.
     */
    static class SynchronousAddCleanup extends SynchronousTestCase {
        List<String> log;
        ThrowingRunnable setUpImpl = this::normalSetUp;

        void useSetUp(ThrowingRunnable impl) {
            setUpImpl = impl;
        }

        void setUp() throws Throwable {
            setUpImpl.run();
        }

        void normalSetUp() {
            log = new ArrayList<>(List.of("setUp"));
        }

        void brokenSetUp() {
            log = new ArrayList<>(List.of("setUp"));
            throw new RuntimeException("Deliberate failure");
        }

        void skippingSetUp() {
            log = new ArrayList<>(List.of("setUp"));
            throw new SkipTest("Don't do this");
        }

        void append(String thing) {
            log.add(thing);
        }

        void tearDown() {
            log.add("tearDown");
        }

        @Override
        public void runTest() {
            log.add("runTest");
        }
    }

    /** The asynchronous AddCleanup; its tearDown returns a fired Deferred. */
    static class AsynchronousAddCleanup extends TestCase {
        List<String> log;
        ThrowingRunnable setUpImpl = this::normalSetUp;

        void useSetUp(ThrowingRunnable impl) {
            setUpImpl = impl;
        }

        void setUp() throws Throwable {
            setUpImpl.run();
        }

        void normalSetUp() {
            log = new ArrayList<>(List.of("setUp"));
        }

        void brokenSetUp() {
            log = new ArrayList<>(List.of("setUp"));
            throw new RuntimeException("Deliberate failure");
        }

        void skippingSetUp() {
            log = new ArrayList<>(List.of("setUp"));
            throw new SkipTest("Don't do this");
        }

        void append(String thing) {
            log.add(thing);
        }

        Deferred<Void> tearDown() {
            log.add("tearDown");
            return Defer.succeed(null);
        }

        @Override
        public void runTest() {
            log.add("runTest");
        }
    }
}
