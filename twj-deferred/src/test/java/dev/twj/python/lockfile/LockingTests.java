package dev.twj.python.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Port of {@code twisted.test.test_lockfile.LockingTests}: FilesystemLock.
 *
 * <p>Twisted's tests patch the module's {@code symlink}, {@code readlink}, {@code rmlink} and
 * {@code kill}; here each test gives its lock a {@link Lockfile.Syscalls} that overrides the
 * same functions. Python's {@code OSError(errno, None)} becomes an {@link IOException} named
 * after the errno, and "the exception has that errno" becomes "the same exception is thrown".
 *
 * <p>Not ported (Windows only, for Twisted's Windows emulation of symbolic links, which is not
 * ported): {@code test_lockReleasedDuringAcquireSymlink},
 * {@code test_lockReleasedDuringAcquireReadlink}.
 */
class LockingTests {
    @TempDir
    Path tempDir;

    private int temps;

    /** trial's {@code mktemp}: a fresh path that does not exist yet. */
    private String mktemp() {
        return tempDir.resolve("temp" + temps++).toString();
    }

    private static IOException osError(String errno) {
        return new FileSystemException(null, null, errno);
    }

    private static String getpid() {
        return Long.toString(ProcessHandle.current().pid());
    }

    /** A {@code kill} that says process {@code owner} is gone and every other one is alive. */
    private static void fakeKill(long owner, long pid, int signal) throws IOException {
        if (signal != 0) {
            throw osError("EPERM");
        }
        if (pid == owner) {
            throw new ProcessLookupError(pid);
        }
    }

    private void symlinkErrorTest(IOException error) {
        Lockfile.Syscalls sys = new Lockfile.Syscalls() {
            @Override
            public void symlink(String source, String dest) throws IOException {
                throw error;
            }
        };

        String lockf = mktemp();
        FilesystemLock lock = new FilesystemLock(lockf, sys);
        IOException exc = assertThrows(IOException.class, lock::lock);
        assertSame(error, exc);
    }

    /**
     * An exception raised by symlink other than EEXIST is passed up to the caller of
     * FilesystemLock.lock.
     */
    @Test
    public void test_symlinkError() {
        symlinkErrorTest(osError("ENOSYS"));
    }

    /**
     * An OSError raised by symlink on a POSIX platform with an errno of EACCES or EIO is passed to
     * the caller of FilesystemLock.lock.
     *
     * <p>On POSIX, unlike on Windows, these are unexpected errors which cannot be handled by
     * FilesystemLock.
     */
    @Test
    public void test_symlinkErrorPOSIX() {
        symlinkErrorTest(new AccessDeniedException("EACCES"));
        symlinkErrorTest(osError("EIO"));
    }

    /**
     * If the lock has never been held, it can be acquired and the clean and locked attributes are
     * set to true.
     */
    @Test
    public void test_cleanlyAcquire() throws IOException {
        String lockf = mktemp();
        FilesystemLock lock = new FilesystemLock(lockf);
        assertTrue(lock.lock());
        assertTrue(lock.clean());
        assertTrue(lock.locked());
    }

    /**
     * If a lock is released cleanly, it can be re-acquired and the clean and locked attributes are
     * set to true.
     */
    @Test
    public void test_cleanlyRelease() throws IOException {
        String lockf = mktemp();
        FilesystemLock lock = new FilesystemLock(lockf);
        assertTrue(lock.lock());
        lock.unlock();
        assertFalse(lock.locked());

        lock = new FilesystemLock(lockf);
        assertTrue(lock.lock());
        assertTrue(lock.clean());
        assertTrue(lock.locked());
    }

    /** If a lock is currently locked, it cannot be locked again. */
    @Test
    public void test_cannotLockLocked() throws IOException {
        String lockf = mktemp();
        FilesystemLock firstLock = new FilesystemLock(lockf);
        assertTrue(firstLock.lock());

        FilesystemLock secondLock = new FilesystemLock(lockf);
        assertFalse(secondLock.lock());
        assertFalse(secondLock.locked());
    }

    /**
     * If a lock was held by a process which no longer exists, it can be acquired, the clean
     * attribute is set to false, and the locked attribute is set to true.
     */
    @Test
    public void test_uncleanlyAcquire() throws IOException {
        long owner = 12345;
        Lockfile.Syscalls sys = new Lockfile.Syscalls() {
            @Override
            public void kill(long pid, int signal) throws IOException {
                fakeKill(owner, pid, signal);
            }
        };

        String lockf = mktemp();
        Lockfile.symlink(Long.toString(owner), lockf);

        FilesystemLock lock = new FilesystemLock(lockf, sys);
        assertTrue(lock.lock());
        assertFalse(lock.clean());
        assertTrue(lock.locked());

        assertEquals(getpid(), Lockfile.readlink(lockf));
    }

    /**
     * If the lock is initially held but then released before it can be examined to determine if
     * the process which held it still exists, it is acquired and the clean and locked attributes
     * are set to true.
     */
    @Test
    public void test_lockReleasedBeforeCheck() throws IOException {
        String lockf = mktemp();
        Lockfile.Syscalls sys = new Lockfile.Syscalls() {
            private boolean patched = true;

            @Override
            public String readlink(String name) throws IOException {
                if (patched) {
                    // Pretend to be another process releasing the lock.
                    Lockfile.rmlink(lockf);
                    // Fall back to the real implementation of readlink.
                    patched = false;
                }
                return Lockfile.readlink(name);
            }

            @Override
            public void kill(long pid, int signal) throws IOException {
                fakeKill(43125, pid, signal);
            }
        };

        FilesystemLock lock = new FilesystemLock(lockf, sys);
        Lockfile.symlink(Long.toString(43125), lockf);
        assertTrue(lock.lock());
        assertTrue(lock.clean());
        assertTrue(lock.locked());
    }

