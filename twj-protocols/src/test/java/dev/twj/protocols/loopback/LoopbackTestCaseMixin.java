package dev.twj.protocols.loopback;

import static dev.twj.protocols.loopback.LoopbackTestSupport.b;
import static dev.twj.protocols.loopback.LoopbackTestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.task.Clock;
import dev.twj.protocols.basic.LineReceiver;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.test.test_loopback.LoopbackTestCaseMixin}: tests run by every loopback. */
interface LoopbackTestCaseMixin {
    /** Connects {@code server} and {@code client}: Twisted's {@code loopbackFunc}. */
    Deferred<Void> loopbackFunc(IProtocol server, IProtocol client);

    /** The clock the loopback's Deferred is run on. */
    Clock clock();

    /**
     * Runs the loopback until {@code d} has a result (trial's reactor spinning until a returned
     * Deferred fires) and rethrows a failure; by default on {@link #clock()}.
     */
    default void runLoopback(Deferred<?> d) {
        LoopbackTestSupport.run(clock(), d);
    }

    /** Twisted's {@code SimpleProtocol}: a line receiver that records lines and losses. */
    class SimpleProtocol extends LineReceiver {
        final Deferred<Void> conn = new Deferred<>();
        final List<byte[]> lines = new ArrayList<>();
        final List<Failure> connLost = new ArrayList<>();

        @Override
        public void connectionMade() {
            conn.callback(null);
        }

        @Override
        public void lineReceived(byte[] line) {
            lines.add(line);
        }

        @Override
        public void connectionLost(Failure reason) {
            connLost.add(reason);
        }

        List<String> lineStrings() {
            return lines.stream().map(LoopbackTestSupport::s).toList();
        }
    }

    /** Twisted's {@code DoomProtocol}: answers three lines, then hangs up. */
    class DoomProtocol extends SimpleProtocol {
        int i;

        @Override
        public void lineReceived(byte[] line) {
            i++;
            if (i < 4) {
                // by this point we should have connection closed, but just in case we didn't we
                // won't ever send 'Hello 4'
                sendLine(b("Hello " + i));
            }
            super.lineReceived(line);
            if (s(lines.get(lines.size() - 1)).equals("Hello 3")) {
                transport.loseConnection();
            }
        }
    }

    @Test
    default void testRegularFunction() {
        SimpleProtocol s = new SimpleProtocol();
        SimpleProtocol c = new SimpleProtocol();

        s.conn.addCallback(result -> {
            s.sendLine(b("THIS IS LINE ONE!"));
            s.transport.loseConnection();
            return null;
        });

        Deferred<Void> d = Defer.maybeDeferredDeferred(() -> loopbackFunc(s, c));
        d.addCallback(ignored -> {
            assertEquals(List.of("THIS IS LINE ONE!"), c.lineStrings());
            assertEquals(1, s.connLost.size());
            assertEquals(1, c.connLost.size());
            return null;
        });
        runLoopback(d);
    }

    @Test
    default void testSneakyHiddenDoom() {
        DoomProtocol s = new DoomProtocol();
        DoomProtocol c = new DoomProtocol();

        s.conn.addCallback(result -> {
            s.sendLine(b("DOOM LINE"));
            return null;
        });

        Deferred<Void> d = Defer.maybeDeferredDeferred(() -> loopbackFunc(s, c));
        d.addCallback(ignored -> {
            assertEquals(List.of("Hello 1", "Hello 2", "Hello 3"), s.lineStrings());
            assertEquals(List.of("DOOM LINE", "Hello 1", "Hello 2", "Hello 3"), c.lineStrings());
            assertEquals(1, s.connLost.size());
            assertEquals(1, c.connLost.size());
            return null;
        });
        runLoopback(d);
    }
}
