package dev.twj.trial.test;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.trial.unittest.FailTest;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;

/**
 * Test cases with various interesting error-related behaviours. Port of the fixture part of
 * {@code twisted.trial.test.erroneous} used by the ported FixtureMixin tests.
 */
final class Erroneous {
    private Erroneous() {}

    static final class FoolishError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FoolishError(String message) {
            super(message);
        }
    }

    static final class SynchronousTestFailureInSetUp extends SynchronousTestCase {
        void setUp() {
            throw new FoolishError("I am a broken setUp method");
        }

        public void test_noop() {}
    }

    static final class AsynchronousTestFailureInSetUp extends TestCase {
        Deferred<Void> setUp() {
            return Defer.fail(new FoolishError("I am a broken setUp method"));
        }

        public void test_noop() {}
    }

    static final class SynchronousTestFailureInTearDown extends SynchronousTestCase {
        void tearDown() {
            throw new FoolishError("I am a broken tearDown method");
        }

        public void test_noop() {}
    }

    static final class AsynchronousTestFailureInTearDown extends TestCase {
        Deferred<Void> tearDown() {
            return Defer.fail(new FoolishError("I am a broken tearDown method"));
        }

        public void test_noop() {}
    }

    /** A test fails, but its tearDown still runs. */
    static final class SynchronousTestFailureButTearDownRuns extends SynchronousTestCase {
        boolean tornDown;

        void tearDown() {
            tornDown = true;
        }

        /** A test that fails. */
        public void test_fails() {
            throw new FoolishError("I am a broken test");
        }
    }

    /** A test fails, but its tearDown still runs. */
    static final class AsynchronousTestFailureButTearDownRuns extends TestCase {
        boolean tornDown;

        Deferred<Void> tearDown() {
            tornDown = true;
            return Defer.succeed(null);
        }

        /** A test that fails. */
        public Deferred<Void> test_fails() {
            return Defer.fail(new FoolishError("I am a broken test"));
        }
    }

    /** Leaves a delayed call pending: Twisted's {@code erroneous.ReactorCleanupTests}. */
    static final class ReactorCleanupTests extends TestCase {
        public void test_leftoverPendingCalls() {
            Reactor.reactor().callLater(10000.0, () -> System.out.println("foo!"));
        }
    }

    /** Leaves a listening port open: Twisted's {@code erroneous.SocketOpenTest}. */
    static final class SocketOpenTest extends TestCase {
        public void test_socketsLeftOpen() {
            Factory f = Factory.forProtocol(Protocol::new);
            Reactor.reactor().listenTCP(0, f, 50, "");
        }
    }

    /** A test that fails, directly and in a subroutine: Twisted's {@code erroneous.TestRegularFail}. */
    static final class TestRegularFail extends SynchronousTestCase {
        public void test_fail() {
            fail("I fail");
        }

        public void test_subfail() {
            subroutine();
        }

        void subroutine() {
            fail("I fail inside");
        }
    }

    /** Tests that fail asynchronously: Twisted's {@code erroneous.TestAsynchronousFail}. */
    static final class TestAsynchronousFail extends TestCase {
        public Deferred<Object> test_fail() {
            Deferred<Object> d = dev.twj.internet.task.Task.deferLater(Reactor.reactor(), 0,
                    () -> null);
            d.addCallback(ignored -> {
                throw fail("I fail later");
            });
            return d;
        }

        public void test_exception() {
            throw new FailTest("I fail");
        }
    }
}
