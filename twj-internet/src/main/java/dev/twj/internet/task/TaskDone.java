package dev.twj.internet.task;

/**
 * The operation could not complete because the task was already completed.
 *
 * <p>Port of {@code twisted.internet.task.TaskDone}.
 */
public class TaskDone extends TaskFinished {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message, as Twisted raises it. */
    public TaskDone() {
        super();
    }

    /** Creates the error with {@code message}. */
    public TaskDone(String message) {
        super(message);
    }
}
