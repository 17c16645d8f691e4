package dev.twj.internet.interfaces;

import dev.twj.python.threadpool.ThreadPool;

/**
 * Dispatches methods to be called in other threads, and back from them. Port of
 * {@code twisted.internet.interfaces.IReactorThreads}.
 */
public interface IReactorThreads extends IReactorFromThreads, IReactorInThreads {
    /**
     * Returns the threadpool used by {@link #callInThread}, created on first use and stopped when
     * the reactor shuts down.
     */
    ThreadPool getThreadPool();

    /** Suggests the maximum number of threads of the reactor's thread pool. */
    void suggestThreadPoolSize(int size);
}
