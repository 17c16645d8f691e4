package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.defer.Deferred;
import dev.twj.logger.CapturedLogs;
import dev.twj.logger.LogLevel;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for the private implementation helpers for system event triggers. Port of
 * {@code twisted.test.test_internet.ThreePhaseEventTests}.
 *
 * <p>Where Java differs: Python's {@code KeyError} and {@code ValueError} are both
 * {@link IllegalArgumentException}; a trigger takes no arguments (a lambda captures them), so the
 * phase lists hold the callables; Twisted's DeprecationWarning on removing a fired before
 * trigger is a log event at level warn.
 */
class ThreePhaseEventTests {
    private Callable<Object> trigger;
    private ThreePhaseEvent event;
    private CapturedLogs logs;

    /** Create a trigger and an event to be used by tests. */
    @BeforeEach
    void setUp() {
        trigger = () -> null;
        event = new ThreePhaseEvent();
        logs = CapturedLogs.capture();
    }

    @AfterEach
    void closeLogs() {
        logs.close();
    }

    private static Callable<Object> append(List<Object> events, Object value) {
        return () -> events.add(value);
    }

    private long loggedFailures(Class<?> type) {
        return logs.events().stream()
                .filter(e -> e.get("log_failure") instanceof Failure f && f.check(type) != null)
                .count();
    }

    /** {@code addTrigger} should raise {@code KeyError} when called with an invalid phase. */
    @Test
    public void test_addInvalidPhase() {
        assertThrows(IllegalArgumentException.class, () -> event.addTrigger("xxx", trigger));
    }

    /** {@code addTrigger} should accept "before" as a phase and add the callable to the before list. */
    @Test
    public void test_addBeforeTrigger() {
        event.addTrigger("before", trigger);
        assertEquals(List.of(trigger), event.triggers("before"));
    }

    /** {@code addTrigger} should accept "during" as a phase and add the callable to the during list. */
    @Test
    public void test_addDuringTrigger() {
        event.addTrigger("during", trigger);
        assertEquals(List.of(trigger), event.triggers("during"));
    }

    /** {@code addTrigger} should accept "after" as a phase and add the callable to the after list. */
    @Test
    public void test_addAfterTrigger() {
        event.addTrigger("after", trigger);
        assertEquals(List.of(trigger), event.triggers("after"));
    }

    /**
     * {@code removeTrigger} should accept an opaque object previously returned by
     * {@code addTrigger} and remove the associated trigger.
     */
    @Test
    public void test_removeTrigger() {
        ThreePhaseEvent.Handle handle = event.addTrigger("before", trigger);
        event.removeTrigger(handle);
        assertEquals(List.of(), event.triggers("before"));
    }

    /**
     * {@code removeTrigger} should raise {@code ValueError} when given an object not previously
     * returned by {@code addTrigger}.
     */
    @Test
    public void test_removeNonexistentTrigger() {
        assertThrows(IllegalArgumentException.class,
                () -> event.removeTrigger(new ThreePhaseEvent.Handle("before", trigger, 42)));
    }

    /**
     * {@code removeTrigger} should raise {@code ValueError} the second time it is called with an
     * object returned by {@code addTrigger}.
     */
    @Test
    public void test_removeRemovedTrigger() {
        ThreePhaseEvent.Handle handle = event.addTrigger("before", trigger);
        event.removeTrigger(handle);
        assertThrows(IllegalArgumentException.class, () -> event.removeTrigger(handle));
    }

    /**
     * {@code removeTrigger} should raise {@code ValueError} if it is given a trigger handle which
     * resembles a valid trigger handle aside from its phase being incorrect.
     */
    @Test
    public void test_removeAlmostValidTrigger() {
        assertThrows(IllegalArgumentException.class,
                () -> event.removeTrigger(new ThreePhaseEvent.Handle("xxx", trigger, 0)));
    }

