package dev.twj.internet.task;

/**
 * The operation could not complete because the task was already completed, stopped,
 * encountered an error or otherwise permanently stopped running.
 *
 * <p>Port of {@code twisted.internet.task.TaskFinished}.
 */
public class TaskFinished extends SchedulerError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message, as Twisted raises it. */
    public TaskFinished() {
        super();
    }

    /** Creates the error with {@code message}. */
    public TaskFinished(String message) {
        super(message);
    }
}
