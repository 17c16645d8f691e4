package dev.twj.internet.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests to verify the behavior of {@code CooperativeTask.pause}, {@code CooperativeTask.resume},
 * {@code CooperativeTask.stop}, exhausting the underlying iterator, and their interactions with
 * each other. Port of {@code twisted.test.test_cooperator.RunStateTests}.
 */
@ExtendWith(FailOnLoggedErrors.class)
class RunStateTests {
    /** An exception that should go unhandled. */
    static final class UnhandledException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private boolean doDeferNext;
    private boolean doStopNext;
    private boolean doDieNext;
    private List<Object> work;
    private FakeScheduler scheduler;
    private Cooperator cooperator;
    private CooperativeTask<Object> task;

    /**
     * Create a cooperator with a fake scheduler and a termination predicate that ensures only one
     * unit of work will take place per tick.
     */
    @BeforeEach
    void setUp() {
        doDeferNext = false;
        doStopNext = false;
        doDieNext = false;
        work = new ArrayList<>();
        scheduler = new FakeScheduler();
        // Always stop after one iteration of work (return a function which returns a function
        // which always returns True)
        cooperator = new Cooperator(() -> () -> true, scheduler, true);
        task = cooperator.cooperate(worker());
        cooperator.start();
    }

    /**
     * This is a sample generator which yields Deferreds when we are testing deferral and an
     * ascending integer count otherwise.
     */
    private Iterator<Object> worker() {
        return Gen.of(n -> {
            int i = n + 1;
            if (doDeferNext) {
                doDeferNext = false;
                Deferred<Object> d = new Deferred<>();
                work.add(d);
                return d;
            } else if (doStopNext) {
                return Gen.DONE;
            } else if (doDieNext) {
                throw new UnhandledException();
            } else {
                work.add(i);
                return i;
            }
        });
    }

    /**
     * Drop references to interesting parts of the fixture to allow Deferred errors to be noticed
     * when things start failing.
     */
    @AfterEach
    void tearDown() {
        task = null;
        scheduler = null;
    }

    /** Defer the next result from my worker iterator. */
    private void deferNext() {
        doDeferNext = true;
    }

    /** Make the next result from my worker iterator be completion (raising StopIteration). */
    private void stopNext() {
        doStopNext = true;
    }

    /** Make the next result from my worker iterator be raising an {@link UnhandledException}. */
    private void dieNext() {
        doDieNext = true;
    }

    /**
     * Cooperators should stop running their tasks when they're paused, and start again when
     * they're resumed.
     */
    @Test
    public void test_pauseResume() {
        // first, sanity check
        scheduler.pump();
        assertEquals(List.of(1), work);
        scheduler.pump();
        assertEquals(List.of(1, 2), work);

        // OK, now for real
        task.pause();
        scheduler.pump();
        assertEquals(List.of(1, 2), work);
        task.resume();
        // Resuming itself shoult not do any work
        assertEquals(List.of(1, 2), work);
        scheduler.pump();
        // But when the scheduler rolls around again...
        assertEquals(List.of(1, 2, 3), work);
    }

    /**
     * {@code CooperativeTask.resume} should raise a {@code NotPaused} exception if it was not
     * paused; e.g. if {@code CooperativeTask.pause} was not invoked more times than
     * {@code CooperativeTask.resume} on that object.
     */
    @Test
    public void test_resumeNotPaused() {
        assertThrows(NotPaused.class, task::resume);
        task.pause();
        task.resume();
        assertThrows(NotPaused.class, task::resume);
    }

    /**
     * Pauses on tasks should behave like a stack. If a task is paused twice, it needs to be
     * resumed twice.
     */
    @Test
    public void test_pauseTwice() {
        // pause once
        task.pause();
        scheduler.pump();
        assertEquals(List.of(), work);
        // pause twice
        task.pause();
        scheduler.pump();
        assertEquals(List.of(), work);
        // resume once (it shouldn't)
        task.resume();
        scheduler.pump();
        assertEquals(List.of(), work);
        // resume twice (now it should go)
        task.resume();
        scheduler.pump();
        assertEquals(List.of(1), work);
    }

    /**
     * {@code pause()}ing a task while it is waiting on an outstanding {@code Deferred} should put
     * the task into a state where the outstanding {@code Deferred} must be called back <i>and</i>
     * the task is {@code resume}d before it will continue processing.
     */
    @Test
    public void test_pauseWhileDeferred() {
        deferNext();
        scheduler.pump();
        assertEquals(1, work.size());
        assertTrue(work.get(0) instanceof Deferred);
        scheduler.pump();
        assertEquals(1, work.size());
        task.pause();
        scheduler.pump();
        assertEquals(1, work.size());
        task.resume();
        scheduler.pump();
        assertEquals(1, work.size());
        @SuppressWarnings("unchecked")
        Deferred<Object> d = (Deferred<Object>) work.get(0);
        d.callback("STUFF!");
        scheduler.pump();
        assertEquals(2, work.size());
        assertEquals(2, work.get(1));
    }

    /**
     * {@code CooperativeTask.whenDone} returns a Deferred which fires when the Cooperator's
     * iterator is exhausted. It returns a new Deferred each time it is called; callbacks added to
     * other invocations will not modify the value that subsequent invocations will fire with.
     */
    @Test
    public void test_whenDone() {
        Deferred<Iterator<Object>> deferred1 = task.whenDone();
        Deferred<Iterator<Object>> deferred2 = task.whenDone();
        List<Object> results1 = new ArrayList<>();
        List<Object> results2 = new ArrayList<>();
        List<Object> final1 = new ArrayList<>();
        List<Object> final2 = new ArrayList<>();

        deferred1.addCallback(result -> {
            results1.add(result);
            return 1;
        }).addCallback(final1::add);
        deferred2.addCallback(result -> {
            results2.add(result);
            return 2;
        }).addCallback(final2::add);

        // exhaust the task iterator
        // callbacks fire
        stopNext();
        scheduler.pump();

        assertEquals(1, results1.size());
        assertEquals(1, results2.size());

        assertSame(task.iterator(), results1.get(0));
        assertSame(task.iterator(), results2.get(0));

        assertEquals(List.of(1), final1);
        assertEquals(List.of(2), final2);
    }

