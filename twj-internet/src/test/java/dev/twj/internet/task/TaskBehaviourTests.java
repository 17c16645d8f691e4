package dev.twj.internet.task;

import static dev.twj.internet.task.DeferredAssertions.assertNoResult;
import static dev.twj.internet.task.DeferredAssertions.failureResultOf;
import static dev.twj.internet.task.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.base.DelayedCall;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.AlreadyCalled;
import dev.twj.internet.error.AlreadyCancelled;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.internal.GlobalReactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Java-only tests of the corners of Clock, DelayedCall, LoopingCall, deferLater and Cooperator. */
@ExtendWith(FailOnLoggedErrors.class)
class TaskBehaviourTests {
    private static final Runnable NOTHING = () -> {};

    /** A Runnable with a name, for toString tests. */
    private static Runnable named(String name, Runnable r) {
        return new Runnable() {
            @Override
            public void run() {
                r.run();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    // --- errors and DelayedCall ---

    @Test
    public void alreadyCalledAndAlreadyCancelledCarryTwistedsMessages() {
        assertEquals("Tried to cancel an already-called event.", new AlreadyCalled().getMessage());
        assertEquals("Tried to cancel an already-cancelled event: x y.", new AlreadyCancelled("x y").getMessage());
        assertTrue(new AlreadyCalled() instanceof IllegalArgumentException);
    }

    @Test
    public void cancelResetAndDelayOfACancelledCallThrowAlreadyCancelled() {
        Clock c = new Clock();
        IDelayedCall call = c.callLater(1, NOTHING);
        call.cancel();
        assertThrows(AlreadyCancelled.class, call::cancel);
        assertThrows(AlreadyCancelled.class, () -> call.reset(1));
        assertThrows(AlreadyCancelled.class, () -> call.delay(1));
        assertTrue(c.getDelayedCalls().isEmpty());
    }

    @Test
    public void resetAndDelayOfACalledCallThrowAlreadyCalled() {
        Clock c = new Clock();
        IDelayedCall call = c.callLater(1, NOTHING);
        c.advance(1);
        assertThrows(AlreadyCalled.class, () -> call.reset(1));
        assertThrows(AlreadyCalled.class, () -> call.delay(1));
    }

    @Test
    public void delayedCallKeepsALaterResetAsDelayAndAnEarlierOneAsTimeCallingTheResetter() {
        List<DelayedCall> resets = new ArrayList<>();
        double[] now = {10};
        DelayedCall call = new DelayedCall(15, NOTHING, c -> {}, resets::add, () -> now[0]);
        call.reset(7);
        assertEquals(15, call.time());
        assertEquals(2, call.delayedTime());
        assertEquals(17, call.getTime());
        assertTrue(resets.isEmpty());
        call.reset(1);
        assertEquals(11, call.time());
        assertEquals(0, call.delayedTime());
        assertEquals(List.of(call), resets);
        call.delay(-2);
        assertEquals(9, call.time());
        assertEquals(2, resets.size());
    }

    @Test
    public void delayedCallsCompareByTimeWithoutTheirDelay() {
        DelayedCall a = new DelayedCall(1, NOTHING, c -> {}, c -> {}, () -> 0);
        DelayedCall b = new DelayedCall(2, NOTHING, c -> {}, c -> {}, () -> 0);
        a.delay(5);
        assertTrue(a.compareTo(b) < 0);
        assertTrue(b.compareTo(a) > 0);
    }

    @Test
    public void delayedCallToStringIsTwistedsRepr() {
        Clock c = new Clock();
        IDelayedCall call = c.callLater(1.5, named("f", NOTHING));
        String hex = Integer.toHexString(System.identityHashCode(call));
        assertEquals("<DelayedCall 0x" + hex + " [1.5s] called=0 cancelled=0 f()>", call.toString());
        call.cancel();
        assertEquals("<DelayedCall 0x" + hex + " [1.5s] called=0 cancelled=1>", call.toString());
    }

    @Test
    public void delayedCallInDebugModeShowsItsCreatorAndKeepsItsReprOnceCancelled() {
        boolean previous = DelayedCall.getDebug();
        DelayedCall.setDebug(true);
        try {
            IDelayedCall call = new Clock().callLater(1, named("f", NOTHING));
            String repr = call.toString();
            assertTrue(repr.contains("traceback at creation:"), repr);
            assertTrue(repr.contains("delayedCallInDebugModeShowsItsCreator"), repr);
            assertFalse(repr.contains("Clock.callLater"), repr);
            call.cancel();
            // Taken when cancelled, so the function, gone from a plain repr, still shows.
            String cancelled = call.toString();
            assertTrue(cancelled.contains("cancelled=1 f()"), cancelled);
            assertTrue(cancelled.contains("traceback at creation:"), cancelled);
        } finally {
            DelayedCall.setDebug(previous);
        }
    }

    // --- Clock ---

    @Test
    public void clockRunsACallScheduledWithZeroDelayDuringAdvanceInTheSameAdvance() {
        Clock clock = new Clock();
        List<String> ran = new ArrayList<>();
        clock.callLater(1, () -> {
            ran.add("first");
            clock.callLater(0, () -> ran.add("second"));
        });
        clock.advance(1);
        assertEquals(List.of("first", "second"), ran);
    }

    @Test
    public void clockRunsACallScheduledDuringAdvanceOnlyIfItIsDue() {
        Clock clock = new Clock();
        List<String> ran = new ArrayList<>();
        clock.callLater(1, () -> clock.callLater(0.5, () -> ran.add("later")));
        clock.advance(1);
        assertEquals(List.of(), ran);
        clock.advance(0.5);
        assertEquals(List.of("later"), ran);
    }

    @Test
    public void clockRunsCallsDueAtTheSameTimeInTheOrderTheyWereScheduled() {
        Clock clock = new Clock();
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            clock.callLater(i % 2 == 0 ? 1 : 2, () -> ran.add(n));
        }
        clock.advance(5);
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19), ran);
    }

