package dev.twj.trial.scripts;

import dev.twj.logger.Logger;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tests for the {@code --logfile} option. Port of
 * {@code twisted.trial.test.test_script.LogfileTests}; hypothesis's {@code sampled_from} is a
 * loop over the same samples. The working directories are under {@code mktemp()} rather than
 * the current directory, which a JVM cannot change.
 */
final class LogfileTests extends SynchronousTestCase {
    /** Emits something to the global log: Twisted's {@code logSomething}. */
    static final class LogSomething extends SynchronousTestCase {
        public void test_logSomething() {
            new Logger().info("something");
        }
    }

    /** Parses {@code argv} and runs {@link LogSomething} with that configuration. */
    static Trial.Options runFromArguments(String... argv) {
        Trial.Options config = new Trial.Options();
        config.parseOptions(argv);
        var runner = Trial.makeRunner(config, new PrintStream(OutputStream.nullOutputStream()));
        runner.run(List.of(SynchronousTestCase.forMethod(LogSomething.class, "test_logSomething")));
        return config;
    }

    /**
     * If no value is given for the option then logs are written to a log file constructed from a
     * default value.
     */
    public void test_default() throws IOException {
        for (String workingDirectory : List.of("dir-a", "dir-b", "dir-c/dir-d")) {
            Path wd = Path.of(mktemp(), workingDirectory);
            Trial.Options config = runFromArguments("--temp-directory", wd.toString());
            assertEqual(config.logfile, "test.log");
            assertIn("something", Files.readString(wd.resolve(config.logfile)));
        }
    }

    /**
     * If the value given for the option is a relative path then it is interpreted relative to
     * trial's own temporary working directory and logs are written there.
     */
    public void test_relativePath() throws IOException {
        for (String logfile : List.of("somelog.txt", "somedir/somelog.txt")) {
            Path wd = Path.of(mktemp());
            Trial.Options config = runFromArguments("--temp-directory", wd.toString(),
                    "--logfile", logfile);
            assertIn("something", Files.readString(Path.of(config.tempDirectory, logfile)));
        }
    }

    /**
     * If the value given for the option is an absolute path then it is interpreted absolutely
     * and logs are written there.
     */
    public void test_absolutePath() throws IOException {
        for (String logfile : List.of("somelog.txt", "somedir/somelog.txt")) {
            Path logPath = Path.of(mktemp()).resolve(logfile).toAbsolutePath();
            runFromArguments("--temp-directory", mktemp(), "--logfile", logPath.toString());
            assertIn("something", Files.readString(logPath));
        }
    }
}
