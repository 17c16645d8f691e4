package dev.twj.python.lockfile;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/**
 * A mutex between processes, held through the filesystem.
 *
 * <p>This relies on the filesystem property that creating a symbolic link is an atomic operation
 * and that it fails if the link already exists. The lock is a symbolic link named {@link #name}
 * whose target is the pid of the process holding it (a target that need not exist); deleting the
 * link releases the lock. A lock left behind by a process that no longer exists is stale: the
 * next {@link #lock} breaks it and reports {@link #clean} false.
 *
 * <p>Port of {@code twisted.python.lockfile.FilesystemLock}. Where Java differs: errors are
 * {@link IOException}s (see {@link Lockfile}); whether the owner is alive is asked of
 * {@link ProcessHandle#of}, so a lock held by a live process of another user is reported as held
 * where Twisted's {@code kill(pid, 0)} raises {@code EPERM}; and Twisted's Windows emulation of
 * symbolic links is not ported. Not final because {@code DeferredFilesystemLock} extends it, as
 * in Twisted.
 *
 * <h2>Contract</h2>
 * <p>One FilesystemLock object is not thread-safe; use it from one thread. Between processes (or
 * between objects with the same {@link #name}), the lock is exclusive. It is not re-entrant: a
 * second {@link #lock} of a lock this process holds returns false.
 */
public class FilesystemLock {
    private final String name;
    private final Lockfile.Syscalls sys;
    private boolean clean;
    private boolean locked;

    /**
     * Creates a lock, not yet acquired, for the filesystem path {@code name}.
     *
     * @param name the name (path) of the symbolic link associated with this lock
     */
    public FilesystemLock(String name) {
        this(name, Lockfile.Syscalls.REAL);
    }

    /** Creates a lock that makes its file operations through {@code sys}: for tests. */
    FilesystemLock(String name, Lockfile.Syscalls sys) {
        if (name == null) {
            throw new NullPointerException("name == null");
        }
        this.name = name;
        this.sys = sys;
    }

    /** Returns the name (path) of the symbolic link associated with this lock. */
    public final String name() {
        return name;
    }

    /**
     * Returns whether this lock was released cleanly by its last owner. Only meaningful after
     * {@link #lock} has been called and returned true; false before that (Twisted's {@code None}).
     */
    public final boolean clean() {
        return clean;
    }

    /** Returns whether the lock is currently held by this object. */
    public final boolean locked() {
        return locked;
    }

    /**
     * Acquires this lock, if no live process holds it.
     *
     * <p>If the link exists but the process it names no longer does, the stale link is removed
     * and the lock acquired, with {@link #clean} false.
     *
     * @return true if the lock is acquired, false otherwise
     * @throws IOException any error creating the link other than its already existing, or any
     *     error reading or removing an existing link other than its having vanished meanwhile
     * @throws NumberFormatException if an existing link's target is not a pid
     */
    public final boolean lock() throws IOException {
        boolean clean = true;
        while (true) {
            try {
                sys.symlink(Long.toString(ProcessHandle.current().pid()), name);
            } catch (FileAlreadyExistsException e) {
                String pid;
                try {
                    pid = sys.readlink(name);
                } catch (NoSuchFileException vanished) {
                    // The lock has vanished, try to claim it in the next iteration through the
                    // loop.
                    continue;
                }
                try {
                    sys.kill(Long.parseLong(pid), 0);
                } catch (ProcessLookupError ownerGone) {
                    // The owner has vanished, try to claim it in the next iteration through the
                    // loop.
                    try {
                        sys.rmlink(name);
                    } catch (NoSuchFileException cleanedUp) {
                        // Another process cleaned up the lock. Race them to acquire it in the
                        // next iteration through the loop.
                        continue;
                    }
                    clean = false;
                    continue;
                }
                return false;
            }
            this.locked = true;
            this.clean = clean;
            return true;
        }
    }

    /**
     * Releases this lock, by deleting the symbolic link.
     *
     * @throws IOException any error reading or removing the link
     * @throws IllegalStateException if the lock is not owned by this process (Twisted's
     *     {@code ValueError})
     */
    public final void unlock() throws IOException {
        String pid = sys.readlink(name);
        if (Long.parseLong(pid) != ProcessHandle.current().pid()) {
            throw new IllegalStateException("Lock '" + name + "' not owned by this process");
        }
        sys.rmlink(name);
        this.locked = false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + name + (locked ? ", locked" : "") + "}";
    }
}
