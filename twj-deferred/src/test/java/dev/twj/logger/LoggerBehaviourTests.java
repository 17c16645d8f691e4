package dev.twj.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Java-only behaviour of {@link Logger}, {@link LogLevel} and {@link LogPublisher}. */
class LoggerBehaviourTests {

    @Test
    void fieldsMustAlternateNamesAndValues() {
        Logger log = new Logger("x", null, e -> {});
        assertThrows(IllegalArgumentException.class, () -> log.info("odd", "a"));
        assertThrows(IllegalArgumentException.class, () -> log.info("not a name", 1, 2));
    }

    @Test
    void failuresHandledRunsItsCodeOnce() {
        Logger log = new Logger("x", null, e -> {});
        Logger.FailuresHandled handled = log.failuresHandled("once");
        handled.run(() -> {});
        assertThrows(IllegalStateException.class, () -> handled.run(() -> {}));
    }

    @Test
    void failureHandlersLetVirtualMachineErrorsThrough() {
        List<Map<String, Object>> events = new ArrayList<>();
        Logger log = new Logger("x", null, events::add);
        assertThrows(StackOverflowError.class, () -> log.failureHandler("hot").run(() -> {
            throw new StackOverflowError();
        }));
        assertEquals(List.of(), events);
    }

    @Test
    void failureCarriesLevelAndFields() {
        List<Map<String, Object>> events = new ArrayList<>();
        Logger log = new Logger("x", null, events::add);
        Failure f = new Failure(new IllegalStateException("boom"));
        log.failure("while {doing}", f, LogLevel.warn, "doing", "frobbing");
        Map<String, Object> event = events.get(0);
        assertEquals(LogLevel.warn, event.get("log_level"));
        assertEquals(f, event.get("log_failure"));
        assertEquals("while frobbing", Format.formatEvent(event));
        assertTrue(event.get("log_time") instanceof Double);
    }

    @Test
    void aBrokenObserverStaysRegisteredAsInTwisted() {
        ILogObserver broken = e -> {
            throw new IllegalStateException();
        };
        LogPublisher publisher = new LogPublisher(broken);
        publisher.accept(new java.util.HashMap<>());
        assertEquals(List.of(broken), publisher.observers());
    }
}
