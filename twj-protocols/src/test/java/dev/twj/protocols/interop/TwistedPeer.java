package dev.twj.protocols.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Twisted peer in a Python child process, for wire-compatibility tests: runs
 * {@code twisted_peer.py} (a test resource of this package) with the first interpreter found that
 * can {@code import twisted}, on 127.0.0.1.
 *
 * <p>When no such interpreter exists the calling test is skipped (a JUnit assumption), unless the
 * environment variable {@code CI} is set: there it fails, so a CI machine without Twisted cannot
 * pass the interop tests by skipping them.
 *
 * <p>The script prints one event per line ({@code PORT <n>}, {@code MSG <hex>},
 * {@code EXCEEDED}, {@code LOST <class>}, {@code DONE}); a reader thread queues them. Close the
 * peer (try-with-resources) to kill the process.
 */
final class TwistedPeer implements AutoCloseable {
    /** Interpreters tried in order; the first that can import twisted wins. */
    static final List<String> CANDIDATES = List.of(
            "/usr/bin/python3", "python3", "python3.13", "python3.12", "python3.11", "python3.10",
            "python3.9", "python");

    private static final long TIMEOUT_SECONDS = 30;
    private static String python;
    private static boolean searched;

    private final Process process;
    private final Path script;
    private final Path stderr;
    private final Path messagesFile;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> events = new ArrayList<>();
    private final Thread reader;
    private int port = -1;

    private TwistedPeer(List<String> arguments, List<byte[]> messages) throws IOException {
        script = script();
        messagesFile = Files.createTempFile("twj-interop-messages", ".hex");
        StringBuilder hex = new StringBuilder();
        for (byte[] m : messages) {
            hex.append(m.length == 0 ? "-" : HexFormat.of().formatHex(m)).append('\n');
        }
        Files.writeString(messagesFile, hex);
        stderr = Files.createTempFile("twj-interop-python", ".err");
        List<String> command = new ArrayList<>(List.of(python(), "-u", script.toString()));
        command.addAll(arguments);
        command.add("--messages");
        command.add(messagesFile.toString());
        process = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        reader = Thread.ofPlatform().daemon().name("twisted-peer-reader").start(this::readLines);
    }

    /**
     * Starts a Twisted server on 127.0.0.1, port 0.
     *
     * @param proto {@code line}, {@code netstring} or {@code int32}
     * @param behaviour {@code sender} (sends {@code messages}, hangs up when all came back) or
     *     {@code echoer}
     * @param chunks the cycle of piece sizes every frame is written in
     * @param delay seconds between two pieces
     */
    static TwistedPeer server(String proto, String behaviour, List<byte[]> messages, String chunks, double delay)
            throws IOException {
        TwistedPeer peer = new TwistedPeer(
                List.of("--role", "server", "--proto", proto, "--behaviour", behaviour, "--chunks", chunks,
                        "--delay", Double.toString(delay)),
                messages);
        peer.awaitPort();
        return peer;
    }

    /** Starts a Twisted client of 127.0.0.1:{@code port}; see {@link #server}. */
    static TwistedPeer client(
            int port, String proto, String behaviour, List<byte[]> messages, String chunks, double delay)
            throws IOException {
        return new TwistedPeer(
                List.of("--role", "client", "--port", Integer.toString(port), "--proto", proto, "--behaviour",
                        behaviour, "--chunks", chunks, "--delay", Double.toString(delay)),
                messages);
    }

    /**
     * Returns the Python interpreter that can import twisted; skips the test if there is none
     * (fails it when {@code CI} is set).
     */
    static synchronized String python() {
        if (!searched) {
            searched = true;
            for (String candidate : CANDIDATES) {
                if (importsTwisted(candidate)) {
                    python = candidate;
                    break;
                }
            }
        }
        if (python == null) {
            String message = "no Python interpreter with Twisted found among " + CANDIDATES
                    + " (apt-get install python3-twisted)";
            if (System.getenv("CI") != null) {
                fail(message + "; CI is set, so this is a failure, not a skip");
            }
            Assumptions.abort(message);
        }
        return python;
    }

    private static boolean importsTwisted(String candidate) {
        try {
            Process p = new ProcessBuilder(candidate, "-c", "import twisted.internet.reactor, twisted.protocols.basic")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static synchronized Path script() throws IOException {
        Path copy = Files.createTempFile("twisted_peer", ".py");
        try (InputStream in = TwistedPeer.class.getResourceAsStream("twisted_peer.py")) {
            if (in != null) {
                Files.write(copy, in.readAllBytes());
                return copy;
            }
        }
        Path source = Path.of("src/test/resources/dev/twj/protocols/interop/twisted_peer.py");
        if (Files.exists(source)) {
            Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
        throw new IOException("twisted_peer.py not found on the class path nor at " + source.toAbsolutePath());
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process was killed: the events so far are all there is.
        } finally {
            lines.add("EOF");
        }
    }

    private void awaitPort() {
        String line = next();
        if (line == null || !line.startsWith("PORT ")) {
            fail("the Twisted server did not report its port: " + line + "\n" + stderrText());
        }
        port = Integer.parseInt(line.substring(5).trim());
    }

    private String next() {
        try {
            return lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The port a server listens on. */
    int port() {
        return port;
    }

    /**
     * Waits (at most 30 seconds) for the process to end and returns its events: the lines it
     * printed except {@code PORT} and {@code DONE}.
     */
    List<String> events() {
        while (true) {
            String line = next();
            if (line == null) {
                fail("the Twisted peer did not finish; events so far " + events + "\n" + stderrText());
            }
            if (line.equals("EOF")) {
                lines.add("EOF");
                return List.copyOf(events);
            }
            if (!line.equals("DONE") && !line.startsWith("PORT ")) {
                events.add(line);
            }
        }
    }

    /** What the process wrote to its standard error (a traceback, say). */
    String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /** Kills the process and removes its temporary files. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(script);
            Files.deleteIfExists(stderr);
            Files.deleteIfExists(messagesFile);
        } catch (IOException e) {
            // Temporary files: nothing to do.
        }
    }
}