    /** {@code fireEvent} should call before, during, and after phase triggers in that order. */
    @Test
    public void test_fireEvent() {
        List<Object> events = new ArrayList<>();
        event.addTrigger("after", append(events, List.of("first", "after")));
        event.addTrigger("during", append(events, List.of("first", "during")));
        event.addTrigger("before", append(events, List.of("first", "before")));
        event.addTrigger("before", append(events, List.of("second", "before")));
        event.addTrigger("during", append(events, List.of("second", "during")));
        event.addTrigger("after", append(events, List.of("second", "after")));
        assertEquals(List.of(), events);
        event.fireEvent();
        assertEquals(List.of(
                List.of("first", "before"), List.of("second", "before"),
                List.of("first", "during"), List.of("second", "during"),
                List.of("first", "after"), List.of("second", "after")), events);
    }

    /**
     * {@code fireEvent} should wait for any Deferred returned by a before phase trigger before
     * proceeding to during events.
     */
    @Test
    public void test_asynchronousBefore() {
        List<Object> events = new ArrayList<>();
        Deferred<Object> beforeResult = new Deferred<>();
        event.addTrigger("before", () -> beforeResult);
        event.addTrigger("during", append(events, "during"));
        event.addTrigger("after", append(events, "after"));
        assertEquals(List.of(), events);
        event.fireEvent();
        assertEquals(List.of(), events);
        beforeResult.callback(null);
        assertEquals(List.of("during", "after"), events);
    }

    /** An exception of the tests. */
    static final class DummyException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /**
     * If a before-phase trigger raises a synchronous exception, it should be logged and the
     * remaining triggers should be run.
     */
    @Test
    public void test_beforeTriggerException() {
        List<Object> events = new ArrayList<>();
        event.addTrigger("before", () -> {
            throw new DummyException();
        });
        event.addTrigger("before", append(events, "before"));
        event.addTrigger("during", append(events, "during"));
        event.fireEvent();
        assertEquals(List.of("before", "during"), events);
        assertEquals(1, loggedFailures(DummyException.class));
    }

    /**
     * If a during-phase trigger raises a synchronous exception, it should be logged and the
     * remaining triggers should be run.
     */
    @Test
    public void test_duringTriggerException() {
        List<Object> events = new ArrayList<>();
        event.addTrigger("during", () -> {
            throw new DummyException();
        });
        event.addTrigger("during", append(events, "during"));
        event.addTrigger("after", append(events, "after"));
        event.fireEvent();
        assertEquals(List.of("during", "after"), events);
        assertEquals(1, loggedFailures(DummyException.class));
    }

    /**
     * If a before-phase trigger tries to remove another before-phase trigger which has already
     * run, a warning should be emitted.
     */
    @Test
    public void test_synchronousRemoveAlreadyExecutedBefore() {
        List<Object> events = new ArrayList<>();
        ThreePhaseEvent.Handle[] beforeHandle = {null};
        beforeHandle[0] = event.addTrigger("before", append(events, List.of("first", "before")));
        event.addTrigger("before", () -> {
            event.removeTrigger(beforeHandle[0]);
            return null;
        });
        event.addTrigger("before", append(events, List.of("second", "before")));
        event.fireEvent();
        List<Map<String, Object>> warnings = logs.events().stream()
                .filter(e -> e.get("log_level") == LogLevel.warn)
                .toList();
        assertEquals(1, warnings.size());
        assertEquals("Removing already-fired system event triggers will raise an exception in a"
                + " future version of Twisted.", warnings.get(0).get("log_format"));
        assertEquals(List.of(List.of("first", "before"), List.of("second", "before")), events);
    }

    /**
     * If a before-phase trigger removes another before-phase trigger which has not yet run, the
     * removed trigger should not be run.
     */
    @Test
    public void test_synchronousRemovePendingBefore() {
        List<Object> events = new ArrayList<>();
        ThreePhaseEvent.Handle[] beforeHandle = {null};
        event.addTrigger("before", () -> {
            event.removeTrigger(beforeHandle[0]);
            return null;
        });
        beforeHandle[0] = event.addTrigger("before", append(events, List.of("first", "before")));
        event.addTrigger("before", append(events, List.of("second", "before")));
        event.fireEvent();
        assertEquals(List.of(List.of("second", "before")), events);
    }

