package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.assertNormEquals;
import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.dict;
import static dev.twj.protocols.amp.Command.arg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with real Twisted: a Python {@code amp.AMP} (src/test/resources
 * {@code amp_peer.py}, Twisted's {@code StandardIO}) runs as a child process speaking AMP over
 * its stdin/stdout, connected to a Java {@link AMP} by a small transport. A reader thread queues
 * what the process writes; the test thread alone feeds it to {@code dataReceived}, one call at a
 * time, so the protocol sees the usual single-threaded contract.
 *
 * <p>Needs a {@code python3} that can {@code import twisted} (PATH, then /usr/bin/python3);
 * without one the tests are skipped, unless the environment variable {@code CI} is set, where
 * they fail.
 */
class AmpTwistedInteropBehaviourTests {
    // --- The commands of amp_peer.py, in Java ---

    static List<Command.Arg> everyType() {
        return List.of(
                arg("i", new IntegerArgument()),
                arg("big", new IntegerArgument()),
                arg("s", new StringArgument()),
                arg("u", new UnicodeArgument()),
                arg("b", new BooleanArgument()),
                arg("fl", new FloatArgument()),
                arg("d", new DecimalArgument()),
                arg("dt", new DateTimeArgument()),
                arg("l", new ListOf(new IntegerArgument())),
                arg("lf", new ListOf(new FloatArgument())),
                arg("ld", new ListOf(new DecimalArgument())),
                arg("ldt", new ListOf(new DateTimeArgument())),
                arg("lu", new ListOf(new UnicodeArgument())),
                arg("al", new AmpList(List.of(arg("x", new IntegerArgument()), arg("y", new UnicodeArgument(true))))),
                arg("p", new PathArgument()),
                arg("opt", new UnicodeArgument(true)),
                arg("dash-arg", new StringArgument()));
    }

    static class MyError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MyError(String message) {
            super(message);
        }
    }

    static class FatalError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FatalError(String message) {
            super(message);
        }
    }

    static class Echo extends Command {
        Echo() {
            commandName("echo");
            arguments(everyType().toArray(new Arg[0]));
            List<Arg> response = new ArrayList<>(everyType());
            response.add(arg("types", new UnicodeArgument()));
            response(response.toArray(new Arg[0]));
        }
    }

    static class Fail extends Command {
        Fail() {
            commandName("fail");
            arguments(arg("kind", new UnicodeArgument()));
            errors(MyError.class, "MY_ERROR");
            fatalErrors(FatalError.class, "FATAL");
        }
    }

    static class Notify extends Command {
        Notify() {
            commandName("notify");
            arguments(arg("text", new UnicodeArgument()));
            requiresAnswer(false);
        }
    }

    static class Notes extends Command {
        Notes() {
            commandName("notes");
            response(arg("notes", new ListOf(new UnicodeArgument())));
        }
    }

    static class Sum extends Command {
        Sum() {
            commandName("sum");
            arguments(arg("a", new IntegerArgument()), arg("b", new IntegerArgument()));
            response(arg("total", new IntegerArgument()));
        }
    }

    static class Divide extends Command {
        Divide() {
            commandName("divide");
            arguments(arg("a", new IntegerArgument()), arg("b", new IntegerArgument()));
            response(arg("quotient", new IntegerArgument()));
            errors(ArithmeticException.class, "ZERO");
        }
    }

    static class Reprs extends Command {
        Reprs() {
            commandName("reprs");
            arguments(arg("floats", new ListOf(new FloatArgument())), arg("decimals", new ListOf(new DecimalArgument())));
            response(arg("floats", new ListOf(new UnicodeArgument())), arg("decimals", new ListOf(new UnicodeArgument())));
        }
    }

    static class Report extends Command {
        Report() {
            commandName("report");
            arguments(arg("ok", new BooleanArgument()), arg("detail", new UnicodeArgument()));
        }
    }

    /** The Java side's responders, for Python's calls. */
    static class JavaPeer extends AMP {
        Map<String, Object> report;
        Failure lost;

        @Responder(Sum.class)
        Map<String, Object> sum(Map<String, Object> a) {
            return Map.of("total", (Long) a.get("a") + (Long) a.get("b"));
        }

        @Responder(Divide.class)
        Map<String, Object> divide(Map<String, Object> a) {
            return Map.of("quotient", (Long) a.get("a") / (Long) a.get("b"));
        }

        @Responder(Echo.class)
        Map<String, Object> echo(Map<String, Object> a) {
            Map<String, Object> result = new HashMap<>(a);
            result.put("types", "java");
            return result;
        }

        @Responder(Notify.class)
        Map<String, Object> notify(Map<String, Object> a) {
            return Map.of();
        }

        @Responder(Report.class)
        Map<String, Object> report(Map<String, Object> a) {
            report = a;
            return Map.of();
        }

        @Override
        public void connectionLost(Failure reason) {
            lost = reason;
            super.connectionLost(reason);
        }
    }

    // --- The process transport ---

    private static final Object EOF = new Object();
    private static String python;
    private static boolean pythonSearched;

    /** Returns a python3 that can import twisted, or null. */
    static synchronized String findPython() {
        if (pythonSearched) {
            return python;
        }
        pythonSearched = true;
        List<String> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(dir + File.separator + "python3");
        }
        candidates.add("/usr/bin/python3");
        for (String c : candidates) {
            if (!Files.isExecutable(Path.of(c))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(c, "-c", "import twisted.protocols.amp").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    python = c;
                    return c;
                }
            } catch (IOException e) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    static Path script() throws URISyntaxException {
        Path p = Path.of("src/test/resources/dev/twj/protocols/amp/amp_peer.py");
        if (Files.exists(p)) {
            return p;
        }
        return Path.of(AmpTwistedInteropBehaviourTests.class.getResource("amp_peer.py").toURI());
    }

    /** A Python peer process connected to {@code protocol}. */
    static final class PythonPeer implements ITransport {
        final Process process;
        final IProtocol protocol;
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final OutputStream stdin;
        final boolean oneByteAtATime;
        boolean stdinClosed;
        boolean lost;

        PythonPeer(String mode, IProtocol protocol, boolean oneByteAtATime) throws Exception {
            String py = findPython();
            if (py == null) {
                if (System.getenv("CI") == null) {
                    Assumptions.abort("no python3 with Twisted found (PATH, /usr/bin/python3); CI is unset");
                }
                fail("CI is set but no python3 with Twisted was found on PATH or at /usr/bin/python3");
            }
            this.process = new ProcessBuilder(py, script().toString(), mode).start();
            this.protocol = protocol;
            this.oneByteAtATime = oneByteAtATime;
            this.stdin = process.getOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buf = new byte[8192];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        events.add(java.util.Arrays.copyOf(buf, n));
                    }
                } catch (IOException e) {
                    // The process went away: EOF.
                }
                events.add(EOF);
            }, "amp-peer-stdout");
            reader.setDaemon(true);
            reader.start();
            Thread errReader = new Thread(() -> {
                try (InputStream err = process.getErrorStream()) {
                    byte[] buf = new byte[8192];
                    int n;
                    while ((n = err.read(buf)) > 0) {
                        synchronized (stderr) {
                            stderr.write(buf, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // Done.
                }
            }, "amp-peer-stderr");
            errReader.setDaemon(true);
            errReader.start();
            protocol.makeConnection(this);
        }

        String stderr() {
            synchronized (stderr) {
                return stderr.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
        }

        /** Feeds the protocol what the process writes until {@code done} or 30 seconds pass. */
        void runUntil(BooleanSupplier done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("timed out; Python stderr:\n" + stderr());
                }
                Object event = events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (event == null) {
                    continue;
                }
                if (event == EOF) {
                    if (!lost) {
                        lost = true;
                        protocol.connectionLost(new Failure(new ConnectionDone()));
                    }
                    if (!done.getAsBoolean()) {
                        fail("the Python peer closed the connection; its stderr:\n" + stderr());
                    }
                } else if (oneByteAtATime) {
                    for (byte x : (byte[]) event) {
                        protocol.dataReceived(new byte[] {x});
                    }
                } else {
                    protocol.dataReceived((byte[]) event);
                }
            }
        }

        /** Waits for the result of {@code d}. */
        Object resultOf(Deferred<?> d) throws InterruptedException {
            List<Object> out = new ArrayList<>();
            d.addBoth(r -> {
                out.add(r);
                return null;
            });
            runUntil(() -> !out.isEmpty());
            return out.get(0);
        }

        @Override
        public void write(byte[] data) {
            try {
                stdin.write(data);
                stdin.flush();
            } catch (IOException e) {
                // The peer is gone; the reader thread reports EOF.
            }
        }

        @Override
        public void writeSequence(Iterable<byte[]> data) {
            data.forEach(this::write);
        }

        @Override
        public void loseConnection() {
            if (!stdinClosed) {
                stdinClosed = true;
                try {
                    stdin.close();
                } catch (IOException e) {
                    // Already gone.
                }
            }
        }

        @Override
        public IAddress getPeer() {
            return null;
        }

        @Override
        public IAddress getHost() {
            return null;
        }

        /** Closes stdin and waits for the process to exit. */
        void close() throws InterruptedException {
            loseConnection();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    PythonPeer peer;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (peer != null) {
            peer.close();
        }
    }

    // --- Values ---

    static Map<String, Object> everyValue() {
        return dict(
                "i", -7L,
                "big", BigInteger.TWO.pow(100),
                "s", new byte[] {0, (byte) 0xff, 'b', 'y', 't', 'e', 's'},
                "u", "snow \u2603 man",
                "b", true,
                "fl", 0.1,
                "d", new BigDecimal("-1.50E-7"),
                "dt", OffsetDateTime.of(2010, 12, 25, 1, 2, 3, 456789000, ZoneOffset.ofHoursMinutes(5, 30)),
                "l", List.of(1L, -2L, 3L),
                "lf", List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e-5, 1e16, 1.234, 5e-324),
                "ld", List.of(DecimalArgument.Special.NAN, DecimalArgument.Special.NEGATIVE_SNAN,
                        DecimalArgument.Special.INFINITY, new BigDecimal("1E+3"), new BigDecimal("0.000001"),
                        new BigDecimal("-0.00")),
                "ldt", List.of(OffsetDateTime.of(1999, 1, 1, 0, 0, 0, 0, DateTimeArgument.utc)),
                "lu", List.of("a", "\u2603", ""),
                "al", List.of(Map.of("x", 1L, "y", "one"), Map.of("x", 2L)),
                "p", Path.of("/tmp/some dir/\u2603"),
                "dash_arg", b("dash"));
    }

    private void checkEcho(boolean oneByteAtATime) throws Exception {
        AMP amp = new AMP();
        peer = new PythonPeer("serve", amp, oneByteAtATime);
        Map<String, Object> sent = everyValue();
        Object result = peer.resultOf(amp.callRemote(Echo.class, sent));
        if (result instanceof Failure f) {
            fail("echo failed: " + f + "\nPython stderr:\n" + peer.stderr());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> got = new HashMap<>((Map<String, Object>) result);
        assertEquals("int,int,bytes,str,bool,float,Decimal,datetime,list[int],list[float],list[Decimal],"
                + "list[datetime],list[str],list[dict],FilePath,NoneType,bytes", got.remove("types"));
        Map<String, Object> expected = new HashMap<>(sent);
        expected.put("al", List.of(Map.of("x", 1L, "y", "one"), dict("x", 2L, "y", null)));
        expected.put("opt", null);
        assertNormEquals(expected, got);
    }

    /** Java calls Python's echo with every argument type; Python decodes each to the right type. */
    @Test
    public void javaCallsPythonWithEveryArgumentType() throws Exception {
        checkEcho(false);
    }

    /** The same, feeding Python's answer to Java one byte at a time. */
    @Test
    public void javaCallsPythonFedOneByteAtATime() throws Exception {
        checkEcho(true);
    }

    /**
     * Python's repr of 1,500 doubles (random bit patterns, powers of ten, halves) and str of
     * decimals equal what FloatArgument and DecimalArgument write.
     */
    @Test
    public void floatAndDecimalTextMatchesPython() throws Exception {
        AMP amp = new AMP();
        peer = new PythonPeer("serve", amp, false);
        java.util.Random random = new java.util.Random(42);
        List<Double> floats = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            floats.add(Double.longBitsToDouble(random.nextLong()));
        }
        for (int e = -330; e <= 310; e++) {
            floats.add(Double.parseDouble("1e" + e));
        }
        for (int i = 0; i < 100; i++) {
            floats.add(i / 2.0 + random.nextInt(1000) * 1e-3);
        }
        List<Object> decimals = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            decimals.add(new BigDecimal(BigInteger.valueOf(random.nextLong() % 100000), random.nextInt(40) - 20));
        }
        decimals.addAll(List.of(DecimalArgument.Special.values()));
        Object result = peer.resultOf(amp.callRemote(Reprs.class, Map.of("floats", floats, "decimals", decimals)));
        if (result instanceof Failure f) {
            fail("reprs failed: " + f + "\nPython stderr:\n" + peer.stderr());
        }
        Map<?, ?> got = (Map<?, ?>) result;
        List<String> javaFloats = new ArrayList<>();
        for (Double d : floats) {
            javaFloats.add(FloatArgument.pythonRepr(d));
        }
        assertEquals(got.get("floats"), javaFloats);
        List<String> javaDecimals = new ArrayList<>();
        for (Object d : decimals) {
            javaDecimals.add(new String(new DecimalArgument().toString(d), java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertEquals(got.get("decimals"), javaDecimals);
    }

    /** A declared error raised in Python arrives as its Java class; the connection stays up. */
    @Test
    public void pythonDeclaredErrorMapsToJavaClass() throws Exception {
        AMP amp = new AMP();
        peer = new PythonPeer("serve", amp, false);
        Failure f = (Failure) peer.resultOf(amp.callRemote(Fail.class, Map.of("kind", "my")));
        assertInstanceOf(MyError.class, f.value());
        assertEquals("declared error from Python", f.getErrorMessage());
        assertEquals(Map.of("total", 5L), peer.resultOf(amp.callRemote(Sum.class, Map.of("a", 2, "b", 3))));
    }

    /** A command Python has no responder for fails with UnhandledCommand; the connection stays up. */
    @Test
    public void unknownCommandToPythonIsUnhandled() throws Exception {
        AMP amp = new AMP();
        peer = new PythonPeer("serve", amp, false);
        Failure f = (Failure) peer.resultOf(amp.callRemoteString("nope", new AmpBox()));
        UnhandledCommand e = assertInstanceOf(UnhandledCommand.class, f.value());
        assertEquals("UNHANDLED", e.errorCode);
        assertEquals("Unhandled Command: b'nope'", e.description);
        assertEquals(Map.of("total", 5L), peer.resultOf(amp.callRemote(Sum.class, Map.of("a", 2, "b", 3))));
    }

    /** A requiresAnswer=false command sends no _ask, returns null, and still runs in Python. */
    @Test
    public void noAnswerCommandRunsInPython() throws Exception {
        AMP amp = new AMP();
        peer = new PythonPeer("serve", amp, false);
        assertNull(amp.callRemote(Notify.class, Map.of("text", "one")));
        assertNull(amp.callRemote(Notify.class, Map.of("text", "two")));
        assertEquals(Map.of("notes", List.of("one", "two")), peer.resultOf(amp.callRemote(Notes.class, Map.of())));
    }

    /** A fatal declared error arrives as its Java class, and Python closes the connection. */
    @Test
    public void pythonFatalErrorClosesConnection() throws Exception {
        AMP amp = new AMP();
        peer = new PythonPeer("serve", amp, false);
        Failure f = (Failure) peer.resultOf(amp.callRemote(Fail.class, Map.of("kind", "fatal")));
        assertInstanceOf(FatalError.class, f.value());
        peer.runUntil(() -> peer.lost);
        Failure after = (Failure) peer.resultOf(amp.callRemote(Sum.class, Map.of("a", 2, "b", 3)));
        assertInstanceOf(ConnectionDone.class, after.value());
    }

    /** An undeclared error in Python arrives as UnknownRemoteError (code UNKNOWN) and closes the connection. */
    @Test
    public void pythonUndeclaredErrorIsUnknownRemoteError() throws Exception {
        AMP amp = new AMP();
        peer = new PythonPeer("serve", amp, false);
        Failure f = (Failure) peer.resultOf(amp.callRemote(Fail.class, Map.of("kind", "other")));
        UnknownRemoteError e = assertInstanceOf(UnknownRemoteError.class, f.value());
        assertEquals("UNKNOWN", e.errorCode);
        assertEquals("Unknown Error", e.description);
        peer.runUntil(() -> peer.lost);
    }

    /**
     * Python calls Java: Sum, Echo with every argument type (Python compares what comes back),
     * a declared Java error (ZeroDivisionError in Python), an unknown command, a no-answer
     * command; then it reports what it checked.
     */
    @Test
    public void pythonCallsJava() throws Exception {
        JavaPeer amp = new JavaPeer();
        peer = new PythonPeer("call-java", amp, false);
        peer.runUntil(() -> amp.report != null);
        assertEquals(Boolean.TRUE, amp.report.get("ok"), amp.report.get("detail") + "\n" + peer.stderr());
        assertTrue(((String) amp.report.get("detail")).startsWith("22 checks"), (String) amp.report.get("detail"));
    }
}
