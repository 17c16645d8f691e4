package dev.twj.internet.base;

import static dev.twj.internet.base.ReactorSpinner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.selectreactor.SelectReactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Task scheduling from threads tests. Port of
 * {@code twisted.test.test_internet.CallFromThreadTests}, on a new {@link SelectReactor} per test
 * instead of the global reactor.
 */
@Timeout(120)
class CallFromThreadTests {
    private final SelectReactor reactor = new SelectReactor();
    private int counter;
    private Deferred<Object> deferred;

    @BeforeEach
    void setUp() {
        counter = 0;
        deferred = new Deferred<>();
    }

    /** Override in subclasses. */
    void schedule(Runnable f) {
        reactor.callFromThread(f);
    }

    /** {@code callFromThread} can be used to schedule a large number of calls in the reactor thread. */
    @Test
    public void test_lotsOfThreadsAreScheduledCorrectly() {
        for (int i = 0; i < 100; i++) {
            schedule(() -> {
                counter++;
                if (counter == 100) {
                    deferred.callback(true);
                }
            });
        }
        waitFor(reactor, deferred);
    }

    /** Callbacks should be invoked in the order they were scheduled. */
    @Test
    public void test_threadsAreRunInScheduledOrder() {
        List<Integer> order = new ArrayList<>();
        deferred.addCallback(ignored -> {
            assertEquals(List.of(1, 2, 3), order);
            return null;
        });
        schedule(() -> order.add(1));
        schedule(() -> order.add(2));
        schedule(() -> order.add(3));
        schedule(() -> reactor.callFromThread(() -> deferred.callback(null)));
        waitFor(reactor, deferred);
    }

    /** Scheduled tasks should not be run until the reactor starts running. */
    @Test
    public void test_scheduledThreadsNotRunUntilReactorRuns() {
        schedule(() -> {
            counter = 1;
            deferred.callback(true);
        });
        // Callback shouldn't have fired yet.
        assertEquals(0, counter);
        waitFor(reactor, deferred);
    }
}
