package dev.twj.internet.task;

/**
 * The operation could not complete because the task died with an unhandled error.
 *
 * <p>Port of {@code twisted.internet.task.TaskFailed}.
 */
public class TaskFailed extends TaskFinished {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message, as Twisted raises it. */
    public TaskFailed() {
        super();
    }

    /** Creates the error with {@code message}. */
    public TaskFailed(String message) {
        super(message);
    }
}
