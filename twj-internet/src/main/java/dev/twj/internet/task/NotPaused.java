package dev.twj.internet.task;

/**
 * Raised when a task is resumed which was not previously paused.
 *
 * <p>Port of {@code twisted.internet.task.NotPaused}.
 */
public class NotPaused extends SchedulerError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message, as Twisted raises it. */
    public NotPaused() {
        super();
    }

    /** Creates the error with {@code message}. */
    public NotPaused(String message) {
        super(message);
    }
}