    @Test
    public void anExceptionFromACallPropagatesOutOfAdvanceAndLaterCallsStayPending() {
        Clock clock = new Clock();
        List<String> ran = new ArrayList<>();
        clock.callLater(1, () -> {
            throw new TestException("boom");
        });
        IDelayedCall later = clock.callLater(2, () -> ran.add("later"));
        TestException e = assertThrows(TestException.class, () -> clock.advance(3));
        assertEquals("boom", e.getMessage());
        assertEquals(List.of(later), clock.getDelayedCalls());
        clock.advance(0);
        assertEquals(List.of("later"), ran);
    }

    @Test
    public void clockAcceptsANegativeDelayAndRunsTheCallOnTheNextAdvance() {
        Clock clock = new Clock();
        List<String> ran = new ArrayList<>();
        IDelayedCall call = clock.callLater(-1, () -> ran.add("ran"));
        assertEquals(-1, call.getTime());
        clock.advance(0);
        assertEquals(List.of("ran"), ran);
    }

    @Test
    public void getDelayedCallsIsALiveReadOnlyView() {
        Clock clock = new Clock();
        List<IDelayedCall> calls = clock.getDelayedCalls();
        IDelayedCall call = clock.callLater(1, NOTHING);
        assertEquals(List.of(call), calls);
        assertThrows(UnsupportedOperationException.class, () -> calls.remove(0));
        call.cancel();
        assertTrue(calls.isEmpty());
    }

    @Test
    public void setRightNowMovesTimeWithoutRunningCalls() {
        Clock clock = new Clock();
        List<String> ran = new ArrayList<>();
        clock.callLater(1, () -> ran.add("ran"));
        clock.setRightNow(5);
        assertEquals(5, clock.rightNow());
        assertEquals(List.of(), ran);
        clock.advance(0);
        assertEquals(List.of("ran"), ran);
    }

    // --- LoopingCall ---

    @Test
    public void loopingCallSkipsMissedTicksAfterItsDeferredFiresLate() {
        // Interval 1 and f's Deferred fires at 3.5: the next call is at 4.0.
        Clock clock = new Clock();
        List<Double> times = new ArrayList<>();
        Deferred<Object> d = new Deferred<>();
        LoopingCall lc = LoopTests.testableLoopingCall(clock, () -> {
            times.add(clock.seconds());
            return times.size() == 1 ? d : null;
        });
        lc.start(1);
        clock.advance(3.5);
        d.callback(null);
        assertEquals(4.0, lc.call().getTime());
        clock.advance(0.5);
        assertEquals(List.of(0.0, 4.0), times);
    }

    @Test
    public void withCountPassesTheNumberOfElapsedIntervals() {
        // start(1, now=false), calls at t = 1.0, 4.2, 5.0: counts 1, 3, 1.
        Clock clock = new Clock();
        List<Integer> counts = new ArrayList<>();
        LoopingCall lc = LoopingCall.withCount(counts::add);
        lc.setClock(clock);
        lc.start(1, false);
        clock.advance(1.0);
        lc.call().reset(3.2);
        clock.advance(3.2);
        clock.advance(0.8);
        assertEquals(List.of(1, 3, 1), counts);
    }

