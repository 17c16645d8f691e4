package dev.twj.internet.defer;

import dev.twj.python.failure.Failure;
import dev.twj.python.lockfile.FilesystemLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * A {@link FilesystemLock} that allows for a {@link Deferred} to be fired when the lock is
 * acquired: {@link #deferUntilLocked} tries to lock every second, on a clock, until it succeeds
 * or times out.
 *
 * <p>Port of {@code twisted.internet.defer.DeferredFilesystemLock}. Where Java differs: the
 * scheduler (Twisted's {@code _scheduler}, which defaults to the global reactor) is required,
 * since twj-deferred has no reactor; pass the reactor, or any {@link IClock}. Errors from the
 * filesystem, which Twisted raises as {@code OSError}, are thrown as
 * {@link UncheckedIOException}: out of {@code deferUntilLocked} for the first attempt, out of the
 * clock's call for a retry (leaving the Deferred unfired, as in Twisted), and out of
 * {@link Deferred#cancel}.
 *
 * <h2>Contract</h2>
 * <p>Not thread-safe: use it on the clock's thread. {@code deferUntilLocked} is not safe for
 * concurrent use: a second call while the first is still trying fails with
 * {@link AlreadyTryingToLockError}. Cancelling the Deferred stops trying; if the lock can be had
 * at that moment it is taken and the Deferred succeeds anyway, otherwise it fails with
 * {@link CancelledError}.
 */
public final class DeferredFilesystemLock extends FilesystemLock {
    /** The retry interval, in seconds on the scheduler: Twisted's {@code _interval}. */
    double interval = 1;

    private final IClock scheduler;
    private ITimedCall tryLockCall;
    private ITimedCall timeoutCall;

    /**
     * Creates a lock, not yet acquired.
     *
     * @param name the name of the lock to acquire
     * @param scheduler the clock that schedules retries and timeouts, usually the reactor
     */
    public DeferredFilesystemLock(String name, IClock scheduler) {
        super(name);
        if (scheduler == null) {
            throw new NullPointerException("scheduler == null");
        }
        this.scheduler = scheduler;
    }

    /** Returns the clock that schedules retries and timeouts: Twisted's {@code _scheduler}. */
    public IClock scheduler() {
        return scheduler;
    }

    /** The call that will next try to lock, while {@link #deferUntilLocked} is trying. */
    ITimedCall tryLockCall() {
        return tryLockCall;
    }

    /** The call that will time out {@link #deferUntilLocked}, if it was given a timeout. */
    ITimedCall timeoutCall() {
        return timeoutCall;
    }

    /**
     * Waits, with no time limit, until this lock is acquired. This method is not safe for
     * concurrent use.
     *
     * @return a Deferred that fires with null when the lock is acquired, or fails with an
     *     {@link AlreadyTryingToLockError} if {@code deferUntilLocked} has already been called
     *     and has not yet locked the file
     * @throws UncheckedIOException if the first attempt to lock fails with an I/O error
     */
    public Deferred<Void> deferUntilLocked() {
        return deferUntilLocked(false, 0);
    }

    /**
     * Waits until this lock is acquired, for at most {@code timeout} seconds. This method is not
     * safe for concurrent use.
     *
     * @param timeout the number of seconds after which to time out if the lock has not been
     *     acquired
     * @return a Deferred that fires with null when the lock is acquired, or fails with a
     *     {@link TimeoutError} after timing out or an {@link AlreadyTryingToLockError} if
     *     {@code deferUntilLocked} has already been called and has not yet locked the file
     * @throws UncheckedIOException if the first attempt to lock fails with an I/O error
     */
    public Deferred<Void> deferUntilLocked(double timeout) {
        return deferUntilLocked(true, timeout);
    }

    private Deferred<Void> deferUntilLocked(boolean hasTimeout, double timeout) {
        if (tryLockCall != null) {
            return Defer.fail(new AlreadyTryingToLockError(
                    "deferUntilLocked isn't safe for concurrent use."));
        }
        Deferred<Void> d = new Deferred<>(
                deferred -> cancelLock(deferred, new Failure(new CancelledError())));
        tryLock(d, hasTimeout, timeout);
        return d;
    }

    /** Cancels a {@link #deferUntilLocked} call, for {@code reason}, unless the lock can be had. */
    private void cancelLock(Deferred<Void> d, Failure reason) {
        assert tryLockCall != null;
        tryLockCall.cancel();
        tryLockCall = null;
        if (timeoutCall != null && timeoutCall.active()) {
            timeoutCall.cancel();
            timeoutCall = null;
        }
        if (lockUnchecked()) {
            d.callback(null);
        } else {
            d.errback(reason);
        }
    }

    private void tryLock(Deferred<Void> d, boolean hasTimeout, double timeout) {
        if (lockUnchecked()) {
            if (timeoutCall != null) {
                timeoutCall.cancel();
                timeoutCall = null;
            }
            tryLockCall = null;
            d.callback(null);
        } else {
            if (hasTimeout && timeoutCall == null) {
                Failure reason = new Failure(new TimeoutError(String.format(
                        Locale.ROOT, "Timed out acquiring lock: %s after %fs", name(), timeout)));
                timeoutCall = scheduler.callLater(timeout, () -> cancelLock(d, reason));
            }
            tryLockCall = scheduler.callLater(interval, () -> tryLock(d, hasTimeout, timeout));
        }
    }

    private boolean lockUnchecked() {
        try {
            return lock();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
