package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.selectreactor.SelectReactor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for the reactor's implementation of the {@code fireSystemEvent},
 * {@code addSystemEventTrigger}, and {@code removeSystemEventTrigger} methods of
 * {@code IReactorCore}. Port of {@code twisted.test.test_internet.SystemEventTests}.
 *
 * <p>Where Java differs: Twisted uses the global reactor, which trial keeps running; these
 * methods do not need a running reactor, so each test uses a new {@link SelectReactor}. Python's
 * {@code TypeError}, {@code KeyError} and {@code ValueError} are {@link IllegalArgumentException}.
 */
class SystemEventTests {
    private ReactorBase reactor;
    /** The handles to triggers which have been added to the reactor. */
    private List<Object> triggers;

    /** Create an empty list in which to store trigger handles. */
    @BeforeEach
    void setUp() {
        reactor = new SelectReactor();
        triggers = new ArrayList<>();
    }

    /** Remove all remaining triggers from the reactor. */
    @AfterEach
    void tearDown() {
        while (!triggers.isEmpty()) {
            Object trigger = triggers.remove(triggers.size() - 1);
            try {
                reactor.removeSystemEventTrigger(trigger);
            } catch (IllegalArgumentException e) {
                // Already gone.
            }
        }
    }

    /** Add a trigger to the reactor and remember it in {@code triggers}. */
    private Object addTrigger(String phase, String eventType, Callable<?> func) {
        Object t = reactor.addSystemEventTrigger(phase, eventType, func);
        triggers.add(t);
        return t;
    }

    /** Remove a trigger by its handle from the reactor and from {@code triggers}. */
    private void removeTrigger(Object trigger) {
        reactor.removeSystemEventTrigger(trigger);
        triggers.remove(trigger);
    }

    private static Callable<Object> append(List<Object> events, Object value) {
        return () -> events.add(value);
    }

    private void addSystemEventTriggerTest(String phase) {
        String eventType = "test";
        List<Object> events = new ArrayList<>();
        addTrigger(phase, eventType, () -> events.add("called"));
        assertEquals(List.of(), events);
        reactor.fireSystemEvent(eventType);
        assertEquals(List.of("called"), events);
    }

    /**
     * {@code addSystemEventTrigger} should accept the "before" phase and not call the given
     * object until the right event is fired.
     */
    @Test
    public void test_beforePhase() {
        addSystemEventTriggerTest("before");
    }

    /**
     * {@code addSystemEventTrigger} should accept the "during" phase and not call the given
     * object until the right event is fired.
     */
    @Test
    public void test_duringPhase() {
        addSystemEventTriggerTest("during");
    }

    /**
     * {@code addSystemEventTrigger} should accept the "after" phase and not call the given
     * object until the right event is fired.
     */
    @Test
    public void test_afterPhase() {
        addSystemEventTriggerTest("after");
    }

    /**
     * {@code addSystemEventTrigger} should reject phases other than "before", "during", or
     * "after".
     */
    @Test
    public void test_unknownPhase() {
        assertThrows(IllegalArgumentException.class, () -> addTrigger("xxx", "test", () -> null));
    }

    /**
     * {@code addSystemEventTrigger} should call triggers added to the "before" phase before it
     * calls triggers added to the "during" phase.
     */
    @Test
    public void test_beforePreceedsDuring() {
        String eventType = "test";
        List<Object> events = new ArrayList<>();
        addTrigger("before", eventType, append(events, "before"));
        addTrigger("during", eventType, append(events, "during"));
        assertEquals(List.of(), events);
        reactor.fireSystemEvent(eventType);
        assertEquals(List.of("before", "during"), events);
    }

    /**
     * {@code addSystemEventTrigger} should call triggers added to the "during" phase before it
     * calls triggers added to the "after" phase.
     */
    @Test
    public void test_duringPreceedsAfter() {
        String eventType = "test";
        List<Object> events = new ArrayList<>();
        addTrigger("during", eventType, append(events, "during"));
        addTrigger("after", eventType, append(events, "after"));
        assertEquals(List.of(), events);
        reactor.fireSystemEvent(eventType);
        assertEquals(List.of("during", "after"), events);
    }

    /**
     * If a trigger added to the "before" phase of an event returns a Deferred, the "during"
     * phase should be delayed until it is called back.
     */
    @Test
    public void test_beforeReturnsDeferred() {
        Deferred<Object> triggerDeferred = new Deferred<>();
        String eventType = "test";
        List<Object> events = new ArrayList<>();
        addTrigger("before", eventType, () -> triggerDeferred);
        addTrigger("during", eventType, append(events, "during"));
        assertEquals(List.of(), events);
        reactor.fireSystemEvent(eventType);
        assertEquals(List.of(), events);
        triggerDeferred.callback(null);
        assertEquals(List.of("during"), events);
    }

