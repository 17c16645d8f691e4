package dev.twj.internet.interfaces;

/**
 * Runs calls in a thread pool. Port of {@code twisted.internet.interfaces.IReactorInThreads}.
 */
public interface IReactorInThreads {
    /** Runs {@code callable} in a separate thread, from the reactor's thread pool. */
    void callInThread(Runnable callable);
}
