package dev.twj.internet.unix;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trial's asynchronous test shape for these tests: run a fresh reactor until the test's Deferred
 * fires (10 second safety timeout), and {@code mktemp} paths short enough for sun_path.
 */
final class Harness {
    private Harness() {}

    /** Runs {@code reactor} until {@code d} fires; returns its result or fails with its failure. */
    static Object runUntil(SelectReactor reactor, Deferred<?> d) {
        Object[] outcome = new Object[1];
        boolean[] done = {false};
        d.addBoth(r -> {
            outcome[0] = r;
            done[0] = true;
            if (reactor.running()) {
                reactor.stop();
            }
            return null;
        });
        if (!done[0]) {
            IDelayedCall timeout = reactor.callLater(10, reactor::stop);
            reactor.run();
            if (timeout.active()) {
                timeout.cancel();
            }
        }
        if (!done[0]) {
            fail("Deferred did not fire within 10 seconds: " + d);
        }
        if (outcome[0] instanceof Failure f) {
            throw new AssertionError("Deferred failed: " + f.getErrorMessage(), f.value());
        }
        return outcome[0];
    }

    /** A fresh path in a fresh temporary directory: trial's {@code mktemp}. */
    static String mktemp() throws IOException {
        Path dir = Files.createTempDirectory("twj");
        dir.toFile().deleteOnExit();
        return dir.resolve("s").toString();
    }

    /** Twisted's {@code test_tcp.MyProtocolFactoryMixin} protocol: fires on connectionMade. */
    static final class AccumulatingProtocol extends Protocol {
        Deferred<AccumulatingProtocol> made;

        @Override
        public void connectionMade() {
            if (made != null) {
                Deferred<AccumulatingProtocol> d = made;
                made = null;
                d.callback(this);
            }
        }
    }

    /** Twisted's {@code test_tcp.MyServerFactory}. */
    static final class MyServerFactory extends ServerFactory {
        Deferred<AccumulatingProtocol> protocolConnectionMade;
        final List<IAddress> peerAddresses = new ArrayList<>();

        @Override
        public Protocol buildProtocol(IAddress addr) {
            peerAddresses.add(addr);
            AccumulatingProtocol p = new AccumulatingProtocol();
            p.factory = this;
            p.made = protocolConnectionMade;
            protocolConnectionMade = null;
            return p;
        }
    }

    /** Twisted's {@code test_tcp.MyClientFactory}. */
    static final class MyClientFactory extends ClientFactory {
        Deferred<AccumulatingProtocol> protocolConnectionMade;
        final List<IAddress> peerAddresses = new ArrayList<>();
        Failure failReason;

        @Override
        public Protocol buildProtocol(IAddress addr) {
            peerAddresses.add(addr);
            AccumulatingProtocol p = new AccumulatingProtocol();
            p.factory = this;
            p.made = protocolConnectionMade;
            protocolConnectionMade = null;
            return p;
        }

        @Override
        public void clientConnectionFailed(dev.twj.internet.interfaces.IConnector connector, Failure reason) {
            failReason = reason;
            if (protocolConnectionMade != null) {
                protocolConnectionMade.errback(reason);
            }
        }
    }
}
