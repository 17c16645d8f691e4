package dev.twj.internet.task;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.defer.ITimedCall;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.internal.GlobalReactor;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A cooperative task scheduler. Port of {@code twisted.internet.task.Cooperator}.
 *
 * <p>A cooperative task is an iterator where each {@code next()} is an atomic unit of work. Between
 * two units the {@code Cooperator} decides which of its tasks runs next. If the iterator yields a
 * {@link Deferred}, that task pauses until the Deferred fires and completes its callback chain.
 * When a {@code Cooperator} has more than one task, it distributes work between them, round-robin.
 *
 * <p>There are two ways to add tasks: {@link #cooperate}, which returns a {@link CooperativeTask}
 * that can be paused, resumed and waited on, and {@link #coiterate}, which returns only a Deferred
 * that fires when the task is done. Uses include running computationally intensive tasks without
 * blocking, limiting parallelism by running a subset of tasks at a time, and serializing a
 * sequence of asynchronous steps (do one thing, wait for a Deferred, do the next).
 *
 * <p>Multiple {@code Cooperator}s do not cooperate with each other, so for most cases use the
 * global one through {@link Task#cooperate} and {@link Task#coiterate}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Each tick, scheduled through the scheduler, runs units of work of the tasks in turn until
 *       the termination predicate (made fresh for each tick) says to stop, then schedules the next
 *       tick if any task is left. The default predicate allows 10 ms per tick (measured with
 *       {@link System#nanoTime()}); the default scheduler is {@code callLater(1e-8, tick)} on the
 *       clock given, or on the global reactor.</li>
 *   <li>{@link #stop()} fails the {@code whenDone} Deferreds of its tasks with
 *       {@link SchedulerStopped}, and every task added later fails the same way. As in Twisted,
 *       stop walks its task list while each failing task removes itself from it, so it reaches
 *       only every other running task; paused tasks fail when they resume.</li>
 *   <li>Not thread-safe: use it on its scheduler's thread.</li>
 * </ul>
 */
public final class Cooperator {
    private static final double EPSILON = 0.00000001;

    private List<CooperativeTask<?>> tasks = new ArrayList<>();
    private TaskIterator metarator = new TaskIterator(List.of());
    private final Supplier<? extends BooleanSupplier> terminationPredicateFactory;
    private final Function<Runnable, ? extends ITimedCall> scheduler;
    private ITimedCall delayedCall;
    private boolean stopped;
    private boolean started;
    private boolean mustScheduleOnStart;

    /**
     * Creates a started cooperator with the default termination predicate, scheduling its steps
     * on the global reactor.
     *
     * @throws IllegalStateException when it schedules a step, if no global reactor is installed
     */
    public Cooperator() {
        this(Timer::new, Cooperator::defaultScheduler, true);
    }

    /**
     * Creates a started cooperator with the default termination predicate, scheduling its steps
     * on {@code clock}.
     */
    public Cooperator(IReactorTime clock) {
        this(Timer::new, f -> clock.callLater(EPSILON, f), true);
        Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Creates a scheduler-like object to which iterators may be added.
     *
     * @param terminationPredicateFactory invoked at the beginning of each step; returns a predicate
     *     which returns true when the step should be terminated. The default factory is time-based
     *     and allows iterators to run for 1/100th of a second at a time.
     * @param scheduler takes a step function and calls it at some future point, returning a handle
     *     that can cancel it. Used to schedule each step of this Cooperator.
     * @param started whether iterators are stepped as soon as they are added, or queued up until
     *     {@link #start()} is called
     */
    public Cooperator(
            Supplier<? extends BooleanSupplier> terminationPredicateFactory,
            Function<Runnable, ? extends ITimedCall> scheduler,
            boolean started) {
        this.terminationPredicateFactory =
                Objects.requireNonNull(terminationPredicateFactory, "terminationPredicateFactory == null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
        this.started = started;
    }

    private static ITimedCall defaultScheduler(Runnable f) {
        return GlobalReactor.get().callLater(EPSILON, f);
    }

    /**
     * Adds an iterator to the ones this cooperator runs, like {@link #cooperate}, but returns a
     * Deferred that fires when the task is done.
     *
     * @return a Deferred that fires with {@code iterator} when it is exhausted
     */
    public <T> Deferred<Iterator<T>> coiterate(Iterator<T> iterator) {
        return coiterate(iterator, null);
    }

    /**
     * Adds an iterator, firing {@code doneDeferred} when the task is done.
     *
     * @param doneDeferred the Deferred to use as the completion Deferred, or null to create one
     *     (the suggested use)
     * @return {@code doneDeferred}, or the new Deferred
     */
    public <T> Deferred<Iterator<T>> coiterate(Iterator<T> iterator, Deferred<Iterator<T>> doneDeferred) {
        if (doneDeferred == null) {
            doneDeferred = new Deferred<>();
        }
        Deferred<Iterator<T>> whenDone = new CooperativeTask<>(iterator, this).whenDone();
        whenDone.chainDeferred(doneDeferred);
        return doneDeferred;
    }

    /**
     * Starts running {@code iterator} as a long-running cooperative task, by calling its
     * {@code next()} as a periodic timed event.
     *
     * @return the task, which can be paused, resumed, stopped and waited on
     */
    public <T> CooperativeTask<T> cooperate(Iterator<T> iterator) {
        return new CooperativeTask<>(iterator, this);
    }

    /** Adds {@code task}, or fails it at once with {@link SchedulerStopped} if this is stopped. */
    void addTask(CooperativeTask<?> task) {
        if (stopped) {
            // Silly, but completeWith does the inverse.
            tasks.add(task);
            task.completeWith(new SchedulerStopped(), new Failure(new SchedulerStopped()));
        } else {
            tasks.add(task);
            reschedule();
        }
    }

    /** Removes {@code task}; with no work left, cancels the scheduled step. */
    void removeTask(CooperativeTask<?> task) {
        if (!tasks.remove(task)) {
            throw new IllegalArgumentException("task not in this cooperator: " + task);
        }
        if (tasks.isEmpty() && delayedCall != null) {
            delayedCall.cancel();
            delayedCall = null;
        }
    }

    /** Runs one scheduler tick (Twisted's {@code _tick}). */
    void tick() {
        delayedCall = null;
        BooleanSupplier terminator = terminationPredicateFactory.get();
        outer:
        while (!tasks.isEmpty()) {
            CooperativeTask<?> t;
            while ((t = metarator.next()) != null) {
                t.oneWorkUnit();
                if (terminator.getAsBoolean()) {
                    break outer;
                }
            }
            metarator = new TaskIterator(tasks);
        }
        reschedule();
    }

    private void reschedule() {
        if (!started) {
            mustScheduleOnStart = true;
            return;
        }
        if (delayedCall == null && !tasks.isEmpty()) {
            delayedCall = scheduler.apply(this::tick);
        }
    }

    /** Begins scheduling steps. */
    public void start() {
        stopped = false;
        started = true;
        if (mustScheduleOnStart) {
            mustScheduleOnStart = false;
            reschedule();
        }
    }

    /**
     * Stops scheduling steps: fails the completion Deferreds of the iterators which have been added
     * with {@link SchedulerStopped} and forgets them (see the class contract for the tasks it
     * misses, as Twisted does).
     */
    public void stop() {
        stopped = true;
        // Index-based like Python's list iterator: each task removes itself as it completes.
        for (int i = 0; i < tasks.size(); i++) {
            tasks.get(i).completeWith(new SchedulerStopped(), new Failure(new SchedulerStopped()));
        }
        tasks = new ArrayList<>();
        if (delayedCall != null) {
            delayedCall.cancel();
            delayedCall = null;
        }
    }

    /** Returns true if this cooperator has been started and not stopped. */
    public boolean running() {
        return started && !stopped;
    }

    /** The scheduled step, or null (Twisted's {@code _delayedCall}); for tests. */
    ITimedCall delayedCall() {
        return delayedCall;
    }

    /** The tasks ready to run (Twisted's {@code _tasks}); for tests. */
    List<CooperativeTask<?>> tasks() {
        return tasks;
    }

    /** Returns {@code Cooperator{running, 2 tasks}}. */
    @Override
    public String toString() {
        return "Cooperator{" + (running() ? "running" : "not running") + ", " + tasks.size() + " tasks}";
    }

    /**
     * Python's list iterator: walks the live list by index, so it sees tasks added or removed while
     * it runs, and stays exhausted once exhausted.
     */
    private static final class TaskIterator {
        private List<CooperativeTask<?>> list;
        private int index;

        TaskIterator(List<CooperativeTask<?>> list) {
            this.list = list;
        }

        CooperativeTask<?> next() {
            if (list == null) {
                return null;
            }
            if (index < list.size()) {
                return list.get(index++);
            }
            list = null;
            return null;
        }
    }

    /** The default termination predicate: true once 10 ms have passed since it was made. */
    private static final class Timer implements BooleanSupplier {
        private static final long MAX_SLICE_NANOS = 10_000_000L;
        private final long end = System.nanoTime() + MAX_SLICE_NANOS;

        @Override
        public boolean getAsBoolean() {
            return System.nanoTime() - end >= 0;
        }
    }
}
