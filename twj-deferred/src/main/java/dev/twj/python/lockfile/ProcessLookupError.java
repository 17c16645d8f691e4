package dev.twj.python.lockfile;

import java.io.IOException;

/**
 * Thrown by {@link Lockfile#kill} when no process has the given pid: Python's
 * {@code ProcessLookupError}, the {@code OSError} with {@code errno} {@code ESRCH}.
 */
public class ProcessLookupError extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the error for {@code pid}. */
    public ProcessLookupError(long pid) {
        super("No such process: " + pid);
    }
}
