package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Format;
import dev.twj.logger.LogLevel;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The parts of Twisted's {@code reactormixins.ReactorBuilder} and {@code connectionmixins} these
 * tests use, for the one reactor there is (SelectReactor): build a reactor, run it in the test
 * thread with a 10 second safety timeout that fails the test, connect a server and a client
 * protocol, and trial's rule that a logged error fails the test unless flushed.
 */
@Timeout(60)
abstract class ReactorBuilder {
    /** Seconds after which runReactor stops the reactor and fails the test. */
    static final double TIMEOUT = 10;

    private static Boolean ipv6;

    private CapturedLogs logs;
    private final List<Map<String, Object>> flushed = new ArrayList<>();
    private final List<SelectReactor> reactors = new ArrayList<>();

    /** True if ::1 can be bound here (Twisted's ipv6Skip). */
    static synchronized boolean ipv6Available() {
        if (ipv6 == null) {
            try (ServerSocketChannel s = ServerSocketChannel.open(java.net.StandardProtocolFamily.INET6)) {
                s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
                ipv6 = true;
            } catch (IOException | RuntimeException e) {
                ipv6 = false;
            }
        }
        return ipv6;
    }

    @BeforeEach
    void captureLogs() {
        logs = CapturedLogs.capture();
    }

    @AfterEach
    void failOnLoggedErrors() {
        try {
            Defer.collectUnhandledErrors();
            StringBuilder errors = new StringBuilder();
            for (Map<String, Object> event : logs.events()) {
                if (isError(event) && !flushed.contains(event)) {
                    errors.append(Format.formatEvent(event)).append('\n');
                }
            }
            if (errors.length() > 0) {
                fail("errors were logged during the test:\n" + errors);
            }
        } finally {
            logs.close();
        }
    }

    private static boolean isError(Map<String, Object> event) {
        Object level = event.get("log_level");
        return event.containsKey("log_failure") || level == LogLevel.error || level == LogLevel.critical;
    }

    /** Returns and forgets the logged failures whose value is a {@code type}: trial's flushLoggedErrors. */
    List<Failure> flushLoggedErrors(Class<?> type) {
        List<Failure> result = new ArrayList<>();
        for (Map<String, Object> event : logs.events()) {
            if (event.get("log_failure") instanceof Failure f && type.isInstance(f.value())
                    && !flushed.contains(event)) {
                flushed.add(event);
                result.add(f);
            }
        }
        return result;
    }

    /** Returns the events logged so far. */
    List<Map<String, Object>> loggedEvents() {
        return logs.events();
    }

    /** Returns the formatted messages logged so far. */
    List<String> loggedMessages() {
        List<String> messages = new ArrayList<>();
        for (Map<String, Object> event : logs.events()) {
            messages.add(Format.formatEvent(event));
        }
        return messages;
    }

    /** Returns a new reactor. */
    SelectReactor buildReactor() {
        SelectReactor reactor = new SelectReactor();
        reactors.add(reactor);
        return reactor;
    }

    /**
     * Runs {@code reactor} until it stops, failing the test if it did not stop within
     * {@link #TIMEOUT} seconds; the safety call is cancelled afterwards, as Twisted's runReactor.
     */
    void runReactor(SelectReactor reactor) {
        boolean[] timedOut = {false};
        IDelayedCall timeout = reactor.callLater(TIMEOUT, () -> {
            timedOut[0] = true;
            reactor.stop();
        });
        reactor.run();
        if (timeout.active()) {
            timeout.cancel();
        }
        assertFalse(timedOut[0], "reactor still running after " + TIMEOUT + " seconds");
    }

