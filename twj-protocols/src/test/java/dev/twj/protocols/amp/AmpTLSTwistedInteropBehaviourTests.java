package dev.twj.protocols.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.ssl.Certificate;
import dev.twj.internet.ssl.PrivateCertificate;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * AMP StartTLS against real Twisted (with pyOpenSSL): a Java AMP client on a real
 * {@link SelectReactor} calls StartTLS on the Twisted server of {@code tls_amp_peer.py}, then a
 * command that Twisted answers only over TLS.
 *
 * <p>Needs a {@code python3} that can import Twisted and pyOpenSSL; without one the tests are
 * skipped, unless the environment variable {@code CI} is set, where they fail.
 */
class AmpTLSTwistedInteropBehaviourTests {
    private final SelectReactor reactor = new SelectReactor();
    private final List<File> temp = new ArrayList<>();
    private Process process;

    /** The command of the Python peer: answers only over TLS, with the client's subject CN. */
    public static final class SecuredPing extends Command {
        /** Creates the command. */
        @SuppressWarnings("this-escape")
        public SecuredPing() {
            commandName("SecuredPing");
            response(arg("pinged", new BooleanArgument()), arg("peer", new UnicodeArgument()));
        }
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (process != null && !process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        temp.forEach(File::delete);
    }

    private File pem(String text) throws Exception {
        File f = File.createTempFile("tls_amp", ".pem");
        temp.add(f);
        Files.writeString(f.toPath(), text);
        return f;
    }

    private static String findPythonWithOpenSSL() throws Exception {
        String py = AmpTwistedInteropBehaviourTests.findPython();
        if (py != null) {
            Process p = new ProcessBuilder(py, "-c", "import OpenSSL, twisted.internet.ssl").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return py;
            }
        }
        if (System.getenv("CI") == null) {
            Assumptions.abort("no python3 with Twisted and pyOpenSSL found; CI is unset");
        }
        fail("CI is set but no python3 with Twisted and pyOpenSSL (python3-openssl) was found");
        return null;
    }

    /** Starts the Python server; returns its port. */
    private int start(String... args) throws Exception {
        String py = findPythonWithOpenSSL();
        File stderr = File.createTempFile("tls_amp_peer", ".log");
        temp.add(stderr);
        List<String> command = new ArrayList<>(List.of(py, script().toString(), "tls-serve"));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(stderr).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertNotNull(line, () -> "the Python server printed no port; its stderr:\n" + read(stderr));
        assertTrue(line.startsWith("port "), line);
        return Integer.parseInt(line.substring(5).strip());
    }

    private static String read(File f) {
        try {
            return Files.readString(f.toPath());
        } catch (java.io.IOException e) {
            return "(unreadable)";
        }
    }

    private static Path script() throws Exception {
        Path p = Path.of("src/test/resources/dev/twj/protocols/amp/tls_amp_peer.py");
        if (Files.exists(p)) {
            return p;
        }
        return Path.of(AmpTLSTwistedInteropBehaviourTests.class.getResource("tls_amp_peer.py").toURI());
    }

