package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM and SIGINT stop a reactor run with {@code run()} cleanly, its "shutdown" triggers
 * included, through the JVM shutdown hook; tested on a real child JVM ({@link ShutdownHookProgram}).
 */
@Timeout(120)
class ShutdownHookBehaviourTests {
    /** A started child and the lines it printed so far. */
    private static final class Child {
        final Process process;
        final BufferedReader out;
        final List<String> lines = new ArrayList<>();

        Child(String mode) throws IOException {
            process = ChildJvm.start(ShutdownHookProgram.class, mode);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads lines until {@code line}; fails if the output ends first. */
        void readUntil(String line) throws IOException {
            String l;
            while ((l = out.readLine()) != null) {
                lines.add(l);
                if (l.equals(line)) {
                    return;
                }
            }
            throw new AssertionError("child ended without printing " + line + ": " + lines);
        }

        /** Waits for the child to exit (at most 60 seconds), reads the rest, returns the time taken. */
        double finish() throws IOException, InterruptedException {
            long start = System.nanoTime();
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            double took = (System.nanoTime() - start) / 1e9;
            if (!exited) {
                process.destroyForcibly();
            }
            assertTrue(exited, "child did not exit: " + lines);
            String l;
            while ((l = out.readLine()) != null) {
                lines.add(l);
            }
            return took;
        }
    }

    private static final List<String> CLEAN_SHUTDOWN =
            List.of("running", "before shutdown", "before shutdown fired", "shutdown trigger ran");

    private static List<String> withoutRunReturned(List<String> lines) {
        // Whether "run returned" is printed is a race with the JVM halting after the hooks.
        List<String> result = new ArrayList<>(lines);
        result.remove("run returned");
        return result;
    }

    @Test
    public void sigtermRunsTheShutdownTriggersIncludingAsynchronousBeforeTriggers() throws Exception {
        Child child = new Child("hook");
        child.readUntil("running");
        // SIGTERM, as Process.destroy() sends, through the handle, which unlike Process.destroy()
        // leaves the pipe from the child open for the lines it prints while shutting down.
        child.process.toHandle().destroy();
        child.finish();
        assertEquals(CLEAN_SHUTDOWN, withoutRunReturned(child.lines));
    }

    @Test
    public void sigintRunsTheShutdownTriggers() throws Exception {
        Path kill = Path.of("/bin/kill");
        Assumptions.assumeTrue(Files.isExecutable(kill), "no /bin/kill to send SIGINT with");
        Child child = new Child("hook");
        child.readUntil("running");
        Process k = new ProcessBuilder(kill.toString(), "-INT", Long.toString(child.process.pid())).start();
        assertEquals(0, k.waitFor());
        child.finish();
        assertEquals(CLEAN_SHUTDOWN, withoutRunReturned(child.lines));
    }

    @Test
    public void withoutSignalHandlersSigtermDoesNotRunTheShutdownTriggers() throws Exception {
        Child child = new Child("nohook");
        child.readUntil("running");
        child.process.toHandle().destroy(); // SIGTERM
        child.finish();
        assertEquals(List.of("running"), child.lines);
    }

    @Test
    public void systemExitFromAnotherThreadRunsTheShutdownTriggers() throws Exception {
        Child child = new Child("exitFromThread");
        child.finish();
        assertEquals(0, child.process.exitValue());
        assertEquals(CLEAN_SHUTDOWN, withoutRunReturned(child.lines));
    }

    @Test
    public void systemExitFromTheReactorThreadDoesNotWaitForTheReactor() throws Exception {
        Child child = new Child("exitFromReactor");
        double took = child.finish();
        assertEquals(0, child.process.exitValue());
        // The hook sees the reactor thread inside System.exit and does not wait the 30 seconds.
        assertTrue(took < ReactorBase.SHUTDOWN_HOOK_TIMEOUT_SECONDS / 2.0, "took " + took + " s");
        assertEquals(List.of("running"), child.lines);
        assertFalse(child.lines.contains("shutdown trigger ran"));
    }
}
