package dev.twj.logger;

/**
 * How severe a log event is. Port of {@code twisted.logger.LogLevel}; the constants keep
 * Twisted's lower-case names so that {@code LogLevel.warn} reads as it does in Python.
 */
@SuppressWarnings("checkstyle:ConstantName")
public enum LogLevel {
    /** Information useful to developers of the emitting code. */
    debug,
    /** Informational messages about normal operation. */
    info,
    /** Something unexpected, but not an error. */
    warn,
    /** An error that the system may recover from. */
    error,
    /** An error that is likely to leave the system unable to continue. */
    critical;

    /**
     * Returns the level named {@code name} ({@code "debug"}, {@code "info"}, {@code "warn"},
     * {@code "error"} or {@code "critical"}).
     *
     * @throws InvalidLogLevelError if {@code name} names no level
     */
    public static LogLevel levelWithName(String name) {
        for (LogLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        throw new InvalidLogLevelError(name);
    }

    /** Maps this level to the {@link System.Logger.Level} the default observer writes at. */
    System.Logger.Level toSystemLevel() {
        return switch (this) {
            case debug -> System.Logger.Level.DEBUG;
            case info -> System.Logger.Level.INFO;
            case warn -> System.Logger.Level.WARNING;
            case error, critical -> System.Logger.Level.ERROR;
        };
    }
}
