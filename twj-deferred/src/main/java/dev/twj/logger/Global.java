package dev.twj.logger;

import dev.twj.python.failure.Failure;
import java.util.Map;

/**
 * The global log publisher and its default observer. Port of {@code twisted.logger._global}.
 *
 * <p>Every {@link Logger} without an observer of its own emits to {@link #globalLogPublisher()}.
 * At start-up that publisher has one observer, {@link #systemLoggerObserver()}, which writes each
 * event to a {@link System.Logger} named after the event's namespace; so events reach whatever
 * logging the application already routes {@code System.Logger} to (java.util.logging by
 * default, SLF4J or Log4j through their bridges). Remove it to silence twj, or add observers of
 * your own. Events with no text and no failure (no {@code log_format}) are not written, as
 * Twisted's text observers skip them.
 */
public final class Global {
    private static final ILogObserver SYSTEM_LOGGER_OBSERVER = Global::writeToSystemLogger;
    private static final LogPublisher GLOBAL = new LogPublisher(SYSTEM_LOGGER_OBSERVER);

    private Global() {}

    /** Returns the publisher every Logger emits to by default. */
    public static LogPublisher globalLogPublisher() {
        return GLOBAL;
    }

    /** Returns the observer that writes events to {@link System.Logger}; installed at start-up. */
    public static ILogObserver systemLoggerObserver() {
        return SYSTEM_LOGGER_OBSERVER;
    }

    private static void writeToSystemLogger(Map<String, Object> event) {
        Object namespace = event.get("log_namespace");
        System.Logger logger = System.getLogger(namespace == null ? "dev.twj" : namespace.toString());
        LogLevel level = event.get("log_level") instanceof LogLevel l ? l : LogLevel.info;
        System.Logger.Level systemLevel = level.toSystemLevel();
        if (!logger.isLoggable(systemLevel)) {
            return;
        }
        String text = Format.formatEvent(event);
        boolean hasFailure = event.get("log_failure") instanceof Failure;
        if (text.isEmpty() && !hasFailure) {
            return;
        }
        if (event.get("log_failure") instanceof Failure failure) {
            logger.log(systemLevel, text, failure.value());
        } else {
            logger.log(systemLevel, text);
        }
    }
}
