package dev.twj.protocols.loopback;

import static dev.twj.protocols.loopback.LoopbackTestSupport.b;
import static dev.twj.protocols.loopback.LoopbackTestSupport.s;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.task.Clock;
import dev.twj.protocols.basic.LineReceiver;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.TestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of {@code twisted.test.test_loopback.LoopbackTestCaseMixin}: tests run by every loopback.
 * Java has no mixins: this is the abstract base of the test cases that run them.
 */
abstract class LoopbackTestCaseMixin extends TestCase {
    /** Connects {@code server} and {@code client}: Twisted's {@code loopbackFunc}. */
    abstract Deferred<Void> loopbackFunc(IProtocol server, IProtocol client);

    /** The clock the loopback's Deferred is run on. */
    abstract Clock clock();

    /**
     * Returns the Deferred the test returns to trial. By default the loopback runs on
     * {@link #clock()}: it is run here until {@code d} has a result, and a failure is rethrown; a
     * loopback on the real reactor returns {@code d} for trial to wait on.
     */
    Deferred<Void> runLoopback(Deferred<Void> d) {
        LoopbackTestSupport.run(clock(), d);
        return d;
    }

    /** Twisted's {@code SimpleProtocol}: a line receiver that records lines and losses. */
    static class SimpleProtocol extends LineReceiver {
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
    static class DoomProtocol extends SimpleProtocol {
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

    /** A line written by the server before it hangs up reaches the client; both see the loss. */
    public Deferred<Void> testRegularFunction() {
        SimpleProtocol s = new SimpleProtocol();
        SimpleProtocol c = new SimpleProtocol();

        s.conn.addCallback(result -> {
            s.sendLine(b("THIS IS LINE ONE!"));
            s.transport.loseConnection();
            return null;
        });

        Deferred<Void> d = Defer.maybeDeferredDeferred(() -> loopbackFunc(s, c));
        d.addCallback(ignored -> {
            assertEqual(c.lineStrings(), List.of("THIS IS LINE ONE!"));
            assertEqual(s.connLost.size(), 1);
            assertEqual(c.connLost.size(), 1);
            return null;
        });
        return runLoopback(d);
    }

    /**
     * Two protocols that answer each other and hang up after the third line: each side receives
     * exactly the lines written before the hang-up, and both see the loss once.
     */
    public Deferred<Void> testSneakyHiddenDoom() {
        DoomProtocol s = new DoomProtocol();
        DoomProtocol c = new DoomProtocol();

        s.conn.addCallback(result -> {
            s.sendLine(b("DOOM LINE"));
            return null;
        });

        Deferred<Void> d = Defer.maybeDeferredDeferred(() -> loopbackFunc(s, c));
        d.addCallback(ignored -> {
            assertEqual(s.lineStrings(), List.of("Hello 1", "Hello 2", "Hello 3"));
            assertEqual(c.lineStrings(), List.of("DOOM LINE", "Hello 1", "Hello 2", "Hello 3"));
            assertEqual(s.connLost.size(), 1);
            assertEqual(c.connLost.size(), 1);
            return null;
        });
        return runLoopback(d);
    }
}
