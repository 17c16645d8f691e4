package dev.twj.logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Captures the events sent to a publisher while it is open, for tests. Port of
 * {@code twisted.logger.capturedLogs}:
 *
 * <pre>{@code
 * try (CapturedLogs logs = CapturedLogs.capture()) {
 *     codeThatLogs();
 *     assertEquals(1, logs.events().size());
 * }
 * }</pre>
 *
 * <p>Thread-safe: events may arrive from any thread.
 */
public final class CapturedLogs implements ILogObserver, AutoCloseable {
    private final LogPublisher publisher;
    private final List<Map<String, Object>> events = new ArrayList<>();

    private CapturedLogs(LogPublisher publisher) {
        this.publisher = publisher;
    }

    /** Starts capturing the events of the global publisher. */
    public static CapturedLogs capture() {
        return capture(Global.globalLogPublisher());
    }

    /** Starts capturing the events of {@code publisher}. */
    public static CapturedLogs capture(LogPublisher publisher) {
        CapturedLogs captured = new CapturedLogs(publisher);
        publisher.addObserver(captured);
        return captured;
    }

    @Override
    public synchronized void accept(Map<String, Object> event) {
        events.add(event);
    }

    /** Returns a snapshot of the events captured so far, oldest first. */
    public synchronized List<Map<String, Object>> events() {
        return List.copyOf(events);
    }

    /** Stops capturing. */
    @Override
    public void close() {
        publisher.removeObserver(this);
    }
}
