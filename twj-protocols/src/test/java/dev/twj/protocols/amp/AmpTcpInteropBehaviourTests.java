package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.assertNormEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.protocols.amp.AmpTwistedInteropBehaviourTests.Echo;
import dev.twj.protocols.amp.AmpTwistedInteropBehaviourTests.Fail;
import dev.twj.protocols.amp.AmpTwistedInteropBehaviourTests.JavaPeer;
import dev.twj.protocols.amp.AmpTwistedInteropBehaviourTests.MyError;
import dev.twj.protocols.amp.AmpTwistedInteropBehaviourTests.Sum;
import dev.twj.python.failure.Failure;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * AMP wire compatibility with real Twisted over TCP on 127.0.0.1 (issue 5): {@code amp_peer.py}
 * in its {@code tcp-serve} and {@code tcp-call-java} modes, against twj's {@link AMP} on a real
 * {@link SelectReactor} ({@code connectTCP} / {@code listenTCP} on port 0). The commands are
 * those of {@link AmpTwistedInteropBehaviourTests}, which covers every argument type over stdio.
 *
 * <p>Needs a {@code python3} that can {@code import twisted}; without one the tests are skipped,
 * unless the environment variable {@code CI} is set, where they fail.
 */
class AmpTcpInteropBehaviourTests {
    private Process process;
    private File stderr;
    private final SelectReactor reactor = new SelectReactor();

    @AfterEach
    void tearDown() throws InterruptedException {
        if (process != null) {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (stderr != null) {
            stderr.delete();
        }
    }

    private Process start(String... args) throws Exception {
        String py = AmpTwistedInteropBehaviourTests.findPython();
        if (py == null) {
            if (System.getenv("CI") == null) {
                Assumptions.abort("no python3 with Twisted found (PATH, /usr/bin/python3); CI is unset");
            }
            fail("CI is set but no python3 with Twisted was found on PATH or at /usr/bin/python3");
        }
        stderr = File.createTempFile("amp_peer", ".log");
        String[] command = new String[args.length + 2];
        command[0] = py;
        command[1] = AmpTwistedInteropBehaviourTests.script().toString();
        System.arraycopy(args, 0, command, 2, args.length);
        process = new ProcessBuilder(command).redirectError(stderr).start();
        return process;
    }

    private String stderr() {
        try {
            return Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /**
     * Runs the reactor (once: it is not restartable) until {@code first} holds, then runs
     * {@code then} and goes on until {@code last} holds; fails after 30 seconds.
     */
    private void runUntil(BooleanSupplier first, Runnable then, BooleanSupplier last) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String[] timedOut = {null};
        boolean[] firstDone = {false};
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (!firstDone[0] && first.getAsBoolean()) {
                firstDone[0] = true;
                then.run();
            }
            if (firstDone[0] && last.getAsBoolean()) {
                reactor.stop();
            } else if (System.nanoTime() > deadline) {
                timedOut[0] = firstDone[0] ? "the last condition" : "the first condition";
                reactor.stop();
            } else {
                reactor.callLater(0.01, check[0]);
            }
        };
        reactor.callLater(0, check[0]);
        reactor.run(false);
        if (timedOut[0] != null) {
            fail("timed out waiting for " + timedOut[0] + "; Python stderr:\n" + stderr());
        }
    }

    /**
     * A Java client over connectTCP calls a Twisted server: Sum, Echo with every argument type,
     * a declared Python error (MY_ERROR to MyError); the connection stays up throughout, and
     * the Python server stops when the Java client closes it.
     */
    @Test
    public void javaClientCallsTwistedServer() throws Exception {
        start("tcp-serve");
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertNotNull(line, "the Python server printed no port; its stderr:\n" + stderr());
        assertTrue(line.startsWith("port "), line);
        int port = Integer.parseInt(line.substring(5).strip());

        Map<String, Object> results = new HashMap<>();
        Map<String, Object> sent = AmpTwistedInteropBehaviourTests.everyValue();
        AMP amp = new AMP() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                record(results, "sum", callRemote(Sum.class, Map.of("a", 13L, "b", 81L)));
                record(results, "echo", callRemote(Echo.class, sent));
                record(results, "fail", callRemote(Fail.class, Map.of("kind", "my")));
                record(results, "after", callRemote(Sum.class, Map.of("a", 2L, "b", 3L)));
            }
        };
        ClientFactory factory = new ClientFactory();
        factory.protocol = () -> amp;
        reactor.connectTCP("127.0.0.1", port, factory, 30, null);
        runUntil(() -> results.size() == 4, () -> amp.transport.loseConnection(), () -> !process.isAlive());

        assertEquals(Map.of("total", 94L), results.get("sum"), () -> results + "\n" + stderr());
        @SuppressWarnings("unchecked")
        Map<String, Object> echoed = new HashMap<>((Map<String, Object>) results.get("echo"));
        assertEquals("int,int,bytes,str,bool,float,Decimal,datetime,list[int],list[float],list[Decimal],"
                + "list[datetime],list[str],list[dict],FilePath,NoneType,bytes", echoed.remove("types"));
        Map<String, Object> expected = new HashMap<>(sent);
        expected.put("al", java.util.List.of(Map.of("x", 1L, "y", "one"), AmpTestSupport.dict("x", 2L, "y", null)));
        expected.put("opt", null);
        assertNormEquals(expected, echoed);
        Failure my = assertInstanceOf(Failure.class, results.get("fail"));
        assertInstanceOf(MyError.class, my.value());
        assertEquals("declared error from Python", my.getErrorMessage());
        assertEquals(Map.of("total", 5L), results.get("after"));
    }

    private static void record(Map<String, Object> results, String name, dev.twj.internet.defer.Deferred<Map<String, Object>> d) {
        d.addCallbacks(r -> {
            results.put(name, r);
            return null;
        }, f -> {
            results.put(name, f);
            return null;
        });
    }

    /**
     * A Twisted client over TCP calls a Java server on listenTCP: Sum, Echo with every argument
     * type (Python compares what comes back), a declared Java error (ArithmeticException arrives as
     * ZeroDivisionError), an unknown command, a no-answer command; then it reports its checks.
     */
    @Test
    public void twistedClientCallsJavaServer() throws Exception {
        JavaPeer[] server = new JavaPeer[1];
        ServerFactory factory = new ServerFactory();
        factory.protocol = () -> server[0] = new JavaPeer();
        IListeningPort port = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        start("tcp-call-java", Integer.toString(((IPv4Address) port.getHost()).port()));
        runUntil(() -> (server[0] != null && server[0].report != null) || !process.isAlive(), () -> {
            if (server[0] != null && server[0].transport != null) {
                server[0].transport.loseConnection();
            }
            port.stopListening();
        }, () -> !process.isAlive());
        assertNotNull(server[0], "Python never connected; its stderr:\n" + stderr());
        assertNotNull(server[0].report, "Python sent no report; its stderr:\n" + stderr());
        assertEquals(Boolean.TRUE, server[0].report.get("ok"), server[0].report.get("detail") + "\n" + stderr());
        assertTrue(((String) server[0].report.get("detail")).startsWith("22 checks"), (String) server[0].report.get("detail"));
    }
}
