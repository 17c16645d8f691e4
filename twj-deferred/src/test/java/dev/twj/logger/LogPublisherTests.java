package dev.twj.logger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link LogPublisher}. Port of {@code twisted.logger.test.test_observer.LogPublisherTests}. */
class LogPublisherTests {

    private static Map<String, Object> event() {
        return new HashMap<>(Map.of("foo", 1, "bar", 2));
    }

    /** LogPublisher is an ILogObserver. */
    @Test
    public void test_interface() {
        LogPublisher publisher = new LogPublisher();
        assertInstanceOf(ILogObserver.class, publisher);
    }

    /** {@code observers()} returns the observers. */
    @Test
    public void test_observers() {
        ILogObserver o1 = e -> {};
        ILogObserver o2 = e -> {};

        LogPublisher publisher = new LogPublisher(o1, o2);
        assertEquals(Set.of(o1, o2), Set.copyOf(publisher.observers()));
    }

    /** {@code addObserver} adds an observer. */
    @Test
    public void test_addObserver() {
        ILogObserver o1 = e -> {};
        ILogObserver o2 = e -> {};
        ILogObserver o3 = e -> {};

        LogPublisher publisher = new LogPublisher(o1, o2);
        publisher.addObserver(o3);
        assertEquals(Set.of(o1, o2, o3), Set.copyOf(publisher.observers()));
    }

    /**
     * {@code addObserver} refuses to add an observer that's not callable: in Java, null (Twisted
     * raises TypeError; Java NullPointerException).
     */
    @Test
    public void test_addObserverNotCallable() {
        LogPublisher publisher = new LogPublisher();
        assertThrows(NullPointerException.class, () -> publisher.addObserver(null));
    }

    /** {@code removeObserver} removes an observer. */
    @Test
    public void test_removeObserver() {
        ILogObserver o1 = e -> {};
        ILogObserver o2 = e -> {};
        ILogObserver o3 = e -> {};

        LogPublisher publisher = new LogPublisher(o1, o2, o3);
        publisher.removeObserver(o2);
        assertEquals(Set.of(o1, o3), Set.copyOf(publisher.observers()));
    }

    /** {@code removeObserver} removes an observer that is not registered. */
    @Test
    public void test_removeObserverNotRegistered() {
        ILogObserver o1 = e -> {};
        ILogObserver o2 = e -> {};
        ILogObserver o3 = e -> {};

        LogPublisher publisher = new LogPublisher(o1, o2);
        publisher.removeObserver(o3);
        assertEquals(Set.of(o1, o2), Set.copyOf(publisher.observers()));
    }

    /** LogPublisher calls its observers. */
    @Test
    public void test_fanOut() {
        Map<String, Object> event = event();

        List<Map<String, Object>> events1 = new ArrayList<>();
        List<Map<String, Object>> events2 = new ArrayList<>();
        List<Map<String, Object>> events3 = new ArrayList<>();

        LogPublisher publisher = new LogPublisher(events1::add, events2::add, events3::add);
        publisher.accept(event);
        assertTrue(events1.contains(event));
        assertTrue(events2.contains(event));
        assertTrue(events3.contains(event));
    }

    /**
     * Observer raises an exception during fan out: a failure is logged, but not re-raised. Life
     * goes on.
     */
    @Test
    public void test_observerRaises() {
        Map<String, Object> event = event();
        RuntimeException exception = new RuntimeException("ARGH! EVIL DEATH!");

        List<Map<String, Object>> events = new ArrayList<>();

        ILogObserver observer = e -> {
            boolean shouldRaise = events.isEmpty();
            events.add(e);
            if (shouldRaise) {
                throw exception;
            }
        };

        List<Map<String, Object>> collector = new ArrayList<>();

        LogPublisher publisher = new LogPublisher(observer, collector::add);
        publisher.accept(event);

        // Verify that the observer saw my event
        assertTrue(events.contains(event));

        // Verify that the observer raised my exception
        List<Failure> errors = collector.stream().filter(e -> e.containsKey("log_failure"))
                .map(e -> (Failure) e.get("log_failure")).toList();
        assertEquals(1, errors.size());
        assertSame(exception, errors.get(0).value());
        // Make sure the exceptional observer does not receive its own error.
        assertEquals(1, events.size());
    }

    /**
     * Observer raises an exception during fan out and reporting the failure raises too (Twisted
     * replaces the publisher's Logger with one whose {@code failure} raises; in Java the only
     * other observer raises on the report). The exception does not propagate back to the caller.
     */
    @Test
    public void test_observerRaisesAndLoggerHatesMe() {
        Map<String, Object> event = event();
        RuntimeException exception = new RuntimeException("ARGH! EVIL DEATH!");

        ILogObserver observer = e -> {
            throw new RuntimeException("Sad panda");
        };
        ILogObserver gurk = e -> {
            if (e.containsKey("log_failure")) {
                throw exception;
            }
        };

        LogPublisher publisher = new LogPublisher(observer, gurk);
        // Here, the lack of an exception thus far is a success, of sorts
        assertDoesNotThrow(() -> publisher.accept(event));
    }

    /** Tracing keeps track of forwarding to observers. */
    @Test
    public void test_trace() {
        Map<String, Object> event = event();
        event.put("log_trace", new ArrayList<>());

        Map<Integer, List<?>> traces = new HashMap<>();

        // Copy trace to a list; otherwise, both observers will store the same mutable list, and
        // we won't be able to see o1's view distinctly.
        ILogObserver o1 = e -> traces.putIfAbsent(1, List.copyOf((List<?>) e.get("log_trace")));
        ILogObserver o2 = e -> traces.putIfAbsent(2, List.copyOf((List<?>) e.get("log_trace")));

        LogPublisher publisher = new LogPublisher(o1, o2);
        publisher.accept(event);

        assertEquals(List.of(Map.entry(publisher, o1)), traces.get(1));
        assertEquals(List.of(Map.entry(publisher, o1), Map.entry(publisher, o2)), traces.get(2));
    }
}
