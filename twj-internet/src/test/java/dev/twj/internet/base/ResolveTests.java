package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of {@code twisted.test.test_internet.ResolveTests}: a child process (here a JVM started
 * with {@link ChildJvm}) does {@code reactor.resolve} after the reactor has started, and fails if
 * it does not complete in a timely fashion.
 */
@Timeout(120)
class ResolveTests {
    @Test
    public void testChildResolve() throws Exception {
        Process p = ChildJvm.start(ResolveHelperProgram.class);
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        assertTrue(exited, "child did not exit");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("done 127.0.0.1" + System.lineSeparator(), output,
                "The child process failed to produce the desired results (exit " + p.exitValue() + ")");
    }
}
