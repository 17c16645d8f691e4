package dev.twj.python.lockfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The module functions of {@code twisted.python.lockfile}: the file operations
 * {@link FilesystemLock} is made of, and {@link #isLocked}.
 *
 * <p>Where Java differs from Python: errors are {@link IOException}s rather than {@code OSError}s
 * with an {@code errno}: {@code EEXIST} is {@link java.nio.file.FileAlreadyExistsException},
 * {@code ENOENT} is {@link java.nio.file.NoSuchFileException} and {@code ESRCH} is
 * {@link ProcessLookupError}. Twisted's Windows emulation of symbolic links (a directory holding a
 * file) is not ported: on Windows, creating symbolic links needs the privilege (or developer
 * mode) that {@link Files#createSymbolicLink} needs.
 */
public final class Lockfile {
    private Lockfile() {}

    /**
     * Creates a symbolic link named {@code filename} whose target is {@code value}, atomically.
     * The target need not exist.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code filename} already exists
     * @throws IOException any other error from {@link Files#createSymbolicLink}
     */
    public static void symlink(String value, String filename) throws IOException {
        Files.createSymbolicLink(Path.of(filename), Path.of(value));
    }

    /**
     * Returns the target of the symbolic link {@code filename}.
     *
     * @throws java.nio.file.NoSuchFileException if {@code filename} does not exist
     * @throws IOException any other error from {@link Files#readSymbolicLink}
     */
    public static String readlink(String filename) throws IOException {
        return Files.readSymbolicLink(Path.of(filename)).toString();
    }

    /**
     * Removes the symbolic link {@code filename}.
     *
     * @throws java.nio.file.NoSuchFileException if {@code filename} does not exist
     * @throws IOException any other error from {@link Files#delete}
     */
    public static void rmlink(String filename) throws IOException {
        Files.delete(Path.of(filename));
    }

    /**
     * Checks that a process with {@code pid} exists: {@code os.kill(pid, 0)}, the only use
     * lockfile makes of {@code kill}. It uses {@link ProcessHandle#of}, so, unlike {@code kill},
     * it succeeds for a live process owned by another user (where {@code kill} fails with
     * {@code EPERM}).
     *
     * @param signal must be 0: sending signals is not supported
     * @throws ProcessLookupError if no process has {@code pid}
     * @throws IllegalArgumentException if {@code signal} is not 0
     */
    public static void kill(long pid, int signal) throws IOException {
        if (signal != 0) {
            throw new IllegalArgumentException(
                    "signal != 0: " + signal + "; only signal 0 (does the process exist?) is supported");
        }
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new ProcessLookupError(pid);
        }
    }

    /**
     * Determines whether the lock of the given name is held, by trying to acquire it (and
     * releasing it again if that worked).
     *
     * @param name the filesystem path to the lock to test
     * @return true if the lock is held, false otherwise
     * @throws IOException what {@link FilesystemLock#lock} or {@link FilesystemLock#unlock} throws
     */
    public static boolean isLocked(String name) throws IOException {
        FilesystemLock l = new FilesystemLock(name);
        boolean result = false;
        try {
            result = l.lock();
        } finally {
            if (result) {
                l.unlock();
            }
        }
        return !result;
    }

    /**
     * The operations {@link FilesystemLock} calls: the module functions above by default. Tests
     * replace some of them, as Twisted's tests patch the module's globals.
     */
    interface Syscalls {
        /** The real operations. */
        Syscalls REAL = new Syscalls() {};

        default void symlink(String value, String filename) throws IOException {
            Lockfile.symlink(value, filename);
        }

        default String readlink(String filename) throws IOException {
            return Lockfile.readlink(filename);
        }

        default void rmlink(String filename) throws IOException {
            Lockfile.rmlink(filename);
        }

        default void kill(long pid, int signal) throws IOException {
            Lockfile.kill(pid, signal);
        }
    }
}
