package dev.twj.trial.test;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.FailTest;
import dev.twj.trial.unittest.Skip;
import dev.twj.trial.unittest.SkipTest;
import dev.twj.trial.unittest.TestCase;
import dev.twj.trial.unittest.Timeout;
import dev.twj.trial.unittest.Todo;

/**
 * Test cases for Deferred handling by {@link TestCase}. Port of the fixtures of
 * {@code twisted.trial.test.detests} that need no reactor: only Deferreds that have fired by the
 * time the method returns.
 */
final class Detests {
    private Detests() {}

    static final class DeferredSetUpOK extends TestCase {
        boolean setUpCalled;

        Deferred<Void> setUp() {
            Deferred<String> d = Defer.succeed("value");
            return d.addCallback(this::cbSetUpCalled);
        }

        private Void cbSetUpCalled(String ignored) {
            setUpCalled = true;
            return null;
        }

        public void test_ok() {
            assertTrue(setUpCalled);
        }
    }

    static final class DeferredSetUpFail extends TestCase {
        static boolean testCalled;

        Deferred<Void> setUp() {
            return Defer.fail(new FailTest("i fail"));
        }

        public void test_ok() {
            testCalled = true;
            fail("I should not get called");
        }
    }

    static final class DeferredSetUpCallbackFail extends TestCase {
        static boolean testCalled;

        Deferred<Void> setUp() {
            Deferred<String> d = Defer.succeed("value");
            return d.addCallback(this::cbSetUpCalled);
        }

        private Void cbSetUpCalled(String ignored) {
            throw fail("deliberate failure");
        }

        public void test_ok() {
            testCalled = true;
        }
    }

    static final class DeferredSetUpError extends TestCase {
        static boolean testCalled;

        Deferred<Void> setUp() {
            return Defer.fail(new RuntimeException("deliberate error"));
        }

        public void test_ok() {
            testCalled = true;
        }
    }

    static final class DeferredSetUpSkip extends TestCase {
        static boolean testCalled;

        Deferred<Void> setUp() {
            Deferred<String> d = Defer.succeed("value");
            return d.addCallback(this::cb1);
        }

        private Void cb1(String ignored) {
            throw new SkipTest("skip me");
        }

        public void test_ok() {
            testCalled = true;
        }
    }

    static final class DeferredTests extends TestCase {
        static boolean touched;

        private Void cbFail(String reason) {
            throw fail(reason);
        }

        private Void cbError(String reason) {
            throw new RuntimeException(reason);
        }

        private Void cbSkip(String reason) {
            throw new SkipTest(reason);
        }

        private Void touchClass(Object ignored) {
            touched = true;
            return null;
        }

        void setUp() {
            touched = false;
        }

        public Deferred<String> test_pass() {
            return Defer.succeed("success");
        }

        public Deferred<String> test_fail() {
            return Defer.fail(new FailTest("I fail"));
        }

        public Deferred<Void> test_failureInCallback() {
            Deferred<String> d = Defer.succeed("fail");
            return d.addCallback(this::cbFail);
        }

        public Deferred<Void> test_errorInCallback() {
            Deferred<String> d = Defer.succeed("error");
            return d.addCallback(this::cbError);
        }

        public Deferred<Void> test_skip() {
            Deferred<String> d = Defer.succeed("skip");
            return d.addCallback(this::cbSkip).addCallback(this::touchClass);
        }

        @Todo("Expected failure")
        public Deferred<Void> test_expectedFailure() {
            Deferred<String> d = Defer.succeed("todo");
            return d.addCallback(this::cbError);
        }
    }

    /** Fixtures of {@code test_deferred.TimeoutTests}: Twisted's {@code detests.TimeoutTests}. */
    static final class TimeoutTests extends TestCase {
        static Failure timedOut;

        @Timeout(2)
        public Deferred<String> test_pass() {
            Deferred<String> d = new Deferred<>();
            Reactor.reactor().callLater(0, () -> d.callback("hoorj!"));
            return d;
        }

        public Deferred<String> test_passDefault() {
            // test default timeout
            Deferred<String> d = new Deferred<>();
            Reactor.reactor().callLater(0, () -> d.callback("hoorj!"));
            return d;
        }

        @Timeout(0.1)
        public Deferred<String> test_timeout() {
            return new Deferred<>();
        }

        @Timeout(0)
        public Deferred<String> test_timeoutZero() {
            return new Deferred<>();
        }

        @Timeout(0.1)
        @Todo("i will get it right, eventually")
        public Deferred<String> test_expectedFailure() {
            return new Deferred<>();
        }

        @Timeout(0.1)
        @Skip("i will get it right, eventually")
        public Deferred<String> test_skip() {
            return new Deferred<>();
        }

        @Timeout(0.1)
        public Deferred<String> test_errorPropagation() {
            Deferred<String> d = new Deferred<>();
            d.addErrback(err -> {
                timedOut = err;
                err.trap(Throwable.class);
                throw (Exception) err.value();
            });
            return d;
        }

        @Timeout(0.1)
        public Deferred<Object> test_calledButNeverCallback() {
            Deferred<Object> d = new Deferred<>();
            d.addCallbackDeferred(r -> new Deferred<Object>());
            d.callback(1);
            return d;
        }
    }

    /** A class-wide timeout: Twisted's {@code detests.TestClassTimeoutAttribute}. */
    @Timeout(0.2)
    static final class TestClassTimeoutAttribute extends TestCase {
        Deferred<String> d;
        boolean methodCalled;

        void setUp() {
            d = new Deferred<>();
        }

        public Deferred<String> testMethod() {
            methodCalled = true;
            return d;
        }
    }

    /**
     * A setUp whose Deferred never fires: Twisted's {@code detests.DeferredSetUpNeverFire}. The
     * class timeout stands for {@code NeverFireTests} patching {@code DEFAULT_TIMEOUT_DURATION}
     * to 0.1 (a constant in Java).
     */
    @Timeout(0.1)
    static final class DeferredSetUpNeverFire extends TestCase {
        static boolean testCalled;

        Deferred<String> setUp() {
            return new Deferred<>();
        }

        public void test_ok() {
            testCalled = true;
        }
    }
}
