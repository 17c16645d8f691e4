package dev.twj.logger;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link ILogObserver} that fans out events to other observers. Port of
 * {@code twisted.logger.LogPublisher}.
 *
 * <p>An observer that throws does not stop the others: once every observer has seen the event,
 * each error is logged as a critical failure, {@code "Temporarily disabling observer {observer}
 * due to exception: {log_failure}"}, to every observer but the one that threw. As in Twisted, the
 * observer is not removed, and an error while reporting does not reach the emitter.
 *
 * <p>Contract: thread-safe; observers may be added and removed, and events emitted, from any
 * thread. Each event reaches the observers present when its delivery started, in the order they
 * were added, on the emitting thread.
 */
public final class LogPublisher implements ILogObserver {
    /** The format of the event reporting an observer that threw. */
    static final String OBSERVER_DISABLED =
            "Temporarily disabling observer {observer} due to exception: {log_failure}";

    private final CopyOnWriteArrayList<ILogObserver> observers = new CopyOnWriteArrayList<>();

    /** Creates a publisher forwarding to {@code observers}. */
    public LogPublisher(ILogObserver... observers) {
        this.observers.addAll(List.of(observers));
    }

    /**
     * Registers {@code observer}, unless it is already registered.
     *
     * @throws NullPointerException if {@code observer} is null (Twisted: a {@code TypeError} for
     *     an observer that is not callable)
     */
    public void addObserver(ILogObserver observer) {
        Objects.requireNonNull(observer, "Observer is not callable: null");
        observers.addIfAbsent(observer);
    }

    /** Unregisters {@code observer}; does nothing if it is not registered. */
    public void removeObserver(ILogObserver observer) {
        observers.remove(observer);
    }

    /** Returns a snapshot of the observers, in the order events reach them. */
    public List<ILogObserver> observers() {
        return List.copyOf(observers);
    }

    /** Forwards {@code event} to every observer. */
    @Override
    public void accept(Map<String, Object> event) {
        List<?> trace = event.get("log_trace") instanceof List<?> t ? t : null;
        List<ILogObserver> current = observers();
        List<Map.Entry<ILogObserver, Failure>> broken = new ArrayList<>();
        for (ILogObserver observer : current) {
            if (trace != null) {
                Logger.addTrace(trace, this, observer);
            }
            try {
                observer.accept(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                broken.add(Map.entry(observer, new Failure(e)));
            }
        }
        for (Map.Entry<ILogObserver, Failure> b : broken) {
            try {
                errorLoggerForObserver(current, b.getKey())
                        .failure(OBSERVER_DISABLED, b.getValue(), "observer", b.getKey());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // The error report failed too; it must not reach the code that logged.
            }
        }
    }

    /** A logger emitting to a publisher of every observer but {@code observer}. */
    private static Logger errorLoggerForObserver(
            List<ILogObserver> observers, ILogObserver observer) {
        LogPublisher errorPublisher = new LogPublisher(observers.stream()
                .filter(o -> o != observer).toArray(ILogObserver[]::new));
        return new Logger("dev.twj.logger", null, errorPublisher);
    }

    @Override
    public String toString() {
        return "LogPublisher{" + observers.size() + " observers}";
    }
}
