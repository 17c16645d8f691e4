package dev.twj.python.threadpool;

import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of named daemon threads to which work can be dispatched. Port of
 * {@code twisted.python.threadpool.ThreadPool}.
 *
 * <p>Work given before {@link #start} waits and runs once the pool starts. The pool keeps at
 * most {@code maxthreads} threads; work beyond that queues. {@link #stop} lets queued work
 * finish, then joins the threads. An exception thrown by work given to {@link #callInThread}
 * is logged; use {@link #callInThreadWithCallback} to receive it.
 *
 * <h2>Contract</h2>
 * <p>Thread-safe. The reactor's pool ({@code reactor.getThreadPool()}) is started when the
 * reactor runs and stopped during its shutdown.
 */
public final class ThreadPool implements Executor {
    /** Receives the outcome of {@link #callInThreadWithCallback}, in the worker thread. */
    @FunctionalInterface
    public interface OnResult<T> {
        /**
         * Receives the outcome.
         *
         * @param success true if the work returned, false if it threw
         * @param result what it returned, or a {@link Failure} of what it threw
         */
        void onResult(boolean success, Object result);
    }

    private static final Logger log = new Logger(ThreadPool.class);
    private static final AtomicInteger poolNumber = new AtomicInteger();

    private final String name;
    private int min;
    private int max;
    private final List<Runnable> pending = new ArrayList<>();
    private ThreadPoolExecutor executor;
    private boolean started;
    private boolean joined;

    /** Creates a pool with Twisted's defaults: 5 to 20 threads. */
    public ThreadPool() {
        this(5, 20, null);
    }

    /**
     * Creates a pool.
     *
     * @param minthreads the threads started with the pool
     * @param maxthreads the most threads the pool will run at once
     * @param name the pool's name, part of its threads' names; null for a generated one
     * @throws IllegalArgumentException if {@code minthreads < 0} or {@code maxthreads < minthreads}
     *     or {@code maxthreads < 1}
     */
    public ThreadPool(int minthreads, int maxthreads, String name) {
        checkSizes(minthreads, maxthreads);
        this.min = minthreads;
        this.max = maxthreads;
        this.name = name != null ? name : "ThreadPool-" + poolNumber.incrementAndGet();
    }

    private static void checkSizes(int minthreads, int maxthreads) {
        if (minthreads < 0) {
            throw new IllegalArgumentException("minimum is negative: " + minthreads);
        }
        if (maxthreads < 1 || minthreads > maxthreads) {
            throw new IllegalArgumentException(
                    "minimum " + minthreads + " is greater than maximum " + maxthreads
                            + " (or maximum < 1)");
        }
    }

    /** Returns the pool's name. */
    public String name() {
        return name;
    }

    /** Returns the minimum number of threads. */
    public synchronized int min() {
        return min;
    }

    /** Returns the maximum number of threads. */
    public synchronized int max() {
        return max;
    }

    /** Returns true between {@link #start} and {@link #stop}. */
    public synchronized boolean started() {
        return started;
    }

    /** Returns true once {@link #stop} has run. */
    public synchronized boolean joined() {
        return joined;
    }

    /** Returns the number of threads the pool runs now. */
    public synchronized int threadCount() {
        return executor == null ? 0 : executor.getPoolSize();
    }

    /** Returns the number of work items waiting for a thread. */
    public synchronized int queued() {
        return executor == null ? pending.size() : executor.getQueue().size();
    }

    /**
     * Starts the pool: starts {@code minthreads} threads and hands them the work given so far.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        joined = false;
        started = true;
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "PoolThread-" + name + "-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = new ThreadPoolExecutor(
                max, max, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
        for (int i = 0; i < min; i++) {
            executor.prestartCoreThread();
        }
        for (Runnable r : pending) {
            executor.execute(r);
        }
        pending.clear();
    }

    /**
     * Changes the pool's size limits.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public synchronized void adjustPoolsize(int minthreads, int maxthreads) {
        checkSizes(minthreads, maxthreads);
        this.min = minthreads;
        this.max = maxthreads;
        if (executor != null) {
            if (maxthreads > executor.getMaximumPoolSize()) {
                executor.setMaximumPoolSize(maxthreads);
                executor.setCorePoolSize(maxthreads);
            } else {
                executor.setCorePoolSize(maxthreads);
                executor.setMaximumPoolSize(maxthreads);
            }
            while (executor.getPoolSize() < minthreads && executor.prestartCoreThread()) {
                // Start threads up to the new minimum.
            }
        }
    }

    /** Runs {@code work} in a pool thread; an exception it throws is logged. */
    public void callInThread(Runnable work) {
        dispatch(() -> {
            try {
                work.run();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.failure("Unhandled error in thread pool {name}", new Failure(t), "name", name);
            }
        });
    }

    /** Same as {@link #callInThread}: lets the pool serve as an {@link Executor}. */
    @Override
    public void execute(Runnable command) {
        callInThread(command);
    }

    /**
     * Runs {@code work} in a pool thread, then calls {@code onResult} in that thread with its
     * outcome. An exception thrown by {@code onResult} is logged.
     */
    public <T> void callInThreadWithCallback(OnResult<? super T> onResult, Callable<T> work) {
        dispatch(() -> {
            boolean success;
            Object result;
            try {
                result = work.call();
                success = true;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                result = new Failure(t);
                success = false;
            }
            try {
                onResult.onResult(success, result);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.failure("Unhandled error in onResult of thread pool {name}", new Failure(t),
                        "name", name);
            }
        });
    }

    private synchronized void dispatch(Runnable r) {
        if (executor == null || executor.isShutdown()) {
            pending.add(r);
        } else {
            executor.execute(r);
        }
    }

    /**
     * Shuts down the pool: lets queued work finish, then waits for the threads to end. Work given
     * afterwards waits for the next {@link #start}.
     */
    public void stop() {
        ThreadPoolExecutor e;
        synchronized (this) {
            e = executor;
            started = false;
            joined = true;
        }
        if (e == null) {
            return;
        }
        e.shutdown();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (e.awaitTermination(1, TimeUnit.DAYS)) {
                        break;
                    }
                } catch (InterruptedException ie) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (executor == e) {
                executor = null;
            }
        }
    }

    @Override
    public String toString() {
        return "<ThreadPool " + name + " min=" + min + " max=" + max + " started=" + started + ">";
    }
}
