package dev.twj.internet.interfaces;

/**
 * Gives context information that is useful for logging. Port of
 * {@code twisted.internet.interfaces.ILoggingContext}.
 */
public interface ILoggingContext {
    /** Returns a short string to prefix the log messages about this object with. */
    String logPrefix();
}
