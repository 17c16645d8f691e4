package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import dev.twj.python.lockfile.FilesystemLock;
import dev.twj.python.lockfile.Lockfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java-only tests of DeferredFilesystemLock. */
class DeferredFilesystemLockBehaviourTests {
    @TempDir
    Path tempDir;

    private final FakeClock clock = new FakeClock();

    private String lockName() {
        return tempDir.resolve("lock").toString();
    }

    @Test
    public void theTimeoutErrorNamesTheLockAndTheTimeout() throws IOException {
        DeferredFilesystemLock lock = new DeferredFilesystemLock(lockName(), clock);
        assertTrue(lock.lock());
        Deferred<Void> d = lock.deferUntilLocked(5.5);
        clock.advance(5);
        assertNoResult(d);
        clock.advance(0.5);
        Failure f = failureResultOf(d, TimeoutError.class);
        assertEquals("Timed out acquiring lock: " + lockName() + " after 5.500000s", f.getErrorMessage());
        assertNull(lock.tryLockCall());
        assertEquals(0, clock.getDelayedCalls().size());
    }

    @Test
    public void waitsForAnotherHolderAndRetriesEverySecond() throws IOException {
        FilesystemLock other = new FilesystemLock(lockName());
        assertTrue(other.lock());
        DeferredFilesystemLock lock = new DeferredFilesystemLock(lockName(), clock);
        Deferred<Void> d = lock.deferUntilLocked();
        assertEquals(1.0, clock.getDelayedCalls().get(0).getTime());
        clock.advance(1);
        clock.advance(1);
        assertNoResult(d);
        other.unlock();
        clock.advance(0.5);
        assertNoResult(d);
        clock.advance(0.5);
        assertNull(successResultOf(d));
        assertTrue(lock.locked());
        assertTrue(lock.clean());
        assertEquals(0, clock.getDelayedCalls().size());
    }

    @Test
    public void breaksAStaleLockAtOnce() throws IOException {
        // Hopefully there is no process with PID 2 ** 31 - 1.
        Lockfile.symlink(Long.toString((1L << 31) - 1), lockName());
        DeferredFilesystemLock lock = new DeferredFilesystemLock(lockName(), clock);
        assertNull(successResultOf(lock.deferUntilLocked(1)));
        assertFalse(lock.clean());
        assertEquals(0, clock.getDelayedCalls().size());
    }

    @Test
    public void cancellingWhenTheLockIsFreeTakesIt() throws IOException {
        DeferredFilesystemLock lock = new DeferredFilesystemLock(lockName(), clock);
        assertTrue(lock.lock());
        Deferred<Void> d = lock.deferUntilLocked(10);
        lock.unlock();
        d.cancel();
        assertNull(successResultOf(d));
        assertTrue(lock.locked());
        assertEquals(0, clock.getDelayedCalls().size());
    }

    @Test
    public void aFilesystemErrorOnTheFirstAttemptIsThrown() throws IOException {
        Path dir = tempDir.resolve("missing-dir");
        DeferredFilesystemLock lock = new DeferredFilesystemLock(dir.resolve("lock").toString(), clock);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, lock::deferUntilLocked);
        assertFalse(Files.exists(dir));
        assertTrue(e.getCause() instanceof IOException);
        assertNull(lock.tryLockCall());
    }

    @Test
    public void theSchedulerIsRequired() {
        assertThrows(NullPointerException.class, () -> new DeferredFilesystemLock(lockName(), null));
        assertSame(clock, new DeferredFilesystemLock(lockName(), clock).scheduler());
    }
}
