package dev.twj.internet.testing;

import dev.twj.logger.ILogObserver;
import dev.twj.logger.LogPublisher;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A log observer that stores its events in a list for later inspection. Port of
 * {@code twisted.internet.testing.EventLoggingObserver}; it is itself the (read-only) list.
 */
public final class EventLoggingObserver extends AbstractList<Map<String, Object>>
        implements ILogObserver {
    private final List<Map<String, Object>> events = new ArrayList<>();

    /** Creates an observer with no events. */
    public EventLoggingObserver() {}

    /**
     * Creates an observer, adds it to {@code publisher}, and returns it with a way to remove it:
     * Twisted's {@code createWithCleanup}, where the cleanup is the returned handle's
     * {@code close} (use try-with-resources, or a test's addCleanup).
     */
    public static Registration createWithCleanup(LogPublisher publisher) {
        EventLoggingObserver observer = new EventLoggingObserver();
        publisher.addObserver(observer);
        return new Registration(observer, publisher);
    }

    /** An observer added to a publisher; {@link #close} removes it. */
    public record Registration(EventLoggingObserver observer, LogPublisher publisher)
            implements AutoCloseable {
        @Override
        public void close() {
            publisher.removeObserver(observer);
        }
    }

    @Override
    public synchronized void accept(Map<String, Object> event) {
        events.add(event);
    }

    @Override
    public synchronized Map<String, Object> get(int index) {
        return events.get(index);
    }

    @Override
    public synchronized int size() {
        return events.size();
    }
}
