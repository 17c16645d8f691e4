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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    // Timed calls: a 4-ary heap of pending calls, plus the calls added since the last pass. The
    // heap orders by (time, sequence number): equal times run first scheduled first.
    private DelayedCall[] heap = new DelayedCall[16];
    // The keys of heap[i], side by side so that sifting compares without loading each call, and
    // finds the four children of a node on one or two cache lines: heapKeys[2 * i] is
    // heap[i].time(), heapKeys[2 * i + 1] its sequence number (exact as a double below 2^53).
    private double[] heapKeys = new double[32];
    private int heapSize;
    private double nextSeq;
    // Calls inserted by a large batch (see insertNewDelayedCalls): sorted by (time, sequence
    // number) in runCalls[runHead .. runSize), keys as heapKeys. Running them then reads the
    // arrays in order instead of sifting a large heap (which misses the cache at every level).
    // A null is a call that moveCallLaterSooner moved to the heap.
    private static final DelayedCall[] NO_CALLS = {};
    private static final double[] NO_KEYS = {};
    private DelayedCall[] runCalls = NO_CALLS;
    private double[] runKeys = NO_KEYS;
    private int runHead;
    private int runSize;
    // Batches at least this large, and at least a quarter of the run, are sorted into the run.
    private static final int RUN_MIN_BATCH = 1024;
    private final List<DelayedCall> newTimedCalls = new ArrayList<>();
    private int cancellations;

    private ThreadPool threadpool;
    private Object threadpoolStartupID;
    private Object threadpoolShutdownID;

    private boolean installSignalHandlers;
    private SignalHandling signals = SignalHandling.NONE;
    private IResolverSimple resolver;

    private volatile Thread ioThread;
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
        DelayedCall call = new DelayedCall(seconds() + delay, callable, hooks);
        newTimedCalls.add(call);
        return call;
    }

    // The hooks every DelayedCall of this reactor shares (one allocation per reactor, not per call).
    private final DelayedCall.Hooks hooks =
            new DelayedCall.Hooks(c -> cancellations++, this::moveCallLaterSooner, this::seconds);

    @Override
    public List<IDelayedCall> getDelayedCalls() {
        List<IDelayedCall> result = new ArrayList<>();
        for (int i = 0; i < heapSize; i++) {
            if (!heap[i].cancelled()) {
                result.add(heap[i]);
            }
        }
        for (int i = runHead; i < runSize; i++) {
            if (runCalls[i] != null && !runCalls[i].cancelled()) {
                result.add(runCalls[i]);
            }
        }
        for (DelayedCall c : newTimedCalls) {
            if (!c.cancelled()) {
                result.add(c);
            }
        }
        return result;
    }

    /** Moves the node at {@code i} up until its parent is not greater. */
    private void siftUp(int i) {
        DelayedCall[] h = heap;
        double[] k = heapKeys;
        DelayedCall call = h[i];
        double time = k[2 * i];
        double seq = k[2 * i + 1];
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            double pt = k[2 * parent];
            double ps = k[2 * parent + 1];
            if (!(time < pt || (time == pt && seq < ps))) {
                break;
            }
            h[i] = h[parent];
            k[2 * i] = pt;
            k[2 * i + 1] = ps;
            i = parent;
        }
        h[i] = call;
        k[2 * i] = time;
        k[2 * i + 1] = seq;
    }

    /** Moves the node at {@code i} down until none of its children is smaller. */
    private void siftDown(int i) {
        DelayedCall[] h = heap;
        double[] k = heapKeys;
        int n = heapSize;
        DelayedCall call = h[i];
        double time = k[2 * i];
        double seq = k[2 * i + 1];
        while (true) {
            int first = 4 * i + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + 4, n);
            int m = first;
            double mt = k[2 * first];
            double ms = k[2 * first + 1];
            for (int c = first + 1; c < end; c++) {
                double ct = k[2 * c];
                if (ct < mt || (ct == mt && k[2 * c + 1] < ms)) {
                    m = c;
                    mt = ct;
                    ms = k[2 * c + 1];
                }
            }
            if (!(mt < time || (mt == time && ms < seq))) {
                break;
            }
            h[i] = h[m];
            k[2 * i] = mt;
            k[2 * i + 1] = ms;
            i = m;
        }
        h[i] = call;
        k[2 * i] = time;
        k[2 * i + 1] = seq;
    }

    private void heapPush(DelayedCall call) {
        heapInsert(call, nextSeq++);
    }

    private void heapInsert(DelayedCall call, double seq) {
        if (heapSize == heap.length) {
            heap = java.util.Arrays.copyOf(heap, heapSize * 2);
            heapKeys = java.util.Arrays.copyOf(heapKeys, heapSize * 4);
        }
        int i = heapSize++;
        heap[i] = call;
        heapKeys[2 * i] = call.time();
        heapKeys[2 * i + 1] = seq;
        siftUp(i);
    }

    private DelayedCall heapPop() {
        DelayedCall top = heap[0];
        int last = --heapSize;
        heap[0] = heap[last];
        heapKeys[0] = heapKeys[2 * last];
        heapKeys[1] = heapKeys[2 * last + 1];
        heap[last] = null;
        if (last > 0) {
            siftDown(0);
        }
        return top;
    }

    /** True if the next call due is the head of the run rather than the top of the heap. */
    private boolean runFirst() {
        if (runHead == runSize) {
            return false;
        }
        if (heapSize == 0) {
            return true;
        }
        double rt = runKeys[2 * runHead];
        double ht = heapKeys[0];
        return rt < ht || (rt == ht && runKeys[2 * runHead + 1] < heapKeys[1]) || ht != ht;
    }

    private DelayedCall runPop() {
        DelayedCall call = runCalls[runHead];
        runCalls[runHead++] = null;
        skipMoved();
        return call;
    }

    /** Advances the head of the run past moved calls; forgets the arrays once it is empty. */
    private void skipMoved() {
        while (runHead < runSize && runCalls[runHead] == null) {
            runHead++;
        }
        if (runHead == runSize) {
            runCalls = NO_CALLS;
            runKeys = NO_KEYS;
            runHead = 0;
            runSize = 0;
        }
    }

    private void moveCallLaterSooner(DelayedCall call) {
        for (int i = 0; i < heapSize; i++) {
            if (heap[i] == call) {
                heapKeys[2 * i] = call.time();
                siftUp(i);
                return;
            }
        }
        for (int i = runHead; i < runSize; i++) {
            if (runCalls[i] == call) {
                // Out of the sorted run, into the heap, with its place among equal times.
                double seq = runKeys[2 * i + 1];
                runCalls[i] = null;
                skipMoved();
                heapInsert(call, seq);
                return;
            }
        }
        // Not in the heap yet: it is in newTimedCalls and will be inserted in time order.
    }

    private void insertNewDelayedCalls() {
        int n = newTimedCalls.size();
        if (n >= RUN_MIN_BATCH && n >= (runSize - runHead) >> 2) {
            insertAsRun();
        } else {
            for (int i = 0; i < n; i++) {
                DelayedCall call = newTimedCalls.get(i);
                if (call.cancelled()) {
                    cancellations--;
                } else {
                    call.activateDelay();
                    heapPush(call);
                }
            }
        }
        newTimedCalls.clear();
    }

    /**
     * Inserts the new calls as the heap would (the same sequence numbers, so the same order), but
     * sorted and merged into the run: a large batch costs one sort instead of a push and a pop
     * in a large heap per call.
     */
    private void insertAsRun() {
        int n = newTimedCalls.size();
        DelayedCall[] calls = new DelayedCall[n];
        double[] seqs = new double[n];
        long[] keys = new long[n];
        int[] order = new int[n];
        int m = 0;
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            DelayedCall call = newTimedCalls.get(i);
            if (call.cancelled()) {
                cancellations--;
                continue;
            }
            call.activateDelay();
            double t = call.time();
            if (t != t) {
                heapPush(call); // NaN: no place in a sorted run
                continue;
            }
            calls[m] = call;
            seqs[m] = nextSeq++;
            keys[m] = sortKey(t);
            order[m] = m;
            if (m > 0 && Long.compareUnsigned(keys[m], keys[m - 1]) < 0) {
                sorted = false;
            }
            m++;
        }
        if (!sorted) {
            radixSort(keys, order, m);
        }
        // Merge with what is left of the run; its calls came first, so they win ties.
        int size = m + (runSize - runHead);
        DelayedCall[] mergedCalls = new DelayedCall[size];
        double[] mergedKeys = new double[2 * size];
        int a = runHead;
        int b = 0;
        int k = 0;
        while (true) {
            while (a < runSize && runCalls[a] == null) {
                a++;
            }
            boolean old;
            if (a < runSize) {
                old = b == m || runKeys[2 * a] <= timeOf(keys[b]);
            } else if (b < m) {
                old = false;
            } else {
                break;
            }
            if (old) {
                mergedCalls[k] = runCalls[a];
                mergedKeys[2 * k] = runKeys[2 * a];
                mergedKeys[2 * k + 1] = runKeys[2 * a + 1];
                a++;
            } else {
                int j = order[b];
                mergedCalls[k] = calls[j];
                mergedKeys[2 * k] = timeOf(keys[b]);
                mergedKeys[2 * k + 1] = seqs[j];
                b++;
            }
            k++;
        }
        runCalls = mergedCalls;
        runKeys = mergedKeys;
        runHead = 0;
        runSize = k;
        skipMoved();
    }

    /**
     * Returns a key for {@code time} (not NaN) whose unsigned order is the order of the times:
     * the bits of the double, all of them flipped for a negative one, the sign bit for the
     * others; -0.0 counts as 0.0, as {@code ==} does.
     */
    static long sortKey(double time) {
        long bits = Double.doubleToRawLongBits(time == 0 ? 0.0 : time);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    /** The time whose {@link #sortKey} is {@code key}. */
    static double timeOf(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
    }

    /**
     * Sorts {@code keys[0 .. n)} in unsigned order, stably, moving {@code idx} along: a radix sort
     * (byte by byte from the lowest, skipping bytes all keys share), linear and without the
     * unpredictable branches of a comparison sort.
     */
    static void radixSort(long[] keys, int[] idx, int n) {
        if (n < 2) {
            return;
        }
        int[][] counts = new int[8][256];
        for (int i = 0; i < n; i++) {
            long k = keys[i];
            for (int b = 0; b < 8; b++) {
                counts[b][(int) (k >>> (8 * b)) & 0xFF]++;
            }
        }
        long[] ka = keys;
        long[] kb = new long[n];
        int[] ia = idx;
        int[] ib = new int[n];
        for (int b = 0; b < 8; b++) {
            int shift = 8 * b;
            int[] c = counts[b];
            if (c[(int) (ka[0] >>> shift) & 0xFF] == n) {
                continue; // every key has this byte
            }
            int sum = 0;
            for (int d = 0; d < 256; d++) {
                int count = c[d];
                c[d] = sum;
                sum += count;
            }
            for (int i = 0; i < n; i++) {
                long k = ka[i];
                int p = c[(int) (k >>> shift) & 0xFF]++;
                kb[p] = k;
                ib[p] = ia[i];
            }
            long[] sk = ka;
            ka = kb;
            kb = sk;
            int[] si = ia;
            ia = ib;
            ib = si;
        }
        if (ka != keys) {
            System.arraycopy(ka, 0, keys, 0, n);
            System.arraycopy(ia, 0, idx, 0, n);
        }
    }

    /**
     * Returns how long the next {@link #doIteration} may wait: the time to the next timed call,
     * or null when there is none.
     */
    public Double timeout() {
        insertNewDelayedCalls();
        double next;
        if (runFirst()) {
            next = runKeys[2 * runHead];
        } else if (heapSize > 0) {
            next = heapKeys[0];
        } else {
            return null;
        }
        // As Twisted: at most 2147483 seconds (about 24.8 days) in one wait.
        return Math.max(0, Math.min(2147483, next - seconds()));
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
        while (true) {
            DelayedCall call;
            if (runFirst()) {
                if (!(runKeys[2 * runHead] <= now)) {
                    break;
                }
                call = runPop();
            } else if (heapSize > 0 && heapKeys[0] <= now) {
                call = heapPop();
            } else {
                break;
            }
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

        if (cancellations > 50 && cancellations > (heapSize + runSize - runHead) >> 1) {
            cancellations = 0;
            int keptRun = 0;
            for (int i = runHead; i < runSize; i++) {
                DelayedCall c = runCalls[i];
                if (c != null && !c.cancelled()) {
                    runCalls[keptRun] = c;
                    runKeys[2 * keptRun] = runKeys[2 * i];
                    runKeys[2 * keptRun + 1] = runKeys[2 * i + 1];
                    keptRun++;
                }
            }
            java.util.Arrays.fill(runCalls, keptRun, runSize, null);
            runHead = 0;
            runSize = keptRun;
            skipMoved();
            int kept = 0;
            for (int i = 0; i < heapSize; i++) {
                if (!heap[i].cancelled()) {
                    heap[kept] = heap[i];
                    heapKeys[2 * kept] = heapKeys[2 * i];
                    heapKeys[2 * kept + 1] = heapKeys[2 * i + 1];
                    kept++;
                }
            }
            for (int i = kept; i < heapSize; i++) {
                heap[i] = null;
            }
            heapSize = kept;
            for (int i = (heapSize - 2) >> 2; i >= 0; i--) {
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
        run(true);
    }

    /**
     * Fires the "startup" event and runs the main loop until {@link #stop} (then the "shutdown"
     * event) or {@link #crash}.
     *
     * @param installSignalHandlers whether to stop the reactor cleanly on SIGINT and SIGTERM
     *     (see {@link #signalsFactory}), from the "during" "startup" phase until the loop ends
     * @throws ReactorAlreadyRunning if it is running
     * @throws ReactorNotRestartable if it was stopped before
     */
    public void run(boolean installSignalHandlers) {
        startRunning(installSignalHandlers);
        try {
            mainLoop();
        } finally {
            signals.uninstall();
        }
    }

    /** Same as {@code startRunning(true)}. */
    protected void startRunning() {
        startRunning(true);
    }

    /**
     * Prepares to run: checks the state, then fires the "startup" event.
     *
     * @param installSignalHandlers whether the "during" "startup" phase installs the signal
     *     handling of {@link #signalsFactory}
     * @throws ReactorAlreadyRunning if it is running
     * @throws ReactorNotRestartable if it was stopped before
     */
    protected void startRunning(boolean installSignalHandlers) {
        if (started) {
            throw new ReactorAlreadyRunning();
        }
        if (startedBefore) {
            throw new ReactorNotRestartable();
        }
        signals.uninstall();
        this.installSignalHandlers = installSignalHandlers;
        signals = installSignalHandlers ? signalsFactory() : SignalHandling.NONE;
        started = true;
        stopped = false;
        ioThread = Thread.currentThread();
        fireSystemEvent("startup");
    }

    private void reallyStartRunning() {
        running = true;
        if (installSignalHandlers) {
            // As Twisted: before the "after" startup triggers, which expect a fully set up reactor.
            signals.install();
        }
    }

    // ---- signals --------------------------------------------------------------------------

    /**
     * Installs and uninstalls a reactor's reaction to the signals that end a process. Port of
     * {@code twisted.internet._signals.SignalHandling}.
     */
    public interface SignalHandling {
        /** Handling that does nothing: Twisted's {@code _WithoutSignalHandling}. */
        SignalHandling NONE = new SignalHandling() {
            @Override
            public void install() {}

            @Override
            public void uninstall() {}
        };

        /** Starts handling the signals. */
        void install();

        /** Stops handling them; does nothing if not installed. */
        void uninstall();
    }

    /**
     * Returns the signal handling that {@code run(true)} installs: Twisted's
     * {@code _signalsFactory}, which stops the reactor on SIGINT, SIGTERM and SIGBREAK.
     *
     * <p>Where Java differs: the JVM does not let a program handle those signals itself; it
     * answers them (as it answers {@code System.exit} or the end of the last non-daemon thread)
     * by running its shutdown hooks and then halting. So the handling is a shutdown hook that, if
     * the reactor still runs, calls {@code callFromThread(stop)} and waits, at most
     * {@link #SHUTDOWN_HOOK_TIMEOUT_SECONDS}, for the main loop to end, so that the "shutdown"
     * event's triggers run before the JVM halts. It does not wait when the reactor thread
     * itself is the one calling {@code System.exit}. Subclasses may override this to handle more
     * (Twisted's process reactor adds SIGCHLD).
     */
    protected SignalHandling signalsFactory() {
        return new ShutdownHook();
    }

    /** The most seconds the JVM shutdown hook waits for the reactor's shutdown. */
    public static final int SHUTDOWN_HOOK_TIMEOUT_SECONDS = 30;

    /**
     * Returns true while the JVM shutdown hook of the default {@link #signalsFactory} is
     * installed: from the "during" "startup" phase of {@code run(true)} until it returns.
     */
    public boolean signalHandlersInstalled() {
        return signals instanceof ShutdownHook hook && hook.installed();
    }

    /** The JVM shutdown hook that stops the reactor cleanly: see {@link #signalsFactory}. */
    private final class ShutdownHook implements SignalHandling {
        private final CountDownLatch loopEnded = new CountDownLatch(1);
        private Thread hook;

        synchronized boolean installed() {
            return hook != null;
        }

        @Override
        public synchronized void install() {
            if (hook != null) {
                return;
            }
            Thread h = new Thread(this::onJvmShutdown, "twj-reactor-shutdown-hook");
            try {
                Runtime.getRuntime().addShutdownHook(h);
                hook = h;
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: too late to hook in.
            }
        }

        @Override
        public void uninstall() {
            loopEnded.countDown();
            Thread h;
            synchronized (this) {
                h = hook;
                hook = null;
            }
            if (h != null && h != Thread.currentThread()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(h);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down and runs the hook, which returns once it sees the
                    // loop ended.
                }
            }
        }

        private void onJvmShutdown() {
            Thread loop = ioThread;
            if (loopEnded.getCount() == 0 || loop == null) {
                return;
            }
            log.info("JVM shutting down (SIGINT, SIGTERM or exit), stopping the reactor.");
            callFromThread(() -> {
                if (!stopped) {
                    stop();
                }
            });
            long deadline = System.nanoTime() + SHUTDOWN_HOOK_TIMEOUT_SECONDS * 1_000_000_000L;
            try {
                while (!loopEnded.await(50, TimeUnit.MILLISECONDS)) {
                    if (!loop.isAlive() || callsExit(loop) || System.nanoTime() > deadline) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** True if {@code t} is inside System.exit, waiting for the shutdown hooks: a deadlock. */
        private static boolean callsExit(Thread t) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if ("java.lang.Shutdown".equals(frame.getClassName())) {
                    return true;
                }
            }
            return false;
        }
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
        return new TriggerID(eventType, eventTriggers
                .computeIfAbsent(eventType, k -> new ThreePhaseEvent())
                .addTrigger(phase, callable));
    }

    /** A trigger's handle, with its event type: what addSystemEventTrigger returns. */
    record TriggerID(String eventType, ThreePhaseEvent.Handle handle) {}

    /**
     * Removes a trigger added with {@link #addSystemEventTrigger}.
     *
     * @throws IllegalArgumentException if {@code triggerID} is not one, or its trigger was
     *     removed or has run (Twisted's {@code ValueError})
     */
    @Override
    public void removeSystemEventTrigger(Object triggerID) {
        if (triggerID instanceof TriggerID id && eventTriggers.get(id.eventType()) != null) {
            eventTriggers.get(id.eventType()).removeTrigger(id.handle());
            return;
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
            threadpoolStartupID = callWhenRunning(threadpool::start);
            threadpoolShutdownID = addSystemEventTrigger("during", "shutdown", call(this::stopThreadPool));
        }
        return threadpool;
    }

    /**
     * Stops the reactor's threadpool, if it has one, and forgets it and its startup and shutdown
     * triggers; the next {@link #getThreadPool} creates a new one. Twisted's
     * {@code _stopThreadPool}: the reactor calls it during "shutdown", and trial between test
     * classes.
     */
    public void stopThreadPool() {
        ThreadPool pool;
        Object startupID;
        Object shutdownID;
        synchronized (this) {
            pool = threadpool;
            startupID = threadpoolStartupID;
            shutdownID = threadpoolShutdownID;
            threadpool = null;
            threadpoolStartupID = null;
            threadpoolShutdownID = null;
        }
        for (Object trigger : new Object[] {startupID, shutdownID}) {
            if (trigger != null) {
                try {
                    removeSystemEventTrigger(trigger);
                } catch (IllegalArgumentException e) {
                    // Already fired (or firing).
                }
            }
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
