package dev.twj.internet.task;

import static dev.twj.internet.task.DeferredAssertions.failureResultOf;
import static dev.twj.internet.task.DeferredAssertions.runUntilFired;
import static dev.twj.internet.task.DeferredAssertions.successResultOf;
import static dev.twj.internet.task.LoopTests.testableLoopingCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.internal.GlobalReactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slightly inferior tests which exercise interactions with an actual reactor. Port of
 * {@code twisted.test.test_task.ReactorLoopTests}.
 *
 * <p>twj has no reactor yet: the tests that use Twisted's global reactor run on a {@link Clock}
 * installed as the global reactor, and where trial would spin the reactor until the returned
 * Deferred fires, {@link DeferredAssertions#runUntilFired} runs the clock's calls until it does.
 */
@ExtendWith(FailOnLoggedErrors.class)
class ReactorLoopTests {
    private Clock reactor;
    private IReactorTime previous;
    private LoopingCall lc;

    @BeforeEach
    void installReactor() {
        reactor = new Clock();
        previous = GlobalReactor.install(reactor);
    }

    @AfterEach
    void restoreReactor() {
        GlobalReactor.install(previous);
    }

    private static Object foo(String x) {
        throw new TestException(x);
    }

    @Test
    public void testFailure() {
        LoopingCall lc = new LoopingCall(() -> foo("bar"));
        Deferred<LoopingCall> d = lc.start(0.1);
        runUntilFired(reactor, d);
        failureResultOf(d, TestException.class);
    }

    @Test
    public void testFailAndStop() {
        LoopingCall[] lc = new LoopingCall[1];
        lc[0] = new LoopingCall(() -> {
            lc[0].stop();
            return foo("bar");
        });
        Deferred<LoopingCall> d = lc[0].start(0.1);
        runUntilFired(reactor, d);
        failureResultOf(d, TestException.class);
    }

    @Test
    public void testEveryIteration() {
        List<Object> ran = new ArrayList<>();
        LoopingCall[] lc = new LoopingCall[1];

        lc[0] = new LoopingCall(() -> {
            ran.add(null);
            if (ran.size() > 5) {
                lc[0].stop();
            }
        });
        Deferred<LoopingCall> d = lc[0].start(0);

        d.addCallback(ign -> {
            assertEquals(6, ran.size());
            return null;
        });
        runUntilFired(reactor, d);
        successResultOf(d);
    }

    @Test
    public void testStopAtOnceLater() {
        // Ensure that even when LoopingCall.stop() is called from a reactor callback, it still
        // prevents any subsequent calls.
        Deferred<String> d = new Deferred<>();

        lc = new LoopingCall(() -> {
            d.errback(new RuntimeException("This task also should never get called."));
        });
        lc.start(1, false);
        reactor.callLater(0, () -> callbackForTestStopAtOnceLater(d));
        runUntilFired(reactor, d);
        assertEquals("success", successResultOf(d));
    }

    private void callbackForTestStopAtOnceLater(Deferred<String> d) {
        lc.stop();
        reactor.callLater(0, () -> d.callback("success"));
    }

    @Test
    public void testWaitDeferred() {
        // Tests if the callable isn't scheduled again before the returned deferred has fired.
        double[] timings = {0.2, 0.8};
        Clock clock = new Clock();
        LoopingCall[] lc = new LoopingCall[1];

        lc[0] = testableLoopingCall(clock, () -> {
            Deferred<Object> d = new Deferred<>();
            d.addCallback(ign -> {
                lc[0].stop();
                return null;
            });
            clock.callLater(1, () -> d.callback(null));
            return d;
        });
        lc[0].start(0.2);
        clock.pump(timings);
        assertTrue(clock.getDelayedCalls().isEmpty());
    }

    @Test
    public void testFailurePropagation() {
        // Tests if the failure of the errback of the deferred returned by the callable is
        // propagated to the lc errback.
        //
        // To make sure this test does not hang trial when LoopingCall does not wait for the
        // callable's deferred, it also checks there are no calls in the clock's callLater queue.
        double[] timings = {0.3};
        Clock clock = new Clock();

        LoopingCall lc = testableLoopingCall(clock, () -> {
            Deferred<Object> d = new Deferred<>();
            clock.callLater(0.3, () -> d.errback(new TestException()));
            return d;
        });
        Deferred<LoopingCall> d = lc.start(1);

        clock.pump(timings);
        assertTrue(clock.getDelayedCalls().isEmpty());
        failureResultOf(d, TestException.class);
    }

    /**
     * In the case that the function passed to {@code LoopingCall.withCount} returns a deferred,
     * which does not fire before the next interval elapses, the function should not be run again.
     * And if a function call is skipped in this fashion, the appropriate count should be provided.
     */
    @Test
    public void test_deferredWithCount() {
        Clock testClock = new Clock();
        Deferred<Object> d = new Deferred<>();
        List<Integer> deferredCounts = new ArrayList<>();

        // Start a looping call for our countTracker function. Set the increment to 0.2, and do not
        // call the function on startup.
        LoopingCall lc = LoopingCall.withCount(possibleCount -> {
            // Keep a list of call counts
            deferredCounts.add(possibleCount);
            // Return a deferred, but only on the first request
            if (deferredCounts.size() == 1) {
                return d;
            }
            return null;
        });
        lc.setClock(testClock);
        lc.start(0.2, false);

        // Confirm that nothing has happened yet.
        assertEquals(List.of(), deferredCounts);

        // Advance the clock by 0.2 and then 0.4;
        testClock.pump(0.2, 0.4);
        // We should now have exactly one count (of 1 call)
        assertEquals(1, deferredCounts.size());

        // Fire the deferred, and advance the clock by another 0.2
        d.callback(null);
        testClock.pump(0.2);
        // We should now have exactly 2 counts...
        assertEquals(2, deferredCounts.size());
        // The first count should be 1 (one call). The second count should be 3 (calls were missed
        // at about 0.6 and 0.8)
        assertEquals(List.of(1, 3), deferredCounts);
    }
}