    /** Connects an AMP client, runs {@code body} on it, and returns the Deferred's result. */
    private Object call(int port, java.util.function.Function<AMP, Deferred<?>> body) {
        Object nothing = new Object();
        Object[] result = {nothing};
        AMP amp = new AMP() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                body.apply(this).addBoth(r -> {
                    result[0] = r;
                    transport.loseConnection();
                    return null;
                });
            }
        };
        reactor.connectTCP("127.0.0.1", port, ClientFactory.forProtocol(() -> amp), 30, null);
        runUntil(() -> result[0] != nothing && amp.transport == null);
        return result[0];
    }

    private void runUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean[] timedOut = {false};
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (done.getAsBoolean()) {
                reactor.stop();
            } else if (System.nanoTime() > deadline) {
                timedOut[0] = true;
                reactor.stop();
            } else {
                reactor.callLater(0.01, check[0]);
            }
        };
        reactor.callLater(0, check[0]);
        reactor.run(false);
        if (timedOut[0]) {
            fail("timed out");
        }
    }

    /**
     * Both sides present certificates and verify each other's: the Java client sees Twisted's
     * certificate, Twisted sees the Java client's, and the secured command is answered.
     */
    @Test
    void javaClientStartsMutuallyVerifiedTLSWithTwistedServer() throws Exception {
        PrivateCertificate server = NoCertificate.temporarySelfSigned();
        PrivateCertificate client = NoCertificate.temporarySelfSigned();
        int port = start(pem(server.dumpPEM()).toString(), pem(new Certificate(client.original()).dumpPEM()).toString());
        Certificate[] peer = new Certificate[1];
        Object result = call(port, amp -> amp.callRemote(StartTLS.class, Map.of("tls_localCertificate", client,
                "tls_verifyAuthorities", List.of(new Certificate(server.original()))))
                .addCallbackDeferred(r -> amp.callRemote(SecuredPing.class, Map.of()))
                .addCallback(r -> {
                    peer[0] = amp.peerCertificate();
                    return r;
                }));
        assertEquals(Map.of("pinged", true, "peer", "TEMPORARY CERTIFICATE"), result);
        assertEquals(new Certificate(server.original()), peer[0]);
    }

    /**
     * With no certificates on either side, Twisted's server generates a temporary one and the
     * connection is encrypted all the same.
     */
    @Test
    void javaClientStartsDefaultTLSWithTwistedServer() throws Exception {
        int port = start("-");
        Object result = call(port, amp -> amp.callRemote(StartTLS.class, Map.of())
                .addCallbackDeferred(r -> amp.callRemote(SecuredPing.class, Map.of())));
        assertEquals(Map.of("pinged", true, "peer", ""), result);
    }

    /** A Java AMP server that answers StartTLS with its certificate and verifies the client. */
    static final class JavaServer extends AMP {
        final PrivateCertificate certificate;
        final Certificate clientAuthority;
        dev.twj.python.failure.Failure lost;
        Certificate peer;

        JavaServer(PrivateCertificate certificate, Certificate clientAuthority) {
            this.certificate = certificate;
            this.clientAuthority = clientAuthority;
        }

        @Responder(StartTLS.class)
        Map<String, Object> startTLS() {
            return Map.of("tls_localCertificate", certificate, "tls_verifyAuthorities", List.of(clientAuthority));
        }

        @Responder(SecuredPing.class)
        Map<String, Object> securedPing() {
            if (!(transport instanceof dev.twj.internet.tcp.Connection c) || !c.TLS()) {
                throw new IllegalStateException("only send secure pings over secure channels");
            }
            peer = peerCertificate();
            return Map.of("pinged", true, "peer", peer.getSubject());
        }

        @Override
        public void connectionLost(dev.twj.python.failure.Failure reason) {
            lost = reason;
            super.connectionLost(reason);
        }
    }

    /**
     * A Twisted AMP client calls StartTLS on a Java server: both verify each other, and the
     * secured command is answered with the client's certificate subject.
     */
    @Test
    void twistedClientStartsTLSWithJavaServer() throws Exception {
        String py = findPythonWithOpenSSL();
        PrivateCertificate server = NoCertificate.temporarySelfSigned();
        PrivateCertificate client = NoCertificate.temporarySelfSigned();
        JavaServer[] proto = new JavaServer[1];
        dev.twj.internet.interfaces.IListeningPort port = reactor.listenTCP(0,
                dev.twj.internet.protocol.ServerFactory.forProtocol(
                        () -> proto[0] = new JavaServer(server, new Certificate(client.original()))),
                50, "127.0.0.1");
        File stderr = File.createTempFile("tls_amp_peer", ".log");
        temp.add(stderr);
        process = new ProcessBuilder(py, script().toString(), "tls-call",
                String.valueOf(((dev.twj.internet.address.IPv4Address) port.getHost()).port()),
                pem(client.dumpPEM()).toString(), pem(new Certificate(server.original()).dumpPEM()).toString())
                .redirectError(stderr).start();
        String[] line = new String[1];
        Thread reader = new Thread(() -> {
            try {
                line[0] = String.valueOf(new BufferedReader(new InputStreamReader(
                        process.getInputStream(), StandardCharsets.US_ASCII)).readLine());
            } catch (java.io.IOException e) {
                line[0] = "error " + e;
            }
        });
        reader.start();
        runUntil(() -> !reader.isAlive() && proto[0] != null && proto[0].lost != null);
        reader.join();
        assertEquals("result True TEMPORARY CERTIFICATE", line[0], () -> "Python stderr:\n" + read(stderr));
        assertEquals(new Certificate(client.original()), proto[0].peer);
    }
}
