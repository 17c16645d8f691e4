package dev.twj.internet.base;

import static dev.twj.internet.base.ReactorSpinner.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.selectreactor.SelectReactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of {@code twisted.test.test_internet.DelayedTests}, on a new {@link SelectReactor} per
 * test instead of the global reactor.
 */
@Timeout(120)
class DelayedTests {
    private final SelectReactor reactor = new SelectReactor();
    private int counter;
    private Map<Integer, IDelayedCall> timers;
    private Deferred<Object> deferred;

    @BeforeEach
    void setUp() {
        counter = 0;
        timers = new HashMap<>();
        deferred = new Deferred<>();
    }

    @AfterEach
    void tearDown() {
        for (IDelayedCall t : timers.values()) {
            t.cancel();
        }
    }

    private void checkTimers() {
        List<IDelayedCall> l2 = reactor.getDelayedCalls();
        // There should be at least the calls we put in. There may be other calls that are none of
        // our business and that we should ignore, though.
        List<IDelayedCall> missing = new ArrayList<>();
        for (IDelayedCall dc : timers.values()) {
            if (!l2.contains(dc)) {
                missing.add(dc);
            }
        }
        assertTrue(missing.isEmpty(), "Should have been missing no calls, instead was missing " + missing);
    }

    private void callback(int tag) {
        timers.remove(tag);
        checkTimers();
    }

    private void addCallback(int tag) {
        callback(tag);
        addTimer(15, this::callback);
    }

    private void done(int tag) {
        callback(tag);
        deferred.callback(null);
    }

    private void addTimer(int when, IntConsumer callback) {
        int tag = counter;
        timers.put(tag, reactor.callLater(when * 0.01, () -> {
            try {
                callback.accept(tag);
            } catch (Throwable t) {
                if (!deferred.called()) {
                    deferred.errback(t);
                }
            }
        }));
        counter++;
        checkTimers();
    }

    @Test
    public void testGetDelayedCalls() {
        // This is not a race because we don't do anything which might call the reactor until we
        // have all the timers set up. If we did, this test might fail on slow systems.
        checkTimers();
        addTimer(35, this::done);
        addTimer(20, this::callback);
        addTimer(30, this::callback);
        int which = counter;
        addTimer(29, this::callback);
        addTimer(25, this::addCallback);
        addTimer(26, this::callback);

        timers.get(which).cancel();
        timers.remove(which);
        checkTimers();

        deferred.addCallback(x -> {
            checkTimers();
            return null;
        });
        waitFor(reactor, deferred);
    }

    /** {@code IDelayedCall.active} returns false once the call has run. */
    @Test
    public void test_active() {
        IDelayedCall dcall = reactor.callLater(0.01, () -> deferred.callback(true));
        assertTrue(dcall.active());
        deferred.addCallback(success -> {
            assertFalse(dcall.active());
            return success;
        });
        assertTrue((Boolean) waitFor(reactor, deferred));
    }
}
