package dev.twj.logger;

import dev.twj.python.failure.Failure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards each event to a list of observers. Port of {@code twisted.logger.LogPublisher}.
 *
 * <p>Thread-safe: observers may be added and removed, and events emitted, from any thread.
 */
public final class LogPublisher implements ILogObserver {
    private final List<ILogObserver> observers = new CopyOnWriteArrayList<>();

    /** Creates a publisher forwarding to {@code observers}. */
    public LogPublisher(ILogObserver... observers) {
        this.observers.addAll(List.of(observers));
    }

    /** Adds {@code observer}, unless it is already there. */
    public void addObserver(ILogObserver observer) {
        if (!observers.contains(observer)) {
            observers.add(observer);
        }
    }

    /** Removes {@code observer}; does nothing if it is not there. */
    public void removeObserver(ILogObserver observer) {
        observers.remove(observer);
    }

    /** Returns a snapshot of the observers, in the order events reach them. */
    public List<ILogObserver> observers() {
        return List.copyOf(observers);
    }

    /**
     * Sends {@code event} to every observer. An observer that throws is reported to the others as
     * a {@code "Temporarily disabling observer"} error, and the event still reaches the rest.
     */
    @Override
    public void accept(Map<String, Object> event) {
        for (ILogObserver observer : observers) {
            try {
                observer.accept(event);
            } catch (RuntimeException e) {
                Map<String, Object> error = Logger.newEvent(
                        "dev.twj.logger", this, LogLevel.critical,
                        "Temporarily disabling observer {observer} due to exception");
                error.put("observer", observer);
                error.put("log_failure", new Failure(e));
                for (ILogObserver other : observers) {
                    if (other != observer) {
                        try {
                            other.accept(error);
                        } catch (RuntimeException ignored) {
                            // Do not recurse into a second broken observer.
                        }
                    }
                }
            }
        }
    }
}
