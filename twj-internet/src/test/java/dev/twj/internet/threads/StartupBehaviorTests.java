package dev.twj.internet.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.base.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Test cases for the behavior of the reactor threadpool near startup boundary conditions. Port of
 * {@code twisted.test.test_threads.StartupBehaviorTests}.
 *
 * <p>In particular, this asserts that no threaded calls are attempted until the reactor starts
 * up, and that the reactor properly cleans itself up (which is tested for somewhat implicitly, by
 * requiring a child process be able to exit, something it cannot do unless the threadpool has
 * been properly torn down). The child is a JVM started with {@link ChildJvm} instead of a
 * reactor-spawned Python.
 */
@Timeout(120)
class StartupBehaviorTests {
    @Test
    public void testCallBeforeStartupUnexecuted() throws IOException, InterruptedException {
        Process p = ChildJvm.start(CallBeforeStartupProgram.class);
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        assertTrue(exited, "Process did not exit in time");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "Process did not exit cleanly (out: " + out + ")");
        assertEquals("", out, "Expected no output, instead received:\n" + out);
    }
}
