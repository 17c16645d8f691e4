package dev.twj.trial.scripts;

import dev.twj.logger.Global;
import dev.twj.trial.runner.TrialRunner;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tests for {@link TrialRunner}. Port of {@code twisted.trial.test.test_runner.TrialRunnerTestsMixin}.
 * Its {@code test_empty}, the test the others run, is a sample test here.
 */
abstract class TrialRunnerTestsMixin extends SynchronousTestCase {
    /** The test the runner runs. */
    static final class EmptyTest extends SynchronousTestCase {
        public void test_empty() {}
    }

    TrialRunner runner;
    SynchronousTestCase test;

    void setUp() {
        runner = new TrialRunner(CapturingReporter::new, null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        runner.workingDirectory = mktemp();
        test = SynchronousTestCase.forMethod(EmptyTest.class, "test_empty");
    }

    /** Any log observers TrialRunner.run adds are removed by the time it returns. */
    public void test_addObservers() {
        int originalCount = Global.globalLogPublisher().observers().size();
        runner.run(List.of(test));
        int newCount = Global.globalLogPublisher().observers().size();
        assertEqual(newCount, originalCount);
    }

    /** A new file is opened on each run. */
    public void test_logFileAlwaysActive() throws IOException {
        Path logPath = Path.of(runner.workingDirectory).resolve(runner.logfile);
        for (int i = 0; i < 2; i++) {
            runner.run(List.of(test));
            assertTrue(Files.exists(logPath));
            // We can demonstrate it is re-opened on the next iteration by deleting the current
            // version.
            Files.delete(logPath);
        }
    }
}
