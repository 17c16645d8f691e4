package dev.twj.protocols.tls;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import dev.twj.internet.interfaces.ITCPTransport;
import dev.twj.internet.interfaces.ITLSTransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SkipTest;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;

/**
 * The TLS test of Twisted's {@code twisted.internet.test.test_tcp.TCPClientTestsBase} (the others
 * are ported in twj-internet's tests, which cannot use twj-protocols' TLS): run for IPv4
 * ({@link TCP4ClientTestsBuilderTests}) and IPv6 ({@link TCP6ClientTestsBuilderTests}). As
 * Twisted's ReactorBuilder tests, each test builds and runs its own reactor. Endpoints are not
 * ported: the test connects with connectTCP.
 */
abstract class TCPClientTestsBase extends SynchronousTestCase {
    /** Seconds after which runReactor stops the reactor and fails the test. */
    static final double TIMEOUT = 10;

    /** The interface tests bind to. */
    abstract String interface_();

    /**
     * A context factory that raises when asked for the TLS state of a connection, for exercising
     * the error handling for such a case. Port of {@code connectionmixins.BrokenContextFactory};
     * Twisted's raises {@code ValueError} from {@code getContext}, twj's context factories create
     * an {@link SSLEngine} and this one raises {@link IllegalArgumentException}.
     */
    static final class BrokenContextFactory implements IOpenSSLClientConnectionCreator {
        static final String message = "Some path was wrong maybe";

        @Override
        public SSLEngine clientConnectionForTLS(Object tlsProtocol) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Runs {@code reactor} until it stops, failing if it still runs after {@link #TIMEOUT} seconds. */
    void runReactor(SelectReactor reactor) {
        boolean[] timedOut = {false};
        IDelayedCall timeout = reactor.callLater(TIMEOUT, () -> {
            timedOut[0] = true;
            reactor.stop();
        });
        reactor.run(false);
        if (timeout.active()) {
            timeout.cancel();
        }
        assertFalse(timedOut[0], "reactor still running after " + TIMEOUT + " seconds");
    }

    /**
     * If the context factory passed to {@code ITCPTransport.startTLS} raises an exception from
     * its {@code getContext} method, that exception is raised by {@code ITCPTransport.startTLS}.
     */
    public void test_badContext() {
        SelectReactor reactor = new SelectReactor();

        BrokenContextFactory brokenFactory = new BrokenContextFactory();
        List<Object> results = new ArrayList<>();
        List<LostNotifying> protocols = new ArrayList<>();

        ServerFactory serverFactory = ServerFactory.forProtocol(() -> {
            LostNotifying p = new LostNotifying();
            protocols.add(p);
            return p;
        });
        IListeningPort port = reactor.listenTCP(0, serverFactory, 50, interface_());

        Deferred<Protocol> connectDeferred = new Deferred<>();
        ClientFactory clientFactory = new ClientFactory() {
            @Override
            public void clientConnectionFailed(IConnector connector, Failure reason) {
                connectDeferred.errback(reason);
            }
        };
        clientFactory.protocol = () -> {
            LostNotifying p = new LostNotifying() {
                @Override
                public void connectionMade() {
                    connectDeferred.callback(this);
                }
            };
            protocols.add(p);
            return p;
        };

        reactor.callWhenRunning(() -> {
            reactor.connectTCP(interface_(), port(port.getHost()), clientFactory, 30, null);
            connectDeferred.addCallback(protocol -> {
                if (!(protocol.transport instanceof ITLSTransport tls)) {
                    results.add("skip");
                } else {
                    results.add(assertRaises(IllegalArgumentException.class, () -> tls.startTLS(brokenFactory)));
                }
                return null;
            });
            connectDeferred.addErrback(failure -> {
                results.add(failure);
                return null;
            });
            connectDeferred.addBoth(ign -> {
                // Java-only: Twisted's ReactorBuilder disconnects what the reactor still holds
                // after the test; a twj reactor cannot run again, so clean up before stopping.
                List<Deferred<?>> gone = new ArrayList<>();
                gone.add(port.stopListening());
                for (LostNotifying p : protocols) {
                    if (!p.lost.called()) {
                        gone.add(p.lost);
                        ((ITCPTransport) p.transport).abortConnection();
                    }
                }
                Defer.gatherResults(gone).addBoth(r -> {
                    reactor.stop();
                    return null;
                });
                return null;
            });
        });

        runReactor(reactor);

        assertEqual(results.size(), 1, "more than one callback result: " + results);

        if (results.get(0) instanceof Failure f) {
            f.raiseException();
        }
        if ("skip".equals(results.get(0))) {
            throw new SkipTest("Reactor does not support ITLSTransport");
        }
        assertEqual(BrokenContextFactory.message, ((Throwable) results.get(0)).getMessage());
    }

    /** A protocol that says when its connection is lost (Java-only, for the clean-up). */
    static class LostNotifying extends Protocol {
        final Deferred<Void> lost = new Deferred<>();

        @Override
        public void connectionLost(Failure reason) {
            lost.callback(null);
        }
    }

    private static int port(IAddress address) {
        return address instanceof IPv6Address a ? a.port() : ((IPv4Address) address).port();
    }
}