    /**
     * If more than one trigger added to the "before" phase of an event return Deferreds, the
     * "during" phase should be delayed until they are all called back.
     */
    @Test
    public void test_multipleBeforeReturnDeferred() {
        Deferred<Object> firstDeferred = new Deferred<>();
        Deferred<Object> secondDeferred = new Deferred<>();
        String eventType = "test";
        List<Object> events = new ArrayList<>();
        addTrigger("before", eventType, () -> firstDeferred);
        addTrigger("before", eventType, () -> secondDeferred);
        addTrigger("during", eventType, append(events, "during"));
        assertEquals(List.of(), events);
        reactor.fireSystemEvent(eventType);
        assertEquals(List.of(), events);
        firstDeferred.callback(null);
        assertEquals(List.of(), events);
        secondDeferred.callback(null);
        assertEquals(List.of("during"), events);
    }

    /**
     * If a trigger added to the "before" phase of an event calls back a Deferred returned by an
     * earlier trigger in the "before" phase of the same event, the remaining "before" triggers
     * for that event should be run and any further Deferreds waited on before proceeding to the
     * "during" events.
     */
    @Test
    public void test_subsequentBeforeTriggerFiresPriorBeforeDeferred() {
        String eventType = "test";
        List<Object> events = new ArrayList<>();
        Deferred<Object> firstDeferred = new Deferred<>();
        Deferred<Object> secondDeferred = new Deferred<>();
        addTrigger("before", eventType, () -> firstDeferred);
        addTrigger("before", eventType, () -> {
            firstDeferred.callback(null);
            return null;
        });
        addTrigger("before", eventType, () -> {
            events.add("before");
            return secondDeferred;
        });
        addTrigger("during", eventType, append(events, "during"));
        assertEquals(List.of(), events);
        reactor.fireSystemEvent(eventType);
        assertEquals(List.of("before"), events);
        secondDeferred.callback(null);
        assertEquals(List.of("before", "during"), events);
    }

    /**
     * A trigger removed with {@code removeSystemEventTrigger} should not be called when the event
     * fires.
     */
    @Test
    public void test_removeSystemEventTrigger() {
        String eventType = "test";
        List<Object> events = new ArrayList<>();
        addTrigger("before", eventType, append(events, "first"));
        removeTrigger(addTrigger("before", eventType, append(events, "second")));
        assertEquals(List.of(), events);
        reactor.fireSystemEvent(eventType);
        assertEquals(List.of("first"), events);
    }

    /**
     * Passing an object to {@code removeSystemEventTrigger} which was not returned by a previous
     * call to {@code addSystemEventTrigger} or which has already been passed to
     * {@code removeSystemEventTrigger} should result in {@code TypeError}, {@code KeyError}, or
     * {@code ValueError} being raised.
     */
    @Test
    public void test_removeNonExistentSystemEventTrigger() {
        Object b = addTrigger("during", "test", () -> null);
        removeTrigger(b);
        assertThrows(IllegalArgumentException.class, () -> reactor.removeSystemEventTrigger(null));
        assertThrows(IllegalArgumentException.class, () -> reactor.removeSystemEventTrigger(b));
        ReactorBase.TriggerID id = (ReactorBase.TriggerID) b;
        ThreePhaseEvent.Handle h = id.handle();
        assertThrows(IllegalArgumentException.class, () -> reactor.removeSystemEventTrigger(
                new ReactorBase.TriggerID(id.eventType(), new ThreePhaseEvent.Handle("xxx", h.callable(), h.id()))));
    }

    /**
     * {@code fireSystemEvent} should behave the same way for a particular system event
     * regardless of whether Deferreds are being waited on for a different system event.
     */
    @Test
    public void test_interactionBetweenDifferentEvents() {
        List<Object> events = new ArrayList<>();
        String firstEvent = "first-event";
        Deferred<Object> firstDeferred = new Deferred<>();
        String secondEvent = "second-event";
        Deferred<Object> secondDeferred = new Deferred<>();
        addTrigger("before", firstEvent, () -> {
            events.add(List.of("before", "first"));
            return firstDeferred;
        });
        addTrigger("after", firstEvent, append(events, List.of("after", "first")));
        addTrigger("before", secondEvent, () -> {
            events.add(List.of("before", "second"));
            return secondDeferred;
        });
        addTrigger("after", secondEvent, append(events, List.of("after", "second")));
        assertEquals(List.of(), events);

        // After this, firstEvent should be stuck before 'during' waiting for firstDeferred.
        reactor.fireSystemEvent(firstEvent);
        assertEquals(List.of(List.of("before", "first")), events);

        // After this, secondEvent should be stuck before 'during' waiting for secondDeferred.
        reactor.fireSystemEvent(secondEvent);
        assertEquals(List.of(List.of("before", "first"), List.of("before", "second")), events);

        // After this, firstEvent should have finished completely, but secondEvent should be at
        // the same place.
        firstDeferred.callback(null);
        assertEquals(List.of(List.of("before", "first"), List.of("before", "second"),
                List.of("after", "first")), events);

        // After this, secondEvent should have finished completely.
        secondDeferred.callback(null);
        assertEquals(List.of(List.of("before", "first"), List.of("before", "second"),
                List.of("after", "first"), List.of("after", "second")), events);
    }
}