    @Test
    public void stopWhileTheFunctionsDeferredIsOutstandingFiresStartsDeferredWhenItFires() {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>();
        LoopingCall lc = LoopTests.testableLoopingCall(clock, () -> d);
        Deferred<LoopingCall> done = lc.start(1);
        lc.stop();
        assertFalse(lc.running());
        assertNoResult(done);
        d.callback(null);
        assertSame(lc, successResultOf(done));
        assertTrue(clock.getDelayedCalls().isEmpty());
    }

    @Test
    public void resetWhileTheFunctionsDeferredIsOutstandingDoesNothing() {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>();
        LoopingCall lc = LoopTests.testableLoopingCall(clock, () -> d);
        lc.start(1);
        clock.advance(0.5);
        lc.reset();
        assertEquals(0.0, lc.starttime());
        assertNull(lc.call());
        d.callback(null);
        assertEquals(1.0, lc.call().getTime());
    }

    @Test
    public void runningIsFalseWhenStartsDeferredFires() {
        Clock clock = new Clock();
        LoopingCall lc = LoopTests.testableLoopingCall(clock, NOTHING);
        List<Boolean> runningWhenFired = new ArrayList<>();
        lc.start(1).addBoth(r -> runningWhenFired.add(lc.running()));
        lc.stop();
        assertEquals(List.of(false), runningWhenFired);

        LoopingCall failing = LoopTests.testableLoopingCall(clock, () -> {
            throw new TestException();
        });
        Deferred<LoopingCall> d = failing.start(1);
        assertFalse(failing.running());
        failureResultOf(d, TestException.class);
    }

    @Test
    public void startWhileRunningAndStopOrResetWhileStoppedThrowIllegalState() {
        Clock clock = new Clock();
        LoopingCall lc = LoopTests.testableLoopingCall(clock, NOTHING);
        assertThrows(IllegalStateException.class, lc::stop);
        assertThrows(IllegalStateException.class, lc::reset);
        lc.start(1);
        assertThrows(IllegalStateException.class, () -> lc.start(1));
        lc.stop();
    }

