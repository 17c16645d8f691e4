package dev.twj.internet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.twj.internet.interfaces.IReactorTCP;
import dev.twj.internet.interfaces.IReactorTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MemoryReactorClock records connections like MemoryReactor and keeps time like Clock. */
class MemoryReactorClockTests {
    @Test
    public void isAReactorAndAClockWhoseTimeMovesOnlyWhenAdvanced() {
        MemoryReactorClock reactor = new MemoryReactorClock();
        Object r = reactor;
        assertInstanceOf(IReactorTCP.class, r);
        assertInstanceOf(IReactorTime.class, r);
        List<Double> ran = new ArrayList<>();
        reactor.callLater(2, () -> ran.add(reactor.seconds()));
        reactor.callLater(1, () -> ran.add(reactor.seconds()));
        assertEquals(2, reactor.getDelayedCalls().size());
        reactor.advance(1);
        assertEquals(List.of(1.0), ran);
        reactor.pump(0.5, 0.5);
        assertEquals(List.of(1.0, 2.0), ran);
        assertEquals(0, reactor.getDelayedCalls().size());
    }
}
