package dev.twj.python.lockfile;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Port of {@code twisted.test.test_lockfile.UtilTests}: tests for the helper functions used to
 * implement FilesystemLock.
 *
 * <p>Not ported: {@code test_symlinkEIOWindows} and {@code test_readlinkEACCESWindows} (Windows
 * only, for Twisted's Windows emulation of symbolic links, which is not ported), and
 * {@code test_noKillCall} (it patches {@code kill} to {@code None}, as on Windows without
 * pywin32; the Java lock always has {@link ProcessHandle}, so that code path does not exist).
 */
class UtilTests {
    @TempDir
    Path tempDir;

    private int temps;

    /** trial's {@code mktemp}: a fresh path that does not exist yet. */
    private String mktemp() {
        return tempDir.resolve("temp" + temps++).toString();
    }

    /**
     * symlink raises OSError with errno set to EEXIST (FileAlreadyExistsException) when an
     * attempt is made to create a symlink which already exists.
     */
    @Test
    public void test_symlinkEEXIST() throws IOException {
        String name = mktemp();
        Lockfile.symlink("foo", name);
        assertThrows(FileAlreadyExistsException.class, () -> Lockfile.symlink("foo", name));
    }

    /**
     * readlink raises OSError with errno set to ENOENT (NoSuchFileException) when an attempt is
     * made to read a symlink which does not exist.
     */
    @Test
    public void test_readlinkENOENT() {
        String name = mktemp();
        assertThrows(NoSuchFileException.class, () -> Lockfile.readlink(name));
    }

    /**
     * kill returns without error if passed the PID of a process which exists and signal 0.
     */
    @Test
    public void test_kill() throws IOException {
        Lockfile.kill(ProcessHandle.current().pid(), 0);
    }

    /**
     * kill raises OSError with errno of ESRCH (ProcessLookupError) if passed a PID which does not
     * correspond to any process.
     */
    @Test
    public void test_killESRCH() {
        // Hopefully there is no process with PID 2 ** 31 - 1
        assertThrows(ProcessLookupError.class, () -> Lockfile.kill((1L << 31) - 1, 0));
    }
}
