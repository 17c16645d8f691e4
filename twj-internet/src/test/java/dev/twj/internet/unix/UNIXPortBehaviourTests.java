package dev.twj.internet.unix;

import static dev.twj.internet.unix.Harness.mktemp;
import static dev.twj.internet.unix.Harness.runUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java-only tests of a listening UNIX {@link Port}: what it inherits from
 * {@link dev.twj.internet.tcp.Port}, as Twisted's {@code unix.Port} inherits from {@code tcp.Port}.
 */
@Timeout(60)
class UNIXPortBehaviourTests {
    /**
     * A port stopped and started again can be stopped again: the second {@code stopListening}
     * returns a new Deferred, which fires only once the socket file is removed and the factory
     * stopped (as Twisted's, whose {@code loseConnection} makes a new {@code deferLater} each time).
     */
    @Test
    public void aRestartedPortStopsAgain() throws IOException {
        SelectReactor reactor = new SelectReactor();
        String path = mktemp();
        List<String> events = new ArrayList<>();
        ServerFactory factory = new ServerFactory() {
            @Override
            public void startFactory() {
                events.add("start");
            }

            @Override
            public void stopFactory() {
                events.add("stop");
            }
        };
        IListeningPort port = reactor.listenUNIX(path, factory, 50, 0666, false);
        Deferred<Void> first = port.stopListening();
        List<Deferred<Void>> seconds = new ArrayList<>();
        runUntil(reactor, first.addCallbackDeferred(ignored -> {
            assertFalse(Files.exists(Path.of(path)));
            port.startListening();
            assertTrue(Files.exists(Path.of(path)));
            Deferred<Void> second = port.stopListening();
            seconds.add(second);
            assertNotSame(first, second);
            assertFalse(second.called(), "stopListening fired before the port was closed");
            return second;
        }));
        assertTrue(seconds.get(0).called());
        assertFalse(Files.exists(Path.of(path)), "the socket file of the restarted port is still there");
        assertEquals(List.of("start", "stop", "start", "stop"), events);
    }
}
