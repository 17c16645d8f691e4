package dev.twj.logger;

/**
 * Someone tried to use a {@link LogLevel} that is unknown to the logging system. Port of
 * {@code twisted.logger.InvalidLogLevelError}; in Java the unknown levels are {@code null} and
 * names that {@link LogLevel#levelWithName} does not know.
 */
public final class InvalidLogLevelError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Object level;

    /** Creates the error for {@code level}, a level or level name that is not valid. */
    public InvalidLogLevelError(Object level) {
        super(String.valueOf(level));
        this.level = level;
    }

    /** The level, or level name, that is not valid. */
    public Object level() {
        return level;
    }
}
