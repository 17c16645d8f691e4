package dev.twj.internet.base;

import dev.twj.internet.Abstract;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ReactorAlreadyRunning;
import dev.twj.internet.error.ReactorNotRestartable;
import dev.twj.internet.error.ReactorNotRunning;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorCore;
import dev.twj.internet.interfaces.IReactorPluggableResolver;
import dev.twj.internet.interfaces.IReactorThreads;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.interfaces.IResolverSimple;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import dev.twj.python.threadpool.ThreadPool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The reactor-independent part of every reactor: timed calls, system events, cross-thread calls,
 * the thread pool and name resolution. Port of {@code twisted.internet.base.ReactorBase}.
 *
 * <p>A concrete reactor supplies {@link #doIteration} (wait for I/O at most a given time and
 * dispatch it) and {@link #wakeUp} (make a waiting {@code doIteration} return). The main loop is
 * Twisted's:
 *
 * <pre>
 *   while started:
 *       runUntilCurrent()          cross-thread calls, then timed calls that are due
 *       doIteration(timeout())     I/O, waiting until the next timed call at most
 * </pre>
 *
 * <h2>Contract</h2>
 * <p>Only {@link #callFromThread} is thread-safe; everything else runs on the reactor thread.
 * Timed calls due in one pass run in time order (first scheduled first for equal times); a call
 * scheduled during a pass, even with delay 0, runs in the next one. An exception thrown by a
 * timed call, a cross-thread call or a system event trigger is logged and the loop goes on.
 */
public abstract class ReactorBase
        implements IReactorCore, IReactorTime, IReactorThreads, IReactorPluggableResolver {
    private static final Logger log = new Logger(ReactorBase.class);

    /** Whether the reactor is running: set during "startup", cleared by stop and crash. */
    protected boolean running;

    /** True between run (startRunning) and the end of the main loop. */
    protected boolean started;

    /** True once stop has been called (and before the reactor first runs). */
    protected boolean stopped = true;

    private boolean justStopped;
    private boolean startedBefore;

    private final ConcurrentLinkedQueue<Runnable> threadCallQueue = new ConcurrentLinkedQueue<>();
    private final Map<String, ThreePhaseEvent> eventTriggers = new HashMap<>();

    // Timed calls: a binary heap of pending calls, plus the calls added since the last pass.
    private DelayedCall[] heap = new DelayedCall[16];
    private long[] heapSeq = new long[16];
    private int heapSize;
    private long nextSeq;
    private final List<DelayedCall> newTimedCalls = new ArrayList<>();
    private int cancellations;

    private ThreadPool threadpool;
    private Object threadpoolShutdownID;
    private IResolverSimple resolver;

    private Thread ioThread;
    private final long startNanos = System.nanoTime();

    /** Creates the reactor and adds its own startup and shutdown triggers. */
    @SuppressWarnings("this-escape") // the triggers and resolver only run once the reactor does
    protected ReactorBase() {
        resolver = new ThreadedResolver(this);
        addSystemEventTrigger("during", "startup", call(this::reallyStartRunning));
        addSystemEventTrigger("during", "shutdown", call(this::crash));
        addSystemEventTrigger("during", "shutdown", call(this::disconnectAll));
    }

    private static Callable<Object> call(Runnable r) {
        return () -> {
            r.run();
            return null;
        };
    }

    // ---- what a concrete reactor supplies -------------------------------------------------

    /**
     * Waits for I/O at most {@code timeout} seconds (null: until woken up; 0: not at all) and
     * dispatches what is ready.
     */
    protected abstract void doIteration(Double timeout);

    /** Makes a {@link #doIteration} that is waiting return at once; callable from any thread. */
    protected abstract void wakeUp();

    /** Disconnects every connection and port: the reactor is shutting down. */
    protected void disconnectAll() {}

    // ---- time -----------------------------------------------------------------------------

    /** Returns the time on a monotonic clock, in seconds since this reactor was created. */
    @Override
    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Calls {@code callable} after {@code delay} seconds.
     *
     * @throws IllegalArgumentException if {@code delay} is negative or not a number
     */
    @Override
    public IDelayedCall callLater(double delay, Runnable callable) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("delay < 0: " + delay);
        }
        Objects.requireNonNull(callable, "callable");
        DelayedCall call = new DelayedCall(
                seconds() + delay, callable, c -> cancellations++, this::moveCallLaterSooner,
                this::seconds);
        newTimedCalls.add(call);
        return call;
    }

    @Override
    public List<IDelayedCall> getDelayedCalls() {
        List<IDelayedCall> result = new ArrayList<>();
        for (int i = 0; i < heapSize; i++) {
            if (!heap[i].cancelled()) {
                result.add(heap[i]);
            }
        }
        for (DelayedCall c : newTimedCalls) {
            if (!c.cancelled()) {
                result.add(c);
            }
        }
        return result;
    }

    private boolean less(int i, int j) {
        int c = heap[i].compareTo(heap[j]);
        return c < 0 || (c == 0 && heapSeq[i] < heapSeq[j]);
    }

    private void swap(int i, int j) {
        DelayedCall c = heap[i];
        heap[i] = heap[j];
        heap[j] = c;
        long s = heapSeq[i];
        heapSeq[i] = heapSeq[j];
        heapSeq[j] = s;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= heapSize) {
                return;
            }
            int smallest = left + 1 < heapSize && less(left + 1, left) ? left + 1 : left;
            if (!less(smallest, i)) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void heapPush(DelayedCall call) {
        if (heapSize == heap.length) {
            heap = java.util.Arrays.copyOf(heap, heapSize * 2);
            heapSeq = java.util.Arrays.copyOf(heapSeq, heapSize * 2);
        }
        heap[heapSize] = call;
        heapSeq[heapSize] = nextSeq++;
        siftUp(heapSize++);
    }

    private DelayedCall heapPop() {
        DelayedCall top = heap[0];
        heapSize--;
        heap[0] = heap[heapSize];
        heapSeq[0] = heapSeq[heapSize];
        heap[heapSize] = null;
        if (heapSize > 0) {
            siftDown(0);
        }
        return top;
    }

    private void moveCallLaterSooner(DelayedCall call) {
        for (int i = 0; i < heapSize; i++) {
            if (heap[i] == call) {
                siftUp(i);
                return;
            }
        }
        // Not in the heap yet: it is in newTimedCalls and will be inserted in time order.
    }

    private void insertNewDelayedCalls() {
        for (DelayedCall call : newTimedCalls) {
            if (call.cancelled()) {
                cancellations--;
            } else {
                call.activateDelay();
                heapPush(call);
            }
        }
        newTimedCalls.clear();
    }

    /**
     * Returns how long the next {@link #doIteration} may wait: the time to the next timed call,
     * or null when there is none.
     */
    public Double timeout() {
        insertNewDelayedCalls();
        if (heapSize == 0) {
            return null;
        }
        return Math.max(0, heap[0].time() - seconds());
    }

    /** Runs the cross-thread calls made so far, then the timed calls that are due. */
    public void runUntilCurrent() {
        int total = threadCallQueue.size();
        for (int i = 0; i < total; i++) {
            Runnable f = threadCallQueue.poll();
            if (f == null) {
                break;
            }
            try {
                f.run();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.failure("while handling cross-thread call", new Failure(t));
            }
        }
        if (!threadCallQueue.isEmpty()) {
            wakeUp();
        }

        insertNewDelayedCalls();
        double now = seconds();
        while (heapSize > 0 && heap[0].time() <= now) {
            DelayedCall call = heapPop();
            if (call.cancelled()) {
                cancellations--;
                continue;
            }
            if (call.delayedTime() > 0.0) {
                call.activateDelay();
                heapPush(call);
                continue;
            }
            Runnable func = call.func();
            call.markCalled();
            try {
                func.run();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                if (call.creator() != null) {
                    log.failure("while handling timed call (created at {creator})", new Failure(t),
                            "creator", call.creator());
                } else {
                    log.failure("while handling timed call", new Failure(t));
                }
            }
        }

        if (cancellations > 50 && cancellations > heapSize >> 1) {
            cancellations = 0;
            int kept = 0;
            for (int i = 0; i < heapSize; i++) {
                if (!heap[i].cancelled()) {
                    heap[kept] = heap[i];
                    heapSeq[kept] = heapSeq[i];
                    kept++;
                }
            }
            for (int i = kept; i < heapSize; i++) {
                heap[i] = null;
            }
            heapSize = kept;
            for (int i = (heapSize >>> 1) - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        if (justStopped) {
            justStopped = false;
            fireSystemEvent("shutdown");
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------

    @Override
    public boolean running() {
        return running;
    }

    /** Returns the thread running the reactor's loop, or null before {@link #run}. */
    public Thread ioThread() {
        return ioThread;
    }

    /**
     * Fires the "startup" event and runs the main loop until {@link #stop} (then the "shutdown"
     * event) or {@link #crash}.
     *
     * @throws ReactorAlreadyRunning if it is running
     * @throws ReactorNotRestartable if it was stopped before
     */
    @Override
    public void run() {
        startRunning();
        mainLoop();
    }

    /**
     * Prepares to run: checks the state, then fires the "startup" event.
     *
     * @throws ReactorAlreadyRunning if it is running
     * @throws ReactorNotRestartable if it was stopped before
     */
    protected void startRunning() {
        if (started) {
            throw new ReactorAlreadyRunning();
        }
        if (startedBefore) {
            throw new ReactorNotRestartable();
        }
        started = true;
        stopped = false;
        ioThread = Thread.currentThread();
        fireSystemEvent("startup");
    }

    private void reallyStartRunning() {
        running = true;
    }

    /** Runs the loop until the reactor stops; an unexpected error is logged and the loop goes on. */
    protected void mainLoop() {
        while (started) {
            try {
                while (started) {
                    runUntilCurrent();
                    Double t2 = timeout();
                    Double t = running ? t2 : Double.valueOf(0);
                    doIteration(t);
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.failure("Unexpected error in main loop.", new Failure(t));
            }
        }
        log.debug("Main loop terminated.");
    }

    /**
     * Stops the reactor: the "shutdown" event fires at the next pass, then the loop ends.
     *
     * @throws ReactorNotRunning if it is not running
     */
    @Override
    public void stop() {
        if (stopped) {
            throw new ReactorNotRunning("Can't stop reactor that isn't running.");
        }
        stopped = true;
        justStopped = true;
        startedBefore = true;
    }

    /** Stops the loop at once, without the "shutdown" event. */
    @Override
    public void crash() {
        started = false;
        running = false;
        addSystemEventTrigger("during", "startup", call(this::reallyStartRunning));
    }

    /** Runs one pass: due calls, then I/O waiting at most {@code delay} seconds. */
    @Override
    public void iterate(double delay) {
        runUntilCurrent();
        doIteration(delay);
    }

    @Override
    public void fireSystemEvent(String eventType) {
        ThreePhaseEvent event = eventTriggers.get(eventType);
        if (event != null) {
            event.fireEvent();
        }
    }

    @Override
    public Object addSystemEventTrigger(String phase, String eventType, Callable<?> callable) {
        Objects.requireNonNull(callable, "callable");
        return eventTriggers.computeIfAbsent(eventType, k -> new ThreePhaseEvent())
                .addTrigger(phase, callable);
    }

    /** A trigger's handle, with its event type. */
    private record TriggerID(String eventType, ThreePhaseEvent.Handle handle) {}

    @Override
    public void removeSystemEventTrigger(Object triggerID) {
        if (triggerID instanceof TriggerID id) {
            eventTriggers.get(id.eventType()).removeTrigger(id.handle());
            return;
        }
        if (triggerID instanceof ThreePhaseEvent.Handle handle) {
            for (ThreePhaseEvent event : eventTriggers.values()) {
                try {
                    event.removeTrigger(handle);
                    return;
                } catch (IllegalArgumentException e) {
                    // Not this event's.
                }
            }
        }
        throw new IllegalArgumentException("not a trigger ID: " + triggerID);
    }

    @Override
    public Object callWhenRunning(Runnable callable) {
        if (running) {
            callable.run();
            return null;
        }
        return addSystemEventTrigger("after", "startup", call(callable));
    }

    // ---- threads --------------------------------------------------------------------------

    /** Runs {@code callable} on the reactor thread at the next pass; safe from any thread. */
    @Override
    public void callFromThread(Runnable callable) {
        threadCallQueue.add(Objects.requireNonNull(callable, "callable"));
        wakeUp();
    }

    /** Returns true if the current thread is the one running this reactor. */
    public boolean isInIOThread() {
        return Thread.currentThread() == ioThread;
    }

    @Override
    public synchronized ThreadPool getThreadPool() {
        if (threadpool == null) {
            threadpool = new ThreadPool(0, 10, "twisted.internet.reactor");
            ThreadPool pool = threadpool;
            callWhenRunning(pool::start);
            threadpoolShutdownID = addSystemEventTrigger("during", "shutdown", call(this::stopThreadPool));
        }
        return threadpool;
    }

    private void stopThreadPool() {
        ThreadPool pool;
        synchronized (this) {
            pool = threadpool;
            threadpool = null;
            threadpoolShutdownID = null;
        }
        if (pool != null) {
            pool.stop();
        }
    }

    @Override
    public void callInThread(Runnable callable) {
        getThreadPool().callInThread(callable);
    }

    @Override
    public void suggestThreadPoolSize(int size) {
        ThreadPool pool = getThreadPool();
        pool.adjustPoolsize(Math.min(pool.min(), size), size);
    }

    // ---- name resolution ------------------------------------------------------------------

    @Override
    public IResolverSimple installResolver(IResolverSimple resolver) {
        IResolverSimple previous = this.resolver;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        return previous;
    }

    /**
     * Returns a Deferred firing with the IP address of {@code name}: at once for an empty name
     * ({@code "0.0.0.0"}) or an IP address literal, else from the installed resolver.
     */
    @Override
    public Deferred<String> resolve(String name, List<Integer> timeout) {
        if (name == null || name.isEmpty()) {
            return Defer.succeed("0.0.0.0");
        }
        if (Abstract.isIPAddress(name)) {
            return Defer.succeed(name);
        }
        return resolver.getHostByName(name, timeout);
    }
}
