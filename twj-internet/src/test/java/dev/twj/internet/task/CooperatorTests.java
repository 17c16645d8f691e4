package dev.twj.internet.task;

import static dev.twj.internet.task.DeferredAssertions.failureResultOf;
import static dev.twj.internet.task.DeferredAssertions.runUntilFired;
import static dev.twj.internet.task.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.defer.ITimedCall;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.internal.GlobalReactor;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Port of {@code twisted.test.test_cooperator.CooperatorTests}.
 *
 * <p>twj has no reactor yet: a {@link Clock} installed as the global reactor schedules the steps
 * of the default {@code Cooperator()}, and where trial would spin the reactor until the returned
 * Deferred fires, {@link DeferredAssertions#runUntilFired} runs the clock's calls until it does.
 * Generators are {@link Gen}s.
 */
@ExtendWith(FailOnLoggedErrors.class)
class CooperatorTests {
    static final String RESULT = "done";

    private Clock reactor;
    private IReactorTime previous;

    @BeforeEach
    void installReactor() {
        reactor = new Clock();
        previous = GlobalReactor.install(reactor);
    }

    @AfterEach
    void restoreReactor() {
        GlobalReactor.install(previous);
    }

    Object ebIter(Failure err) {
        err.trap(SchedulerStopped.class);
        return RESULT;
    }

    Object cbIter(Object ign) {
        fail();
        return null;
    }

    /** Test that Cooperators refuse new tasks when they have been stopped. */
    @Test
    public void testStoppedRejectsNewTasks() {
        List<Deferred<Iterator<Object>>> stuffs = new ArrayList<>();
        stuffs.add(null);
        stuffs.add(new Deferred<>());
        for (Deferred<Iterator<Object>> stuff : stuffs) {
            Cooperator c = new Cooperator();
            c.stop();
            Deferred<Iterator<Object>> d = c.coiterate(Collections.emptyIterator(), stuff);
            Deferred<Object> result = d.addCallback(this::cbIter).addErrback(this::ebIter);
            assertEquals(RESULT, successResultOf(result));
        }
    }

    /** Test that a running iterator will not run to completion when the cooperator is stopped. */
    @Test
    public void testStopRunning() {
        Cooperator c = new Cooperator();
        int[] value = {-1};

        Iterator<Integer> myiter = List.of(0, 1, 2).iterator();
        Deferred<Object> d = c.coiterate(myiter).addCallback(this::cbIter).addErrback(this::ebIter);
        c.stop();

        d.addCallback(result -> {
            assertEquals(RESULT, result);
            assertEquals(-1, value[0]);
            return null;
        });
        runUntilFired(reactor, d);
        successResultOf(d);
    }

    /**
     * An iterator run with {@code Cooperator.coiterate} paused on a {@code Deferred} yielded by
     * that iterator will fire its own {@code Deferred} (the one returned by {@code coiterate})
     * when {@code Cooperator.stop} is called.
     */
    @Test
    public void testStopOutstanding() {
        Deferred<Object> testControlD = new Deferred<>();
        Deferred<Object> outstandingD = new Deferred<>();

        Iterator<Object> myiter = Gen.of(i -> {
            if (i == 0) {
                reactor.callLater(0, () -> testControlD.callback(null));
                return outstandingD;
            }
            fail();
            return Gen.DONE;
        });

        Cooperator c = new Cooperator();
        Deferred<Iterator<Object>> d = c.coiterate(myiter);

        testControlD.addCallback(ign -> {
            c.stop();
            outstandingD.callback("arglebargle");
            return null;
        });
        Deferred<Object> result = d.addCallback(this::cbIter).addErrback(this::ebIter);

        runUntilFired(reactor, result);
        assertEquals(RESULT, successResultOf(result));
    }

    @Test
    public void testUnexpectedError() {
        Cooperator c = new Cooperator();

        Iterator<Object> myiter = Gen.of(i -> {
            throw new RuntimeException();
        });

        Deferred<Iterator<Object>> d = c.coiterate(myiter);
        runUntilFired(reactor, d);
        failureResultOf(d, RuntimeException.class);
    }

    @Test
    public void testUnexpectedErrorActuallyLater() {
        Iterator<Object> myiter = Gen.of(i -> {
            if (i > 0) {
                return Gen.DONE;
            }
            Deferred<Object> D = new Deferred<>();
            reactor.callLater(0, () -> D.errback(new RuntimeException()));
            return D;
        });

        Cooperator c = new Cooperator();
        Deferred<Iterator<Object>> d = c.coiterate(myiter);
        runUntilFired(reactor, d);
        failureResultOf(d, RuntimeException.class);
    }

    @Test
    public void testUnexpectedErrorNotActuallyLater() {
        Iterator<Object> myiter = Gen.of(i -> i > 0 ? Gen.DONE : Defer.fail(new RuntimeException()));

        Cooperator c = new Cooperator();
        Deferred<Iterator<Object>> d = c.coiterate(myiter);
        runUntilFired(reactor, d);
        failureResultOf(d, RuntimeException.class);
    }

    @Test
    public void testCooperation() {
        List<Object> L = new ArrayList<>();

        List<List<Object>> groupsOfThings =
                List.of(List.of("a", "b", "c"), List.of(1, 2, 3), List.of("d", "e", "f"), List.of(4, 5, 6));

        Cooperator c = new Cooperator();
        List<Deferred<Iterator<Object>>> tasks = new ArrayList<>();
        for (List<Object> stuff : groupsOfThings) {
            Iterator<Object> things = stuff.iterator();
            tasks.add(c.coiterate(Gen.of(i -> {
                if (!things.hasNext()) {
                    return Gen.DONE;
                }
                L.add(things.next());
                return null;
            })));
        }

        // DeferredList(tasks): wait for every one of them.
        for (Deferred<Iterator<Object>> task : tasks) {
            runUntilFired(reactor, task);
            successResultOf(task);
        }
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (List<Object> group : groupsOfThings) {
                expected.add(group.get(i));
            }
        }
        assertEquals(expected, L);
    }

    @Test
    public void testResourceExhaustion() {
        List<Integer> output = new ArrayList<>();
        boolean[] stopped = {false};

        Iterator<Integer> myiter = Gen.of(i -> {
            if (i >= 100) {
                return Gen.DONE;
            }
            output.add(i);
            if (i == 9) {
                stopped[0] = true;
            }
            return i;
        });

        Supplier<BooleanSupplier> tpf = () -> () -> stopped[0];

        Cooperator c = new Cooperator(tpf, Cooperator::defaultScheduler, true);
        c.coiterate(myiter).<Object>addCallback(r -> r).addErrback(this::ebIter);
        c.delayedCall().cancel();
        // testing a private method because only the test case will ever care about this, so we
        // have to carefully clean up after ourselves.
        c.tick();
        c.stop();
        assertTrue(stopped[0]);
        assertEquals(IntStream.range(0, 10).boxed().toList(), output);
    }

    /**
     * If a callback to a deferred returned by coiterate calls coiterate on the same Cooperator, we
     * should make sure to only do the minimal amount of scheduling work. (This test was added to
     * demonstrate a specific bug that was found while writing the scheduler.)
     */
    @Test
    public void testCallbackReCoiterate() {
        List<FakeCall> calls = new ArrayList<>();

        Cooperator c = new Cooperator(() -> () -> true, f -> {
            assertTrue(calls.isEmpty(), calls.toString());
            calls.add(new FakeCall(f));
            return calls.get(calls.size() - 1);
        }, true);
        Deferred<Iterator<Object>> d = c.coiterate(Collections.emptyIterator());

        List<Object> done = new ArrayList<>();

        d.addCallback(ign -> {
            c.coiterate(Collections.emptyIterator()).addBoth(done::add);
            return null;
        });

        int work = 0;
        while (done.isEmpty()) {
            work += 1;
            while (!calls.isEmpty()) {
                calls.remove(0).func.run();
                work += 1;
            }
            if (work > 50) {
                fail("Cooperator took too long");
            }
        }
    }

    /** The scheduled call of testCallbackReCoiterate: only a function, which cannot be cancelled. */
    private static final class FakeCall implements ITimedCall {
        final Runnable func;

        FakeCall(Runnable func) {
            this.func = func;
        }

        @Override
        public boolean active() {
            return true;
        }

        @Override
        public void cancel() {
            // Twisted's FakeCall has no cancel method: calling it is an AttributeError.
            throw new UnsupportedOperationException("FakeCall has no cancel");
        }

        @Override
        public String toString() {
            return "<FakeCall " + func + ">";
        }
    }

    /**
     * If the last task in a Cooperator is removed, the scheduled call for the next tick is
     * cancelled, since it is no longer necessary.
     *
     * <p>This behavior is useful for tests that want to assert they have left no reactor state
     * behind when they're done.
     */
    @Test
    public void test_removingLastTaskStopsScheduledCall() {
        FakeDelayedCall[] calls = {null};

        Cooperator coop = new Cooperator(Cooperator.Timer::new, f -> {
            calls[0] = new FakeDelayedCall(f);
            return calls[0];
        }, true);

        // Add two task; this should schedule the tick:
        CooperativeTask<Integer> task1 = coop.cooperate(List.of(1, 2).iterator());
        CooperativeTask<Integer> task2 = coop.cooperate(List.of(1, 2).iterator());
        assertSame(coop.tickFunction(), calls[0].func);

        // Remove first task; scheduled call should still be going:
        task1.stop();
        assertFalse(calls[0].cancelled);
        assertSame(calls[0], coop.delayedCall());

        // Remove second task; scheduled call should be cancelled:
        task2.stop();
        assertTrue(calls[0].cancelled);
        assertNull(coop.delayedCall());

        // Add another task; scheduled call will be recreated:
        coop.cooperate(List.of(1, 2).iterator());
        assertFalse(calls[0].cancelled);
        assertSame(calls[0], coop.delayedCall());
    }

    /** {@code Cooperator.running} reports true if the Cooperator was started on creation. */
    @Test
    public void test_runningWhenStarted() {
        Cooperator c = new Cooperator();
        assertTrue(c.running());
    }

    /** {@code Cooperator.running} reports false if the Cooperator has not been started. */
    @Test
    public void test_runningWhenNotStarted() {
        Cooperator c = new Cooperator(Cooperator.Timer::new, Cooperator::defaultScheduler, false);
        assertFalse(c.running());
    }

    /** {@code Cooperator.running} reports true when the Cooperator is running. */
    @Test
    public void test_runningWhenRunning() {
        Cooperator c = new Cooperator(Cooperator.Timer::new, Cooperator::defaultScheduler, false);
        c.start();
        try {
            assertTrue(c.running());
        } finally {
            c.stop();
        }
    }

    /** {@code Cooperator.running} reports false after the Cooperator has been stopped. */
    @Test
    public void test_runningWhenStopped() {
        Cooperator c = new Cooperator(Cooperator.Timer::new, Cooperator::defaultScheduler, false);
        c.start();
        c.stop();
        assertFalse(c.running());
    }
}
