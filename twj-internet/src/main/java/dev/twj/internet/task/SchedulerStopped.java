package dev.twj.internet.task;

/**
 * The operation could not complete because the scheduler was stopped in progress or was
 * already stopped.
 *
 * <p>Port of {@code twisted.internet.task.SchedulerStopped}.
 */
public class SchedulerStopped extends SchedulerError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message, as Twisted raises it. */
    public SchedulerStopped() {
        super();
    }

    /** Creates the error with {@code message}. */
    public SchedulerStopped(String message) {
        super(message);
    }
}
