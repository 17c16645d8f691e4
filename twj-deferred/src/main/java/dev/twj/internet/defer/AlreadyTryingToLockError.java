package dev.twj.internet.defer;

/**
 * Raised when {@link DeferredFilesystemLock#deferUntilLocked} is called twice on a single
 * {@link DeferredFilesystemLock} (the second call's Deferred fails with it).
 *
 * <p>Port of {@code twisted.internet.defer.AlreadyTryingToLockError}.
 */
public class AlreadyTryingToLockError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public AlreadyTryingToLockError() {
        super();
    }

    /** Creates the error with {@code message}. */
    public AlreadyTryingToLockError(String message) {
        super(message);
    }
}
