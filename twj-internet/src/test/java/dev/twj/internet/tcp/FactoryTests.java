package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.selectreactor.SelectReactor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of Twisted's {@code twisted.test.test_tcp.FactoryTests}: factories used with TCP. */
class FactoryTests extends ReactorBuilder {
    /** A factory that checks it is started once and stopped once: Twisted's StartStopFactory. */
    static class StartStopFactory extends Factory {
        int started;
        int stopped;

        @Override
        public void startFactory() {
            if (started != 0 || stopped != 0) {
                throw new IllegalStateException("started twice");
            }
            started = 1;
        }

        @Override
        public void stopFactory() {
            if (started == 0 || stopped != 0) {
                throw new IllegalStateException("stopped twice");
            }
            stopped = 1;
        }
    }

    /** The factory passed to listenTCP should be started only when it transitions from being used on no ports to being used on one port and should be stopped only when it transitions from being used on one port to being used on no ports. */
    @Test
    public void test_serverStartStop() {
        SelectReactor reactor = buildReactor();
        StartStopFactory f = new StartStopFactory();
        IListeningPort p1 = reactor.listenTCP(0, f, 50, "127.0.0.1");
        assertEquals(List.of(1, 0), List.of(f.started, f.stopped));
        IListeningPort p2 = reactor.listenTCP(0, f, 50, "127.0.0.1");
        IListeningPort p3 = reactor.listenTCP(0, f, 50, "127.0.0.1");
        assertEquals(List.of(1, 0), List.of(f.started, f.stopped));
        List<List<Integer>> observed = new java.util.ArrayList<>();
        reactor.callWhenRunning(() -> {
            int[] remaining = {2};
            for (IListeningPort p : List.of(p1, p2)) {
                p.stopListening().addCallback(ignored -> {
                    if (--remaining[0] == 0) {
                        observed.add(List.of(f.started, f.stopped));
                        p3.stopListening().addCallback(ignored2 -> {
                            observed.add(List.of(f.started, f.stopped));
                            reactor.stop();
                            return null;
                        });
                    }
                    return null;
                });
            }
        });
        runReactor(reactor);
        assertEquals(List.of(List.of(1, 0), List.of(1, 1)), observed);
    }

    /** The factory passed to connectTCP should be started when the connection attempt starts and stopped when it is over. */
    @Test
    public void test_clientStartStop() {
        SelectReactor reactor = buildReactor();
        Factories.ClosingFactory f = new Factories.ClosingFactory();
        IListeningPort p = reactor.listenTCP(0, f, 50, "127.0.0.1");
        f.port = p;
        int portNumber = portOf(p.getHost());
        Factories.ClientStartStopFactory factory = new Factories.ClientStartStopFactory();
        reactor.connectTCP("127.0.0.1", portNumber, factory);
        assertEquals(1, factory.started);
        factory.whenStopped.addCallback(ignored -> {
            reactor.stop();
            return null;
        });
        runReactor(reactor);
        assertTrue(factory.stopped == 1);
    }
}
