package dev.twj.internet.interfaces;

/**
 * Dispatches calls made from other threads onto the reactor thread. Port of
 * {@code twisted.internet.interfaces.IReactorFromThreads}.
 */
public interface IReactorFromThreads {
    /**
     * Causes {@code callable} to run in the reactor thread at the next opportunity. This is the
     * one reactor method that is safe to call from any thread; calls run in the order made
     * (first in, first out), and the call wakes the reactor up.
     */
    void callFromThread(Runnable callable);
}
