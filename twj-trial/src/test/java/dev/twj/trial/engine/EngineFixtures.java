package dev.twj.trial.engine;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.logger.Logger;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.Skip;
import dev.twj.trial.unittest.SkipTest;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;
import dev.twj.trial.unittest.Timeout;
import dev.twj.trial.unittest.Todo;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample trial test cases that {@link TrialTestEngineBehaviourTests} runs through the engine. Their
 * names do not match Surefire's patterns, and nested classes are excluded, so Surefire does not
 * run them itself.
 */
final class EngineFixtures {
    private EngineFixtures() {}

    private static final Logger LOG = new Logger("dev.twj.trial.engine.EngineFixtures");

    /** What the fixtures did, in order. */
    static final List<String> log = new ArrayList<>();

    /** One test of every outcome. */
    static final class Sample extends SynchronousTestCase {
        public void test_pass() {
            assertEqual(1 + 1, 2);
        }

        public void test_fail() {
            assertEqual(1, 2);
        }

        public void test_error() {
            throw new IllegalStateException("deliberate error");
        }

        @Skip("not today")
        public void test_skip() {
            throw new IllegalStateException("a skipped test must not run");
        }

        public void test_skipTest() {
            throw new SkipTest("decided at run time");
        }

        @Todo("later")
        public void test_todoFails() {
            fail("deliberate failure");
        }

        @Todo("later")
        public void test_todoPasses() {}

        public void test_loggedError() {
            LOG.failure("oops", new Failure(new IllegalArgumentException("logged")));
        }

        public void test_loggedErrorFlushed() {
            LOG.failure("oops", new Failure(new IllegalArgumentException("logged")));
            assertEqual(flushLoggedErrors(IllegalArgumentException.class).size(), 1);
        }

        /** Not a test: it takes an argument. */
        public void testWithArgument(int ignored) {
            throw new IllegalStateException("not a test");
        }

        /** Not a test: its name does not start with "test". */
        public void helper() {
            throw new IllegalStateException("not a test");
        }

        /** Not a test: static. */
        public static void test_static() {
            throw new IllegalStateException("not a test");
        }
    }

    /** Every test of the class is skipped. */
    @Skip("whole class")
    static final class SkippedClass extends SynchronousTestCase {
        public void test_one() {
            throw new IllegalStateException("a skipped test must not run");
        }

        public void test_two() {
            throw new IllegalStateException("a skipped test must not run");
        }
    }

    /** Records the order of fixtures and cleanups. */
    static final class Ordering extends SynchronousTestCase {
        void setUp() {
            log.add("setUp");
            addCleanup(() -> log.add("cleanup1"));
        }

        public void test_b() {
            log.add("test_b");
            addCleanup(() -> log.add("cleanup2"));
        }

        public void test_a() {
            log.add("test_a");
        }

        void tearDown() {
            log.add("tearDown");
        }
    }

    /** A test, a cleanup and tearDown all fail: one result with all three. */
    static final class ManyErrors extends SynchronousTestCase {
        public void test_three() {
            addCleanup(() -> {
                throw new IllegalStateException("cleanup");
            });
            fail("test");
        }

        void tearDown() {
            throw new IllegalStateException("tearDown");
        }
    }

    /** Test methods that return Deferreds. */
    static final class Async extends TestCase {
        public Deferred<String> test_firedSuccess() {
            return Defer.succeed("ok");
        }

        public Deferred<String> test_firedFailure() {
            return Defer.fail(new IllegalStateException("failed Deferred"));
        }

        @Timeout(0.05)
        public Deferred<String> test_neverFired() {
            return new Deferred<>();
        }

        public Deferred<Throwable> test_assertFailure() {
            return assertFailure(Defer.fail(new IllegalStateException("x")),
                    IllegalStateException.class);
        }
    }

    /** Test methods whose Deferreds fire later, through the real reactor. */
    static final class Reactive extends TestCase {
        public Deferred<String> test_firesLater() {
            Deferred<String> d = new Deferred<>();
            Reactor.reactor().callLater(0.01, () -> d.callback("later"));
            return d.addCallback(r -> {
                assertEqual(r, "later");
                return r;
            });
        }

        public Deferred<String> test_setUpFiresLater() {
            assertEqual(log, List.of("setUp fired"));
            return Defer.succeed("ok");
        }

        Deferred<String> setUp() {
            log.clear();
            Deferred<String> d = new Deferred<>();
            Reactor.reactor().callLater(0.01, () -> {
                log.add("setUp fired");
                d.callback("ok");
            });
            return d;
        }

        @Timeout(0.05)
        public Deferred<String> test_timesOut() {
            Deferred<String> d = new Deferred<>();
            d.addErrback(f -> {
                log.add("errback " + f.type().getSimpleName());
                f.trap(Throwable.class);
                throw f.value() instanceof Exception x ? x : new RuntimeException(f.value());
            });
            return d;
        }
    }

    /** Tests that leave the reactor dirty, each followed by one that checks it is clean. */
    static final class Dirty extends TestCase {
        public void test_a_pendingCall() {
            Reactor.reactor().callLater(100, () -> {});
        }

        public void test_b_clean() {
            assertEqual(Reactor.reactor().getDelayedCalls(), List.of());
        }

        public void test_c_openPort() {
            Reactor.reactor().listenTCP(0, ServerFactory.forProtocol(Protocol::new), 50,
                    "127.0.0.1");
        }

        public void test_d_clean() {
            assertEqual(Reactor.reactor().getReaders(), List.of());
            assertEqual(Reactor.reactor().getWriters(), List.of());
        }
    }

    /** Inherits its tests. */
    abstract static class Base extends SynchronousTestCase {
        public void test_inherited() {}
    }

    /** A concrete subclass: test_inherited runs here. */
    static final class Concrete extends Base {
        public void test_own() {}
    }

    /** Has no tests: not discovered. */
    static final class NoTests extends SynchronousTestCase {
        public void helper() {}
    }
}
