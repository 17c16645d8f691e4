package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Port of {@code twisted.test.test_defer.DeferredFilesystemLockTests}: the behavior of
 * DeferredFilesystemLock.
 *
 * <p>Twisted's tests return their Deferreds for trial to wait on; with a {@link FakeClock} they
 * have fired by the end of each test, so each ends by asserting the result trial would wait for.
 * {@code test_defaultScheduler} is not ported: twj-deferred has no global reactor, so the
 * scheduler is a required argument.
 */
class DeferredFilesystemLockTests {
    @TempDir
    Path tempDir;

    private FakeClock clock;
    private DeferredFilesystemLock lock;

    @BeforeEach
    public void setUp() {
        clock = new FakeClock();
        lock = new DeferredFilesystemLock(mktemp(), clock);
    }

    /** trial's {@code mktemp}: a fresh path that does not exist yet. */
    private String mktemp() {
        return tempDir.resolve("temp").toString();
    }

    /** The clock's {@code pump}: advances by each amount in turn. */
    private void pump(double... timings) {
        for (double amount : timings) {
            clock.advance(amount);
        }
    }

    private static double[] ones(int n) {
        double[] r = new double[n];
        Arrays.fill(r, 1);
        return r;
    }

    private Runnable unlockLater() {
        return () -> {
            try {
                lock.unlock();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Test that the lock can be acquired when no lock is held. */
    @Test
    public void test_waitUntilLockedWithNoLock() {
        Deferred<Void> d = lock.deferUntilLocked(1);
        assertNull(successResultOf(d));
    }

    /**
     * Test that the lock can not be acquired when the lock is held for longer than the timeout.
     */
    @Test
    public void test_waitUntilLockedWithTimeoutLocked() throws IOException {
        assertTrue(lock.lock());

        Deferred<Void> d = lock.deferUntilLocked(5.5);

        pump(ones(10));

        failureResultOf(d, TimeoutError.class);
    }

    /**
     * Test that a lock can be acquired while a lock is held but the lock is unlocked before our
     * timeout.
     */
    @Test
    public void test_waitUntilLockedWithTimeoutUnlocked() throws IOException {
        assertTrue(lock.lock());

        clock.callLater(1, unlockLater());
        Deferred<Void> d = lock.deferUntilLocked(10);
        d.addErrback(f -> {
            f.trap(TimeoutError.class);
            fail("Should not have timed out");
            return null;
        });

        pump(ones(10));

        successResultOf(d);
    }

    /**
     * Test that an appropriate exception is raised when attempting to use deferUntilLocked
     * concurrently.
     */
    @Test
    public void test_concurrentUsage() throws IOException {
        lock.lock();
        clock.callLater(1, unlockLater());

        Deferred<Void> d1 = lock.deferUntilLocked();
        Deferred<Void> d2 = lock.deferUntilLocked();

        failureResultOf(d2, AlreadyTryingToLockError.class);

        clock.advance(1);

        successResultOf(d1);
    }

    /** Test that a DeferredFilesystemLock can be used multiple times. */
    @Test
    public void test_multipleUsages() throws IOException {
        lock.lock();
        clock.callLater(1, unlockLater());

        Deferred<Void> d = lock.deferUntilLocked();
        d.addCallbackDeferred(ign -> {
            lock.unlock();
            return lock.deferUntilLocked();
        });

        clock.advance(1);

        successResultOf(d);
    }

    /**
     * When cancelling a Deferred returned by deferUntilLocked, the tryLockCall is cancelled.
     */
    @Test
    public void test_cancelDeferUntilLocked() throws IOException {
        lock.lock();
        Deferred<Void> deferred = lock.deferUntilLocked();
        ITimedCall tryLockCall = lock.tryLockCall();
        assertNotNull(tryLockCall);
        deferred.cancel();
        assertFalse(tryLockCall.active());
        assertNull(lock.tryLockCall());
        failureResultOf(deferred, CancelledError.class);
    }

    /**
     * When cancel a Deferred returned by deferUntilLocked, if the timeout is set, the timeout call
     * will be cancelled.
     */
    @Test
    public void test_cancelDeferUntilLockedWithTimeout() throws IOException {
        lock.lock();
        Deferred<Void> deferred = lock.deferUntilLocked(1);
        ITimedCall timeoutCall = lock.timeoutCall();
        assertNotNull(timeoutCall);
        deferred.cancel();
        assertFalse(timeoutCall.active());
        assertNull(lock.timeoutCall());
        failureResultOf(deferred, CancelledError.class);
    }
}
