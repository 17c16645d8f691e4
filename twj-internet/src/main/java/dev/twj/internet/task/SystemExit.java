package dev.twj.internet.task;

/**
 * Asks for the process to exit with {@link #code()}: Python's {@code SystemExit}, as
 * {@link Task#react} understands it. A {@code main} whose Deferred fails with it makes
 * {@code react} exit with its code instead of logging an error and exiting with 1.
 */
public class SystemExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    /** Asks to exit with {@code code}. */
    public SystemExit(int code) {
        super("exit code " + code);
        this.code = code;
    }

    /** The exit code. */
    public int code() {
        return code;
    }
}
