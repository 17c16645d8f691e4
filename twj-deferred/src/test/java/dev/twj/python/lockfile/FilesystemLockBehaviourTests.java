package dev.twj.python.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java-only tests of FilesystemLock against the real filesystem and the real process table (no
 * patched functions).
 */
class FilesystemLockBehaviourTests {
    @TempDir
    Path tempDir;

    private String lockName() {
        return tempDir.resolve("lock").toString();
    }

    @Test
    public void theLockIsASymlinkToThisProcessPid() throws IOException {
        FilesystemLock lock = new FilesystemLock(lockName());
        assertTrue(lock.lock());
        Path link = Path.of(lockName());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readSymbolicLink(link).toString());
        lock.unlock();
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    public void aStaleLockOfAProcessThatIsGoneIsBroken() throws IOException {
        // Hopefully there is no process with PID 2 ** 31 - 1.
        Lockfile.symlink(Long.toString((1L << 31) - 1), lockName());
        FilesystemLock lock = new FilesystemLock(lockName());
        assertTrue(lock.lock());
        assertFalse(lock.clean());
        assertTrue(lock.locked());
        assertEquals(Long.toString(ProcessHandle.current().pid()), Lockfile.readlink(lockName()));
    }

    @Test
    public void aLockOfALiveProcessIsNotBroken() throws IOException {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Lockfile.symlink(Long.toString(parent), lockName());
        FilesystemLock lock = new FilesystemLock(lockName());
        assertFalse(lock.lock());
        assertFalse(lock.locked());
        assertEquals(Long.toString(parent), Lockfile.readlink(lockName()));
        assertTrue(Lockfile.isLocked(lockName()));
        assertThrows(IllegalStateException.class, lock::unlock);
    }

    @Test
    public void theLockIsNotReentrant() throws IOException {
        FilesystemLock lock = new FilesystemLock(lockName());
        assertTrue(lock.lock());
        assertFalse(lock.lock());
        assertTrue(lock.locked());
    }

    @Test
    public void aLinkThatIsNotAPidIsAnError() throws IOException {
        Lockfile.symlink("not-a-pid", lockName());
        assertThrows(NumberFormatException.class, new FilesystemLock(lockName())::lock);
    }

    @Test
    public void killOnlyChecksThatTheProcessExists() {
        assertThrows(IllegalArgumentException.class, () -> Lockfile.kill(ProcessHandle.current().pid(), 9));
    }
}
