package dev.twj.internet.task;

import static dev.twj.internet.task.DeferredAssertions.runUntilFired;
import static dev.twj.internet.task.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.internal.GlobalReactor;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Integration test to verify that the global singleton aliases do what they're supposed to. Port
 * of {@code twisted.test.test_cooperator.AliasTests}, on a {@link Clock} installed as the global
 * reactor.
 */
@ExtendWith(FailOnLoggedErrors.class)
class AliasTests {
    /** {@code Task.cooperate} ought to run the generator that it is given. */
    @Test
    public void test_cooperate() {
        Clock reactor = new Clock();
        IReactorTime previous = GlobalReactor.install(reactor);
        try {
            Deferred<String> d = new Deferred<>();

            Iterator<Integer> it = Gen.of(i -> {
                if (i < 3) {
                    return i + 1;
                }
                d.callback("yay");
                return Gen.DONE;
            });
            CooperativeTask<Integer> theTask = Task.cooperate(it);
            assertTrue(Task.theCooperator().tasks().contains(theTask));
            runUntilFired(reactor, d);
            assertEquals("yay", successResultOf(d));
        } finally {
            GlobalReactor.install(previous);
        }
    }
}
