package dev.twj.internet.task;

import dev.twj.internet.defer.Deferred;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A task inside a {@link Cooperator}, which can be paused, resumed and stopped, and whose
 * completion (or termination) can be waited on. Port of
 * {@code twisted.internet.task.CooperativeTask}; create one with {@link Cooperator#cooperate}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Each unit of work is one {@code next()} of the iterator. An element that is a
 *       {@link Deferred} pauses the task until it fires; its result is then replaced by
 *       {@code null} (the task consumes it). If it fails, the task fails with that failure.</li>
 *   <li>The task completes when its iterator has no more elements: {@link #whenDone()} Deferreds
 *       fire with <b>the iterator</b>. It fails when {@code hasNext()} or {@code next()} throws:
 *       they fail with what was thrown. {@link #stop()} fails them with {@link TaskStopped}, and a
 *       stopped {@link Cooperator} with {@link SchedulerStopped}.</li>
 *   <li>Pauses nest: {@link #pause()} twice needs {@link #resume()} twice.</li>
 *   <li>Not thread-safe: use it on its cooperator's scheduler thread.</li>
 * </ul>
 *
 * <p>Where Java differs: Python's {@code StopIteration} is {@code hasNext()} returning false; a
 * {@link NoSuchElementException} thrown by {@code next()} after {@code hasNext()} said true is a
 * failure of the task, like any other exception.
 *
 * @param <T> the type of the iterator's elements
 */
public final class CooperativeTask<T> {
    private final Iterator<T> iterator;
    private final Cooperator cooperator;
    private final List<Deferred<Iterator<T>>> deferreds = new ArrayList<>();
    private int pauseCount;
    private SchedulerError completionState;
    /** The iterator, or a Failure. */
    private Object completionResult;

    /** A private constructor: to create a task, see {@link Cooperator#cooperate}. */
    CooperativeTask(Iterator<T> iterator, Cooperator cooperator) {
        this.iterator = iterator;
        this.cooperator = cooperator;
        cooperator.addTask(this);
    }

    /**
     * Returns a Deferred notification of when this task is complete: it fires with the iterator
     * this task was created with when the iterator has been exhausted, or fails with the exception
     * its {@code next} threw. Each call returns a new Deferred, so callbacks added to one do not
     * change what the others fire with.
     */
    public Deferred<Iterator<T>> whenDone() {
        Deferred<Iterator<T>> d = new Deferred<>();
        if (completionState == null) {
            deferreds.add(d);
        } else {
            fire(d, completionResult);
        }
        return d;
    }

    /**
     * Pauses this task: stops doing work until {@link #resume()} is called. If {@code pause} is
     * called more than once, {@code resume} must be called an equal number of times to resume it.
     *
     * @throws TaskFinished if this task has already finished or completed
     */
    public void pause() {
        checkFinish();
        pauseCount++;
        if (pauseCount == 1) {
            cooperator.removeTask(this);
        }
    }

    /**
     * Resumes a paused task. Resuming a paused task that has meanwhile been stopped does nothing
     * more.
     *
     * @throws NotPaused if this task is not paused
     */
    public void resume() {
        if (pauseCount == 0) {
            throw new NotPaused();
        }
        pauseCount--;
        if (pauseCount == 0 && completionState == null) {
            cooperator.addTask(this);
        }
    }

    /**
     * Records how this task ended and fires every {@link #whenDone()} Deferred with
     * {@code deferredResult} (the iterator, or a {@link Failure}).
     *
     * @param completionState the error that operations on this task throw from now on
     */
    void completeWith(SchedulerError completionState, Object deferredResult) {
        this.completionState = completionState;
        this.completionResult = deferredResult;
        if (pauseCount == 0) {
            cooperator.removeTask(this);
        }
        // Fire the Deferreds only after all this is done: a callback may manipulate other tasks of
        // the Cooperator (e.g. stop it), and this task must be gone from it by then, so that
        // completeWith is not invoked re-entrantly.
        for (int i = 0; i < deferreds.size(); i++) {
            fire(deferreds.get(i), deferredResult);
        }
    }

    private static <R> void fire(Deferred<R> d, Object result) {
        if (result instanceof Failure failure) {
            d.errback(failure);
        } else {
            @SuppressWarnings("unchecked")
            R r = (R) result;
            d.callback(r);
        }
    }

    /**
     * Stops further processing of this task: {@link #whenDone()} Deferreds fail with
     * {@link TaskStopped}.
     *
     * @throws TaskFinished if this task has previously completed, via {@code stop}, completion, or
     *     failure
     */
    public void stop() {
        checkFinish();
        completeWith(new TaskStopped(), new Failure(new TaskStopped()));
    }

    /** Throws the {@link TaskFinished} (or {@link SchedulerStopped}) this task ended with, if any. */
    private void checkFinish() {
        if (completionState != null) {
            throw completionState;
        }
    }

    /**
     * Performs one unit of work: takes one element from the iterator, completing the task if there
     * are none, failing it if the iterator throws, and pausing it if the element is a Deferred.
     */
    void oneWorkUnit() {
        Object result;
        try {
            if (!iterator.hasNext()) {
                completeWith(new TaskDone(), iterator);
                return;
            }
            result = iterator.next();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            completeWith(new TaskFailed(), new Failure(t));
            return;
        }
        if (result instanceof Deferred<?> d) {
            pause();
            d.addCallbacks(
                    r -> {
                        resume();
                        return null;
                    },
                    failure -> {
                        completeWith(new TaskFailed(), failure);
                        return null;
                    });
        }
    }

    /** The iterator this task runs (Twisted's {@code _iterator}); for tests. */
    Iterator<T> iterator() {
        return iterator;
    }

    /** How many times this task is paused (Twisted's {@code _pauseCount}); for tests. */
    int pauseCount() {
        return pauseCount;
    }

    /** Returns {@code CooperativeTask{paused 1, running}}, or {@code ...done TaskDone}. */
    @Override
    public String toString() {
        return "CooperativeTask{paused " + pauseCount + ", "
                + (completionState == null ? "running" : "done " + completionState.getClass().getSimpleName())
                + ", " + iterator + "}";
    }
}