    /**
     * Runs {@code reactor}, calls {@code body} once it runs, stops when the Deferred it returns
     * fires, and rethrows a failure: a trial test returning a Deferred.
     */
    void runDeferredTest(SelectReactor reactor, java.util.function.Supplier<Deferred<?>> body) {
        Object[] outcome = {null};
        reactor.callWhenRunning(() -> body.get().addBoth(r -> {
            outcome[0] = r;
            reactor.stop();
            return null;
        }));
        runReactor(reactor);
        if (outcome[0] instanceof Failure f) {
            throw f.raiseException();
        }
    }

    /** Runs {@code f} once the reactor runs (Twisted's needsRunningReactor). */
    static void needsRunningReactor(SelectReactor reactor, Runnable f) {
        reactor.callWhenRunning(f);
    }

    /** Calls {@code reactor.stop} when a logged error would fail the test: Twisted's stopOnError. */
    static void stopOnError(SelectReactor reactor, Deferred<?> d) {
        d.addErrback(f -> {
            reactor.stop();
            return null;
        });
    }

    /** The interface tests bind to: 127.0.0.1 unless a subclass says otherwise. */
    String interface_() {
        return "127.0.0.1";
    }

    /** A protocol for {@link #runProtocolsWithReactor}; Twisted's {@code ConnectableProtocol}. */
    static class ConnectableProtocol extends Protocol {
        SelectReactor reactor;
        Failure disconnectReason;
        Deferred<Void> done;
        ConnectableProtocol otherProtocol;

        void setAttributes(SelectReactor reactor, Deferred<Void> done) {
            this.reactor = reactor;
            this.done = done;
        }

        @Override
        public void connectionLost(Failure reason) {
            disconnectReason = reason;
            Deferred<Void> d = done;
            done = null;
            d.callback(null);
        }
    }

    /** A factory always returning the same protocol; Twisted's {@code _SingleProtocolFactory}. */
    static final class SingleProtocolFactory extends ClientFactory {
        private final Protocol protocol;

        SingleProtocolFactory(Protocol protocol) {
            this.protocol = protocol;
        }

        @Override
        public Protocol buildProtocol(IAddress addr) {
            protocol.factory = this;
            return protocol;
        }
    }

    /**
     * Connects {@code clientProtocol} to {@code serverProtocol} over TCP on {@link #interface_},
     * runs the reactor until both are disconnected, and returns the reactor.
     */
    SelectReactor runProtocolsWithReactor(ConnectableProtocol serverProtocol, ConnectableProtocol clientProtocol) {
        SelectReactor reactor = buildReactor();
        int[] remaining = {2};
        Deferred<Void> serverDone = new Deferred<>();
        Deferred<Void> clientDone = new Deferred<>();
        serverProtocol.setAttributes(reactor, serverDone);
        clientProtocol.setAttributes(reactor, clientDone);
        for (Deferred<Void> d : List.of(serverDone, clientDone)) {
            d.addCallback(ignored -> {
                if (--remaining[0] == 0) {
                    reactor.callWhenRunning(reactor::stop);
                }
                return null;
            });
        }
        needsRunningReactor(reactor, () -> {
            ServerFactory sf = new ServerFactory() {
                @Override
                public Protocol buildProtocol(IAddress addr) {
                    serverProtocol.factory = this;
                    return serverProtocol;
                }
            };
            IListeningPort port = reactor.listenTCP(0, sf, 50, interface_());
            reactor.connectTCP(interface_(), portOf(port.getHost()), new SingleProtocolFactory(clientProtocol), 30, null);
        });
        runReactor(reactor);
        return reactor;
    }

    /** Returns the port number of an IPv4Address or IPv6Address. */
    static int portOf(IAddress address) {
        if (address instanceof dev.twj.internet.address.IPv4Address a) {
            return a.port();
        }
        return ((dev.twj.internet.address.IPv6Address) address).port();
    }

    /** Returns the host of an IPv4Address or IPv6Address. */
    static String hostOf(IAddress address) {
        if (address instanceof dev.twj.internet.address.IPv4Address a) {
            return a.host();
        }
        return ((dev.twj.internet.address.IPv6Address) address).host();
    }

}
