package dev.twj.internet.task;

/**
 * The operation could not complete because the task was stopped.
 *
 * <p>Port of {@code twisted.internet.task.TaskStopped}.
 */
public class TaskStopped extends TaskFinished {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message, as Twisted raises it. */
    public TaskStopped() {
        super();
    }

    /** Creates the error with {@code message}. */
    public TaskStopped(String message) {
        super(message);
    }
}
