package dev.twj.trial.test;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests for {@link SynchronousTestCase#mktemp}, a helper for creating temporary file or directory
 * names. Port of {@code twisted.trial.test.test_util.MktempTests}. Twisted's directories are
 * relative to the working directory, which trial makes {@code _trial_temp}; twj's are absolute,
 * under the {@code twj.trial.tempDirectory} system property (default {@code _trial_temp}).
 */
final class MktempTests extends SynchronousTestCase {
    private static Path tempRoot() {
        return Path.of(System.getProperty("twj.trial.tempDirectory", "_trial_temp"))
                .toAbsolutePath();
    }

    /**
     * The path name returned by mktemp is directly beneath a directory which identifies the test
     * method which created the name.
     */
    public void test_name() {
        Path name = Path.of(mktemp());
        Path relative = tempRoot().relativize(name.getParent().getParent());
        List<String> dirs = new ArrayList<>();
        relative.forEach(p -> dirs.add(p.toString()));
        assertEqual(dirs, List.of("dev.twj.trial.test", "MktempTests", "test_name"));
    }

    /** Repeated calls to mktemp return different values. */
    public void test_unique() {
        String name = mktemp();
        assertNotEqual(name, mktemp());
    }

    /** The directory part of the path name returned by mktemp exists. */
    public void test_created() {
        Path name = Path.of(mktemp());
        Path dirname = name.getParent();
        assertTrue(Files.exists(dirname));
        assertFalse(Files.exists(name));
    }

    /** The path returned by mktemp is beneath the run's temp directory. */
    public void test_location() {
        Path path = Path.of(mktemp()).toAbsolutePath();
        assertTrue(path.startsWith(tempRoot()));
    }
}
