package dev.twj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's run command ({@code ./mvnw -q compile exec:exec}, which runs {@link ChatServer} in
 * a JVM of its own) stops cleanly on Ctrl-C (SIGINT) and on SIGTERM: a real child JVM runs
 * {@code ChatServer.main} as the exec plugin does, a client connects, the child gets the signal.
 * The child must run its "before" "shutdown" trigger (it prints {@code stopped}), lose the
 * client's connection (the protocol's {@code connectionLost} prints {@code * <client> left}),
 * close the client's socket (the client reads end of stream), and exit with the status the JVM
 * gives that signal (128 + its number: 130 and 143, the exec plugin's success codes).
 */
@Timeout(120)
class ChatServerShutdownBehaviourTests {
    private static final Pattern LISTENING = Pattern.compile("Chat server listening on 127\\.0\\.0\\.1:(\\d+);.*");

    /** The child JVM running ChatServer and the lines it printed so far. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final List<String> lines = new ArrayList<>();

        Child() throws IOException {
            // The same java as this test's JVM, and the command line of the exec plugin's.
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> command = List.of(java, "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                    "-Dport=0", "-classpath", System.getProperty("java.class.path"), ChatServer.class.getName());
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads lines until one matches {@code pattern}; fails if the output ends first. */
        Matcher readUntil(Pattern pattern) throws IOException {
            String l;
            while ((l = out.readLine()) != null) {
                lines.add(l);
                Matcher m = pattern.matcher(l);
                if (m.matches()) {
                    return m;
                }
            }
            throw new AssertionError("child ended without printing " + pattern + ": " + lines);
        }

        /** Waits (at most 60 seconds) for the child to exit, reads the rest of its output, returns its status. */
        int finish() throws IOException, InterruptedException {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            assertTrue(exited, "child did not exit: " + lines);
            String l;
            while ((l = out.readLine()) != null) {
                lines.add(l);
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /**
     * Starts the server, connects a client, sends the child the signal with {@code signal}, and
     * checks the clean shutdown; {@code status} is the exit status expected.
     */
    private static void stopsCleanlyOn(String signalName, Runnable signal, Child child, int status) throws Exception {
        int port = Integer.parseInt(child.readUntil(LISTENING).group(1));
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String greeting = in.readLine();
            assertTrue(greeting != null && greeting.startsWith("Welcome to the twj chat"), greeting);
            String name = "127.0.0.1:" + client.getLocalPort();
            child.readUntil(Pattern.compile(Pattern.quote("* " + name + " joined")));

            signal.run();

            // The server closes the connection while shutting down: end of stream, no reset.
            assertNull(in.readLine(), "the client's connection was not closed on " + signalName);
            assertEquals(status, child.finish(), signalName + ": " + child.lines);
            List<String> after = child.lines.subList(child.lines.indexOf("* " + name + " joined") + 1,
                    child.lines.size());
            // "before" shutdown triggers run before the "during" phase disconnects everything.
            assertEquals(List.of("stopped", "* " + name + " left"), after, signalName + ": " + child.lines);
        }
    }

    /** Ctrl-C: SIGINT stops the server cleanly, exit status 130. */
    @Test
    public void sigintStopsTheServerCleanly() throws Exception {
        Path kill = Path.of("/bin/kill");
        Assumptions.assumeTrue(Files.isExecutable(kill), "no /bin/kill to send SIGINT with");
        try (Child child = new Child()) {
            stopsCleanlyOn("SIGINT", () -> {
                try {
                    Process k = new ProcessBuilder(kill.toString(), "-INT", Long.toString(child.process.pid()))
                            .redirectErrorStream(true).start();
                    assertEquals(0, k.waitFor());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }, child, 130);
        }
    }

    /** SIGTERM (what {@code kill} and service managers send) stops the server cleanly, exit status 143. */
    @Test
    public void sigtermStopsTheServerCleanly() throws Exception {
        try (Child child = new Child()) {
            // SIGTERM through the handle, which unlike Process.destroy() leaves the pipe from the
            // child open for the lines it prints while shutting down.
            stopsCleanlyOn("SIGTERM", () -> assertTrue(child.process.toHandle().destroy()), child, 143);
        }
    }
}