    private void readlinkErrorTest(IOException error) throws IOException {
        Lockfile.Syscalls sys = new Lockfile.Syscalls() {
            @Override
            public String readlink(String name) throws IOException {
                throw error;
            }
        };

        String lockf = mktemp();

        // Make it appear locked so it has to use readlink
        Lockfile.symlink(Long.toString(43125), lockf);

        FilesystemLock lock = new FilesystemLock(lockf, sys);
        IOException exc = assertThrows(IOException.class, lock::lock);
        assertSame(error, exc);
        assertFalse(lock.locked());
    }

    /**
     * An exception raised by readlink other than ENOENT is passed up to the caller of
     * FilesystemLock.lock.
     */
    @Test
    public void test_readlinkError() throws IOException {
        // Twisted raises OSError, then IOError (the same class on Python 3).
        readlinkErrorTest(osError("ENOSYS"));
        readlinkErrorTest(new IOException("ENOSYS"));
    }

    /**
     * Any IOError raised by readlink on a POSIX platform passed to the caller of
     * FilesystemLock.lock.
     *
     * <p>On POSIX, unlike on Windows, these are unexpected errors which cannot be handled by
     * FilesystemLock.
     */
    @Test
    public void test_readlinkErrorPOSIX() throws IOException {
        readlinkErrorTest(new IOException("ENOSYS"));
        readlinkErrorTest(new AccessDeniedException("EACCES"));
    }

    /**
     * If a second process cleans up the lock after a first one checks the lock and finds that no
     * process is holding it, the first process does not fail when it tries to clean up the lock.
     */
    @Test
    public void test_lockCleanedUpConcurrently() throws IOException {
        String lockf = mktemp();
        Lockfile.Syscalls sys = new Lockfile.Syscalls() {
            private boolean patched = true;

            @Override
            public void rmlink(String name) throws IOException {
                if (patched) {
                    patched = false;
                    // Pretend to be another process cleaning up the lock.
                    Lockfile.rmlink(lockf);
                }
                // Fall back to the real implementation of rmlink.
                Lockfile.rmlink(name);
            }

            @Override
            public void kill(long pid, int signal) throws IOException {
                fakeKill(43125, pid, signal);
            }
        };

        FilesystemLock lock = new FilesystemLock(lockf, sys);
        Lockfile.symlink(Long.toString(43125), lockf);
        assertTrue(lock.lock());
        assertTrue(lock.clean());
        assertTrue(lock.locked());
    }

    /**
     * An exception raised by rmlink other than ENOENT is passed up to the caller of
     * FilesystemLock.lock.
     */
    @Test
    public void test_rmlinkError() throws IOException {
        IOException error = osError("ENOSYS");
        Lockfile.Syscalls sys = new Lockfile.Syscalls() {
            @Override
            public void rmlink(String name) throws IOException {
                throw error;
            }

            @Override
            public void kill(long pid, int signal) throws IOException {
                fakeKill(43125, pid, signal);
            }
        };

        String lockf = mktemp();

        // Make it appear locked so it has to use readlink
        Lockfile.symlink(Long.toString(43125), lockf);

        FilesystemLock lock = new FilesystemLock(lockf, sys);
        IOException exc = assertThrows(IOException.class, lock::lock);
        assertSame(error, exc);
        assertFalse(lock.locked());
    }

    /**
     * If kill raises an exception other than OSError with errno set to ESRCH
     * (ProcessLookupError), the exception is passed up to the caller of FilesystemLock.lock.
     */
    @Test
    public void test_killError() throws IOException {
        IOException error = osError("EPERM");
        Lockfile.Syscalls sys = new Lockfile.Syscalls() {
            @Override
            public void kill(long pid, int signal) throws IOException {
                throw error;
            }
        };

        String lockf = mktemp();

        // Make it appear locked so it has to use readlink
        Lockfile.symlink(Long.toString(43125), lockf);

        FilesystemLock lock = new FilesystemLock(lockf, sys);
        IOException exc = assertThrows(IOException.class, lock::lock);
        assertSame(error, exc);
        assertFalse(lock.locked());
    }

    /**
     * FilesystemLock.unlock raises ValueError (IllegalStateException) if called for a lock which
     * is held by a different process.
     */
    @Test
    public void test_unlockOther() throws IOException {
        String lockf = mktemp();
        Lockfile.symlink(Long.toString(ProcessHandle.current().pid() + 1), lockf);
        FilesystemLock lock = new FilesystemLock(lockf);
        assertThrows(IllegalStateException.class, lock::unlock);
    }

    /**
     * isLocked returns true if the named lock is currently locked, false otherwise.
     */
    @Test
    public void test_isLocked() throws IOException {
        String lockf = mktemp();
        assertFalse(Lockfile.isLocked(lockf));
        FilesystemLock lock = new FilesystemLock(lockf);
        assertTrue(lock.lock());
        assertTrue(Lockfile.isLocked(lockf));
        lock.unlock();
        assertFalse(Lockfile.isLocked(lockf));
    }
}
