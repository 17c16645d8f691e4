package dev.twj.internet.task;

/**
 * The operation could not be completed because the scheduler or one of its tasks was in an
 * invalid state. Not raised directly: the superclass of the scheduler-state errors.
 *
 * <p>Port of {@code twisted.internet.task.SchedulerError}.
 */
public class SchedulerError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message, as Twisted raises it. */
    public SchedulerError() {
        super();
    }

    /** Creates the error with {@code message}. */
    public SchedulerError(String message) {
        super(message);
    }
}
