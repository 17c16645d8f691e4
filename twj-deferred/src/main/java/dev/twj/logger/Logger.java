package dev.twj.logger;

import dev.twj.python.failure.Failure;
import java.util.HashMap;
import java.util.Map;

/**
 * Emits structured log events. Port of {@code twisted.logger.Logger}.
 *
 * <pre>{@code
 * private static final Logger log = new Logger(MyProtocol.class);
 * ...
 * log.info("Received {count} lines from {peer}", "count", n, "peer", transport.getPeer());
 * }</pre>
 *
 * <p>The format is not rendered when the event is emitted: observers see the event as a map, and
 * render it with {@link Format#formatEvent} if they want text. Fields are given as alternating
 * names and values, Java's form of Python's keyword arguments.
 *
 * <p>Events go to the {@link Global#globalLogPublisher()} unless another observer is given.
 */
public final class Logger {
    private final String namespace;
    private final Object source;
    private final ILogObserver observer;

    /** Creates a logger for {@code namespace}, emitting to the global publisher. */
    public Logger(String namespace) {
        this(namespace, null, null);
    }

    /** Creates a logger whose namespace is {@code type}'s name, as Twisted derives it from the module. */
    public Logger(Class<?> type) {
        this(type.getName(), null, null);
    }

    /**
     * Creates a logger for {@code namespace} and {@code source} (the object emitting, or null),
     * emitting to {@code observer} (null for the global publisher).
     */
    public Logger(String namespace, Object source, ILogObserver observer) {
        this.namespace = namespace;
        this.source = source;
        this.observer = observer;
    }

    /** The namespace of the events this logger emits. */
    public String namespace() {
        return namespace;
    }

    /** The source of the events this logger emits, or null. */
    public Object source() {
        return source;
    }

    /**
     * Emits an event at {@code level} with {@code format} and fields given as alternating names
     * and values.
     *
     * @throws IllegalArgumentException if {@code keysAndValues} has an odd length or a name that
     *     is not a String
     */
    public void emit(LogLevel level, String format, Object... keysAndValues) {
        Map<String, Object> event = newEvent(namespace, source, level, format);
        putFields(event, keysAndValues);
        event.put("log_logger", this);
        publish(event);
    }

    /** Emits at {@link LogLevel#debug}. */
    public void debug(String format, Object... keysAndValues) {
        emit(LogLevel.debug, format, keysAndValues);
    }

    /** Emits at {@link LogLevel#info}. */
    public void info(String format, Object... keysAndValues) {
        emit(LogLevel.info, format, keysAndValues);
    }

    /** Emits at {@link LogLevel#warn}. */
    public void warn(String format, Object... keysAndValues) {
        emit(LogLevel.warn, format, keysAndValues);
    }

    /** Emits at {@link LogLevel#error}. */
    public void error(String format, Object... keysAndValues) {
        emit(LogLevel.error, format, keysAndValues);
    }

    /** Emits at {@link LogLevel#critical}. */
    public void critical(String format, Object... keysAndValues) {
        emit(LogLevel.critical, format, keysAndValues);
    }

    /**
     * Emits a failure at {@link LogLevel#critical}: the event carries it as {@code log_failure},
     * and observers print its traceback.
     */
    public void failure(String format, Failure failure, Object... keysAndValues) {
        failure(format, failure, LogLevel.critical, keysAndValues);
    }

    /** Emits a failure at {@code level}. */
    public void failure(String format, Failure failure, LogLevel level, Object... keysAndValues) {
        if (failure == null) {
            throw new NullPointerException("failure == null");
        }
        Map<String, Object> event = newEvent(namespace, source, level, format);
        putFields(event, keysAndValues);
        event.put("log_logger", this);
        event.put("log_failure", failure);
        publish(event);
    }

    private void publish(Map<String, Object> event) {
        (observer != null ? observer : Global.globalLogPublisher()).accept(event);
    }

    static Map<String, Object> newEvent(String namespace, Object source, LogLevel level, String format) {
        Map<String, Object> event = new HashMap<>();
        event.put("log_namespace", namespace);
        event.put("log_source", source);
        event.put("log_level", level);
        event.put("log_format", format);
        event.put("log_time", System.currentTimeMillis() / 1000.0);
        return event;
    }

    private static void putFields(Map<String, Object> event, Object[] keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "keysAndValues must alternate names and values; length " + keysAndValues.length
                            + " is odd");
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException(
                        "field name at " + i + " is not a String: " + keysAndValues[i]);
            }
            event.put(key, keysAndValues[i + 1]);
        }
    }

    @Override
    public String toString() {
        return "<Logger '" + namespace + "'>";
    }
}