    /**
     * If a before-phase trigger removes a during-phase trigger, the during-phase trigger should
     * not be run.
     */
    @Test
    public void test_synchronousBeforeRemovesDuring() {
        List<Object> events = new ArrayList<>();
        ThreePhaseEvent.Handle[] duringHandle = {null};
        event.addTrigger("before", () -> {
            event.removeTrigger(duringHandle[0]);
            return null;
        });
        duringHandle[0] = event.addTrigger("during", append(events, "during"));
        event.addTrigger("after", append(events, "after"));
        event.fireEvent();
        assertEquals(List.of("after"), events);
    }

    /**
     * If a before-phase trigger returns a Deferred and later removes a during-phase trigger
     * before the Deferred fires, the during-phase trigger should not be run.
     */
    @Test
    public void test_asynchronousBeforeRemovesDuring() {
        List<Object> events = new ArrayList<>();
        Deferred<Object> beforeResult = new Deferred<>();
        event.addTrigger("before", () -> beforeResult);
        ThreePhaseEvent.Handle duringHandle = event.addTrigger("during", append(events, "during"));
        event.addTrigger("after", append(events, "after"));
        event.fireEvent();
        event.removeTrigger(duringHandle);
        beforeResult.callback(null);
        assertEquals(List.of("after"), events);
    }

    /**
     * If a before-phase trigger removes a during-phase trigger which is identical to an
     * already-executed before-phase trigger aside from their phases, no warning should be
     * emitted and the during-phase trigger should not be run.
     */
    @Test
    public void test_synchronousBeforeRemovesConspicuouslySimilarDuring() {
        List<Object> events = new ArrayList<>();
        Callable<Object> same = append(events, "trigger");
        ThreePhaseEvent.Handle[] duringTrigger = {null};
        event.addTrigger("before", same);
        event.addTrigger("before", () -> {
            event.removeTrigger(duringTrigger[0]);
            return null;
        });
        duringTrigger[0] = event.addTrigger("during", same);
        event.fireEvent();
        assertEquals(List.of("trigger"), events);
        assertEquals(0, logs.events().stream().filter(e -> e.get("log_level") == LogLevel.warn).count());
    }

    /**
     * If a during-phase trigger removes another during-phase trigger which has not yet run, the
     * removed trigger should not be run.
     */
    @Test
    public void test_synchronousRemovePendingDuring() {
        List<Object> events = new ArrayList<>();
        ThreePhaseEvent.Handle[] duringHandle = {null};
        event.addTrigger("during", () -> {
            event.removeTrigger(duringHandle[0]);
            return null;
        });
        duringHandle[0] = event.addTrigger("during", append(events, List.of("first", "during")));
        event.addTrigger("during", append(events, List.of("second", "during")));
        event.fireEvent();
        assertEquals(List.of(List.of("second", "during")), events);
    }

    /** A trigger should only be called on the first call to {@code fireEvent}. */
    @Test
    public void test_triggersRunOnce() {
        List<Object> events = new ArrayList<>();
        event.addTrigger("before", append(events, "before"));
        event.addTrigger("during", append(events, "during"));
        event.addTrigger("after", append(events, "after"));
        event.fireEvent();
        event.fireEvent();
        assertEquals(List.of("before", "during", "after"), events);
    }

    /**
     * The temporary list {@code finishedBefore} should be emptied and the state reset to "BASE"
     * before the first during-phase trigger executes.
     */
    @Test
    public void test_finishedBeforeTriggersCleared() {
        List<Object> events = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        event.addTrigger("before", append(events, "before"));
        event.addTrigger("during", () -> {
            events.add("during");
            seen.add(event.finishedBefore());
            seen.add(event.state());
            return null;
        });
        event.fireEvent();
        assertEquals(List.of("before", "during"), events);
        assertEquals(List.of(List.of(), "BASE"), seen);
    }
}
