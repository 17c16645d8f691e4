package dev.twj.internet.interfaces;

import dev.twj.internet.defer.Deferred;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The core of a reactor: running, stopping, and the system events. Port of
 * {@code twisted.internet.interfaces.IReactorCore}.
 *
 * <p>System events have a type ({@code "startup"}, {@code "shutdown"}, {@code "persist"} or any
 * other name) and three phases, {@code "before"}, {@code "during"} and {@code "after"}. A
 * {@code "before"} trigger may return a Deferred; the {@code "during"} phase waits until every
 * such Deferred has fired.
 */
public interface IReactorCore {
    /** Returns true while the reactor is running, from {@code run} until it has stopped. */
    boolean running();

    /**
     * Returns a Deferred that fires with the IP address of {@code name}, resolved off the
     * reactor thread by the installed resolver.
     */
    Deferred<String> resolve(String name, List<Integer> timeout);

    /** Fires the "startup" system event, then runs the main loop until {@link #stop} is called. */
    void run();

    /**
     * Fires the "shutdown" system event, which stops the main loop once its triggers are done.
     *
     * @throws RuntimeException {@code ReactorNotRunning} if the reactor is not running
     */
    void stop();

    /** Stops the main loop at once, with no shutdown event: for tests and emergencies. */
    void crash();

    /** Runs one iteration of the main loop, waiting at most {@code delay} seconds for events. */
    void iterate(double delay);

    /** Fires the system event {@code eventType}, running its triggers phase by phase. */
    void fireSystemEvent(String eventType);

    /**
     * Adds a function to be called when the system event {@code eventType} fires.
     *
     * @param phase {@code "before"}, {@code "during"} or {@code "after"}
     * @param callable the trigger; if it returns a Deferred in the "before" phase, the
     *     event waits for it
     * @return an ID for {@link #removeSystemEventTrigger}
     */
    Object addSystemEventTrigger(String phase, String eventType, Callable<?> callable);

    /** Removes a trigger added with {@link #addSystemEventTrigger}. */
    void removeSystemEventTrigger(Object triggerID);

    /**
     * Calls {@code callable} when the reactor is running: at once if it is, else as soon as
     * {@link #run} starts.
     *
     * @return an ID for {@link #removeSystemEventTrigger}, or null if called at once
     */
    Object callWhenRunning(Runnable callable);
}