    /**
     * {@code CooperativeTask.whenDone} returns a {@code Deferred} that will fail when the
     * iterable's {@code next} method raises an exception, with that exception.
     */
    @Test
    public void test_whenDoneError() {
        Deferred<Iterator<Object>> deferred1 = task.whenDone();
        List<Failure> results = new ArrayList<>();
        deferred1.addErrback(f -> {
            results.add(f);
            return null;
        });
        dieNext();
        scheduler.pump();
        assertEquals(1, results.size());
        assertEquals(UnhandledException.class, results.get(0).check(UnhandledException.class));
    }

    /**
     * {@code CooperativeTask.whenDone} returns a {@code Deferred} that fails with
     * {@code TaskStopped} when the {@code stop} method is called on that {@code CooperativeTask}.
     */
    @Test
    public void test_whenDoneStop() {
        Deferred<Iterator<Object>> deferred1 = task.whenDone();
        List<Failure> errors = new ArrayList<>();
        deferred1.addErrback(f -> {
            errors.add(f);
            return null;
        });
        task.stop();
        assertEquals(1, errors.size());
        assertEquals(TaskStopped.class, errors.get(0).check(TaskStopped.class));
    }

    /**
     * {@code CooperativeTask.whenDone} will return a {@code Deferred} that will succeed
     * immediately if its iterator has already completed.
     */
    @Test
    public void test_whenDoneAlreadyDone() {
        stopNext();
        scheduler.pump();
        List<Object> results = new ArrayList<>();
        task.whenDone().addCallback(results::add);
        assertEquals(List.of(task.iterator()), results);
    }

    /**
     * {@code stop()}ping a task should cause it to be removed from the run just as
     * {@code pause()}ing, with the distinction that {@code resume()} will raise a
     * {@code TaskStopped} exception.
     */
    @Test
    public void test_stopStops() {
        task.stop();
        scheduler.pump();
        assertEquals(0, work.size());
        assertThrows(TaskStopped.class, task::stop);
        assertThrows(TaskStopped.class, task::pause);
        // Sanity check - it's still not scheduled, is it?
        scheduler.pump();
        assertEquals(List.of(), work);
    }

    /**
     * {@code resume()}ing a paused, stopped task should be a no-op; it should not raise an
     * exception, because it's paused, but neither should it actually do more work from the task.
     */
    @Test
    public void test_pauseStopResume() {
        task.pause();
        task.stop();
        task.resume();
        scheduler.pump();
        assertEquals(List.of(), work);
    }

    /**
     * As a corrolary of the interaction of {@code pause()} and {@code unpause()}, {@code stop()}ping
     * a task which is waiting on a {@code Deferred} should cause the task to gracefully shut down,
     * meaning that it should not be unpaused when the deferred fires.
     */
    @Test
    public void test_stopDeferred() {
        deferNext();
        scheduler.pump();
        @SuppressWarnings("unchecked")
        Deferred<Object> d = (Deferred<Object>) work.remove(work.size() - 1);
        assertEquals(1, task.pauseCount());
        List<Object> results = new ArrayList<>();
        d.addBoth(results::add);
        scheduler.pump();
        task.stop();
        scheduler.pump();
        d.callback(7);
        scheduler.pump();
        // Let's make sure that Deferred doesn't come out fried with an unhandled error that will
        // be logged. The value is None, rather than our test value, 7, because this Deferred is
        // returned to and consumed by the cooperator code. Its callback therefore has no contract.
        assertEquals(Collections.singletonList(null), results);
        // But more importantly, no further work should have happened.
        assertEquals(List.of(), work);
    }

    /**
     * {@code stop()}ping a {@code CooperativeTask} whose iterator has been exhausted should raise
     * {@code TaskDone}.
     */
    @Test
    public void test_stopExhausted() {
        stopNext();
        scheduler.pump();
        assertThrows(TaskDone.class, task::stop);
    }

    /**
     * {@code stop()}ping a {@code CooperativeTask} whose iterator has encountered an error should
     * raise {@code TaskFailed}.
     */
    @Test
    public void test_stopErrored() {
        dieNext();
        scheduler.pump();
        assertThrows(TaskFailed.class, task::stop);
    }

    /**
     * If a callback of a {@code Deferred} from {@code CooperativeTask.whenDone} calls
     * {@code Cooperator.stop} on its {@code CooperativeTask._cooperator}, the {@code Cooperator}
     * will stop, but the {@code CooperativeTask} whose callback is calling {@code stop} should
     * already be considered 'stopped' by the time the callback is running, and therefore removed
     * from the {@code CoooperativeTask}.
     */
    @Test
    public void test_stopCooperatorReentrancy() {
        List<Object> callbackPhases = new ArrayList<>();

        task.whenDone().addCallback(result -> {
            callbackPhases.add(result);
            cooperator.stop();
            // "done" here is a sanity check to make sure that we get all the way through the
            // callback; i.e. stop() shouldn't be raising an exception due to the stopped-ness of
            // our main task.
            callbackPhases.add("done");
            return null;
        });
        stopNext();
        scheduler.pump();
        assertEquals(List.of(task.iterator(), "done"), callbackPhases);
    }
}
