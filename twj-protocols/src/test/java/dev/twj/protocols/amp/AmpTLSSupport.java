package dev.twj.protocols.amp;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.ssl.PrivateCertificate;
import dev.twj.internet.tcp.Connection;
import dev.twj.python.failure.Failure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The fixtures of Twisted's AMP TLS tests: {@code SecuredPing}, {@code SecurableProto},
 * {@code tempcert}, and {@link LiveFire} (an AMP server and client over real TCP on 127.0.0.1
 * with a private {@link SelectReactor}).
 */
final class AmpTLSSupport {
    private AmpTLSSupport() {}

    private static final Object NOTHING = new Object();

    /** Port of {@code tempcert}: a temporary self-signed certificate. */
    static final PrivateCertificate TEMPCERT = NoCertificate.temporarySelfSigned();

    /** Port of {@code SecuredPing}: answers only over TLS. */
    public static final class SecuredPing extends Command {
        /** Creates the command. */
        @SuppressWarnings("this-escape")
        public SecuredPing() {
            response(arg("pinged", new BooleanArgument()));
        }
    }

    /** Port of {@code FactoryNotifier.emitpong}: refuses insecure pings. */
    static Map<String, Object> emitpong(AMP proto) {
        if (!(proto.transport instanceof Connection c) || !c.TLS()) {
            throw new AmpFixtures.DeathThreat("only send secure pings over secure channels");
        }
        return Map.of("pinged", true);
    }

    /**
     * A protocol {@link LiveFireBase} can wait on (Java-only: Twisted's {@code LiveFireBase} sets
     * its factories' {@code onMade} from {@code connectionMade} and replaces {@code connectionLost}
     * with a Deferred's errback).
     */
    interface LiveFireProto {
        /** Fires when the connection is made. */
        Deferred<Void> made();

        /**
         * Fires with a list of the reason when the connection is lost (a list: a Deferred given a
         * Failure to callback fails).
         */
        Deferred<List<Failure>> lost();
    }

    /** Port of {@code SecurableProto}: answers StartTLS with its factories' certificate and authorities. */
    static class SecurableProto extends AMP implements LiveFireProto {
        Supplier<Object> certFactory = () -> null;
        Supplier<List<?>> verifyFactory = () -> null;
        /** Fires when the connection is lost (Java-only: the tests wait on it). */
        final Deferred<Void> onLost = new Deferred<>();
        private final Deferred<Void> made = new Deferred<>();
        private final Deferred<List<Failure>> lost = new Deferred<>();

        @Override
        public void connectionMade() {
            super.connectionMade();
            made.callback(null);
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            onLost.callback(null);
            lost.callback(List.of(reason));
        }

        @Override
        public Deferred<Void> made() {
            return made;
        }

        @Override
        public Deferred<List<Failure>> lost() {
            return lost;
        }

        @Responder(StartTLS.class)
        Map<String, Object> getTLSVars() {
            Map<String, Object> vars = new java.util.HashMap<>();
            Object cert = certFactory.get();
            List<?> verify = verifyFactory.get();
            if (cert != null) {
                vars.put("tls_localCertificate", cert);
            }
            if (verify != null) {
                vars.put("tls_verifyAuthorities", verify);
            }
            return vars;
        }

        @Responder(SecuredPing.class)
        Map<String, Object> emitpong() {
            return AmpTLSSupport.emitpong(this);
        }
    }

    /** {@code SimpleSymmetricCommandProtocol} with Twisted's {@code FactoryNotifier} SecuredPing responder. */
    static class SymmetricWithPing extends AmpFixtures.SimpleSymmetricCommandProtocol implements LiveFireProto {
        private final Deferred<Void> made = new Deferred<>();
        private final Deferred<List<Failure>> lost = new Deferred<>();

        @Override
        public void connectionMade() {
            super.connectionMade();
            made.callback(null);
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            lost.callback(List.of(reason));
        }

        @Override
        public Deferred<Void> made() {
            return made;
        }

        @Override
        public Deferred<List<Failure>> lost() {
            return lost;
        }

        @Responder(SecuredPing.class)
        Map<String, Object> emitpong() {
            return AmpTLSSupport.emitpong(this);
        }
    }

    /** Port of {@code SlightlySmartTLS}: answers StartTLS with {@code tempcert}. */
    static class SlightlySmartTLS extends SymmetricWithPing {
        @Responder(StartTLS.class)
        Map<String, Object> getTLSVars() {
            return Map.of("tls_localCertificate", TEMPCERT);
        }
    }

    /**
     * Like {@code LiveFireBase} ({@link LiveFireBase}) but on a private reactor run inside the test
     * method, for {@link TLSTests} (which Twisted runs over iosim, with no reactor): creates an AMP
     * server, connects a client to it, runs a test body once both are connected, then drops both
     * connections.
     */
    static final class LiveFire<C extends AMP, S extends AMP> {
        final SelectReactor reactor = new SelectReactor();
        C cli;
        S svr;
        private final IListeningPort serverPort;

        LiveFire(Supplier<C> clientProto, Supplier<S> serverProto) {
            serverPort = reactor.listenTCP(0, ServerFactory.forProtocol(() -> svr = serverProto.get()), 50, "127.0.0.1");
            reactor.connectTCP("127.0.0.1", ((IPv4Address) serverPort.getHost()).port(),
                    ClientFactory.forProtocol(() -> cli = clientProto.get()), 30, null);
        }

        /**
         * Runs the reactor: calls {@code body} once both sides are connected, waits for its
         * Deferred, then loses both connections and waits for them to go; returns the Deferred's
         * result (a Failure stays a Failure). Fails after 30 seconds.
         */
        Object run(Supplier<Deferred<?>> body) {
            Object[] result = {NOTHING};
            boolean[] started = {false};
            runUntil(() -> {
                if (!started[0] && cli != null && svr != null && cli.transport != null && svr.transport != null) {
                    started[0] = true;
                    body.get().addBoth(r -> {
                        result[0] = r;
                        if (cli.transport != null) {
                            cli.transport.loseConnection();
                        }
                        if (svr.transport != null) {
                            svr.transport.loseConnection();
                        }
                        return null;
                    });
                }
                return result[0] != NOTHING && cli.transport == null && svr.transport == null;
            });
            return result[0];
        }

        /** Runs the reactor until {@code done} holds; fails after 30 seconds. */
        void runUntil(BooleanSupplier done) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean[] timedOut = {false};
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (done.getAsBoolean()) {
                    serverPort.stopListening();
                    reactor.stop();
                } else if (System.nanoTime() > deadline) {
                    timedOut[0] = true;
                    reactor.stop();
                } else {
                    reactor.callLater(0.005, check[0]);
                }
            };
            reactor.callLater(0, check[0]);
            reactor.run(false);
            if (timedOut[0]) {
                fail("timed out; client " + cli + ", server " + svr);
            }
        }
    }
}