    @Test
    public void startWithoutAClockOrGlobalReactorThrowsIllegalState() {
        IReactorTime previous = GlobalReactor.install(null);
        try {
            LoopingCall lc = new LoopingCall(NOTHING);
            assertNull(lc.clock());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> lc.start(1));
            assertTrue(e.getMessage().contains("setClock"), e.getMessage());
            assertFalse(lc.running());
        } finally {
            GlobalReactor.install(previous);
        }
    }

    @Test
    public void loopingCallToStringShowsIntervalAndFunction() {
        LoopingCall lc = new LoopingCall(named("poll", NOTHING));
        assertEquals("LoopingCall<None>(poll)", lc.toString());
        lc.setClock(new Clock());
        lc.start(0.5);
        assertEquals("LoopingCall<0.5>(poll)", lc.toString());
        assertTrue(lc.call().toString().contains("LoopingCall<0.5>(poll)()"), lc.call().toString());
        lc.stop();
    }

    @Test
    public void intervalZeroLoopsWithinOneClockAdvanceUntilStopped() {
        // Clock.advance runs calls that become due while it runs, so a loop with interval 0 keeps
        // going inside one advance (a reactor would run it once per iteration).
        Clock clock = new Clock();
        List<Double> times = new ArrayList<>();
        LoopingCall[] lc = new LoopingCall[1];
        lc[0] = LoopTests.testableLoopingCall(clock, () -> {
            times.add(clock.seconds());
            if (times.size() == 4) {
                lc[0].stop();
            }
        });
        Deferred<LoopingCall> d = lc[0].start(0);
        assertEquals(0.0, lc[0].call().getTime());
        clock.advance(0);
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0), times);
        assertSame(lc[0], successResultOf(d));
    }

    // --- deferLater ---

    @Test
    public void deferLaterWaitsForADeferredReturnedByTheCallable() {
        Clock clock = new Clock();
        Deferred<String> inner = new Deferred<>();
        Deferred<Object> d = Task.deferLater(clock, 1, () -> inner);
        clock.advance(1);
        assertNoResult(d);
        inner.callback("inner");
        assertEquals("inner", successResultOf(d));
    }

    @Test
    public void cancellingDeferLaterAfterItFiredDoesNothing() {
        Clock clock = new Clock();
        Deferred<String> d = Task.deferLater(clock, 1, () -> "x");
        clock.advance(1);
        d.cancel();
        assertEquals("x", successResultOf(d));
    }

    // --- Cooperator ---

    @Test
    public void cooperatorOnAClockRunsItsTasksWhenTheClockAdvances() {
        Clock clock = new Clock();
        Cooperator c = new Cooperator(clock);
        Iterator<Integer> it = List.of(1, 2, 3).iterator();
        Deferred<Iterator<Integer>> d = c.coiterate(it);
        assertEquals(1, clock.getDelayedCalls().size());
        assertNoResult(d);
        clock.advance(1);
        assertSame(it, successResultOf(d));
        assertTrue(clock.getDelayedCalls().isEmpty());
    }

    @Test
    public void stopReachesEveryOtherRunningTaskAsTwistedDoes() {
        // Twisted's stop() walks _tasks while each failing task removes itself from it.
        FakeScheduler scheduler = new FakeScheduler();
        Cooperator c = new Cooperator(() -> () -> true, scheduler, true);
        List<Deferred<Iterator<Integer>>> ds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ds.add(c.coiterate(List.of(1, 2).iterator()));
        }
        c.stop();
        failureResultOf(ds.get(0), SchedulerStopped.class);
        assertNoResult(ds.get(1));
        failureResultOf(ds.get(2), SchedulerStopped.class);
        assertNoResult(ds.get(3));
        assertTrue(c.tasks().isEmpty());
    }

    @Test
    public void aPausedTaskFailsWithSchedulerStoppedWhenResumedAfterStop() {
        FakeScheduler scheduler = new FakeScheduler();
        Cooperator c = new Cooperator(() -> () -> true, scheduler, true);
        CooperativeTask<Integer> task = c.cooperate(List.of(1).iterator());
        Deferred<Iterator<Integer>> d = task.whenDone();
        task.pause();
        c.stop();
        assertNoResult(d);
        task.resume();
        failureResultOf(d, SchedulerStopped.class);
        assertThrows(SchedulerStopped.class, task::stop);
    }

    @Test
    public void aTaskNotStartedWaitsForStart() {
        FakeScheduler scheduler = new FakeScheduler();
        Cooperator c = new Cooperator(() -> () -> true, scheduler, false);
        Deferred<Iterator<Integer>> d = c.coiterate(Collections.emptyIterator());
        assertTrue(scheduler.work.isEmpty());
        c.start();
        assertEquals(1, scheduler.work.size());
        scheduler.pump();
        successResultOf(d);
    }

    @Test
    public void aDeferredElementIsConsumedAndLeftHoldingNull() {
        FakeScheduler scheduler = new FakeScheduler();
        Cooperator c = new Cooperator(() -> () -> true, scheduler, true);
        Deferred<String> element = new Deferred<>();
        Deferred<Iterator<Object>> d = c.coiterate(List.<Object>of(element).iterator());
        scheduler.pump();
        element.callback("value");
        assertNull(successResultOf(element));
        scheduler.pump();
        scheduler.pump();
        successResultOf(d);
    }

    @Test
    public void anIteratorWhoseHasNextOrNextThrowsFailsItsTask() {
        FakeScheduler scheduler = new FakeScheduler();
        Cooperator c = new Cooperator(() -> () -> true, scheduler, true);
        Iterator<Object> lying = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                throw new NoSuchElementException("lied");
            }
        };
        CooperativeTask<Object> task = c.cooperate(lying);
        Deferred<Iterator<Object>> d = task.whenDone();
        scheduler.pump();
        failureResultOf(d, NoSuchElementException.class);
        assertThrows(TaskFailed.class, task::pause);
    }

    @Test
    public void cooperateWithoutAGlobalReactorThrowsAndLeavesTheGlobalCooperatorAlone() {
        IReactorTime previous = GlobalReactor.install(null);
        try {
            int before = Task.theCooperator().tasks().size();
            assertThrows(IllegalStateException.class, () -> Task.cooperate(List.of(1).iterator()));
            assertThrows(IllegalStateException.class, () -> Task.coiterate(List.of(1).iterator()));
            assertEquals(before, Task.theCooperator().tasks().size());
        } finally {
            GlobalReactor.install(previous);
        }
    }
}
