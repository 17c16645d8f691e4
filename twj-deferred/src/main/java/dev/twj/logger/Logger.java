package dev.twj.logger;

import dev.twj.python.failure.Failure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Emits structured log events to an observer. Port of {@code twisted.logger.Logger}.
 *
 * <pre>{@code
 * private static final Logger LOG = new Logger();          // namespace: this class's name
 * ...
 * LOG.info("Received {count} lines from {peer}", "count", n, "peer", transport.getPeer());
 * }</pre>
 *
 * <p>The format is not rendered when the event is emitted: observers receive the event as a map
 * and render it with {@link Format#formatEvent} if they want text. Fields are given as alternating
 * names and values, Java's form of Python's keyword arguments. Each event carries Twisted's keys:
 * {@code log_logger}, {@code log_level}, {@code log_namespace}, {@code log_source},
 * {@code log_format} and {@code log_time} (seconds since the epoch, a {@code Double}), which
 * replace fields of the same names; {@link #failure} adds {@code log_failure}. An event holding a
 * {@code log_trace} list records each {@code (logger or publisher, observer)} hop as a
 * {@link Map.Entry}.
 *
 * <p>Events go to the {@link Global#globalLogPublisher()} unless another observer is given.
 *
 * <p>Where Java differs: Twisted's {@code Logger} is a descriptor that, read from an instance,
 * becomes a logger whose namespace is the class's and whose source is the instance; in Java call
 * {@link #bind(Object)}. The namespace of {@link #Logger()} is the calling class's name (Twisted
 * uses the calling module's). {@link #failure} needs the failure: there is no current exception.
 * The only invalid level is {@code null}. Contract: a Logger is immutable and may be used from
 * any thread; observers run on the emitting thread.
 */
public final class Logger {
    private static final StackWalker WALKER =
            StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final String namespace;
    private final Object source;
    private final ILogObserver observer;

    /** Creates a logger whose namespace is the name of the class calling this constructor. */
    public Logger() {
        this(callerNamespace(), null, null);
    }

    /** Creates a logger for {@code namespace}, emitting to the global publisher. */
    public Logger(String namespace) {
        this(namespace, null, null);
    }

    /** Creates a logger whose namespace is {@code type}'s name, emitting to the global publisher. */
    public Logger(Class<?> type) {
        this(type.getName(), null, null);
    }

    /**
     * Creates a logger for {@code namespace} and {@code source} (the object emitting, or null),
     * emitting to {@code observer} (null for the global publisher).
     *
     * @param namespace a dotted name; null for the calling class's name
     */
    public Logger(String namespace, Object source, ILogObserver observer) {
        this.namespace = namespace != null ? namespace : callerNamespace();
        this.source = source;
        this.observer = observer != null ? observer : Global.globalLogPublisher();
    }

    private static String callerNamespace() {
        try {
            return WALKER.walk(frames -> frames
                    .map(StackWalker.StackFrame::getDeclaringClass)
                    .filter(c -> c != Logger.class)
                    .findFirst()
                    .map(Class::getName)
                    .orElse("<unknown>"));
        } catch (RuntimeException e) {
            return "<unknown>";
        }
    }

    /**
     * Returns a logger for {@code instance}: its namespace is the name of {@code instance}'s class
     * (or of {@code instance} itself if it is a {@link Class}), its source is {@code instance},
     * and it emits to this logger's observer. Java's form of Twisted's {@code Logger.__get__},
     * which does this when a {@code Logger} class attribute is read:
     *
     * <pre>{@code
     * private static final Logger LOG = new Logger();
     * private final Logger log = LOG.bind(this);   // log_source is this object
     * }</pre>
     */
    public Logger bind(Object instance) {
        Objects.requireNonNull(instance, "instance == null");
        Class<?> owner = instance instanceof Class<?> c ? c : instance.getClass();
        return new Logger(owner.getName(), instance, observer);
    }

    /** The namespace of the events this logger emits. */
    public String namespace() {
        return namespace;
    }

    /** The source of the events this logger emits (the object emitting them), or null. */
    public Object source() {
        return source;
    }

    /** The observer this logger sends events to. */
    public ILogObserver observer() {
        return observer;
    }

    /**
     * Emits a log event to the observer at {@code level}, with {@code format} (a PEP 3101 format
     * string rendered with the event's fields; may be null) and fields given as alternating names
     * and values. Values mutated later may give observers that work later different results.
     *
     * <p>A null {@code level} is not emitted; instead a failure with an
     * {@link InvalidLogLevelError} is, as Twisted does for an unknown level.
     *
     * @throws IllegalArgumentException if {@code keysAndValues} has an odd length or a name that
     *     is not a String
     */
    public void emit(LogLevel level, String format, Object... keysAndValues) {
        Map<String, Object> event = fields(keysAndValues);
        if (level == null) {
            failure("Got invalid log level {invalidLevel!r} in {logger}.emit().",
                    new Failure(new InvalidLogLevelError(null)), "invalidLevel", null, "logger", this);
            return;
        }
        emitEvent(level, format, event);
    }

    private void emitEvent(LogLevel level, String format, Map<String, Object> event) {
        event.put("log_logger", this);
        event.put("log_level", level);
        event.put("log_namespace", namespace);
        event.put("log_source", source);
        event.put("log_format", format);
        event.put("log_time", System.currentTimeMillis() / 1000.0);
        if (event.get("log_trace") instanceof List<?> trace) {
            addTrace(trace, this, observer);
        }
        observer.accept(event);
    }

    @SuppressWarnings("unchecked")
    static void addTrace(List<?> trace, Object from, ILogObserver to) {
        ((List<Object>) trace).add(Map.entry(from, to));
    }

    /**
     * Logs a failure and its traceback at {@link LogLevel#critical}: the event carries it as
     * {@code log_failure}.
     *
     * <pre>{@code
     * d.addErrback(f -> { log.failure("While frobbing {knob}", f, "knob", knob); return null; });
     * }</pre>
     *
     * <p>This is meant for unexpected exceptions; an exception that is caught and handled should
     * be logged, if at all, with {@link #error}. Critical is the default level since no corrective
     * guidance can be offered and the impact of the condition is unknown.
     */
    public void failure(String format, Failure failure, Object... keysAndValues) {
        failure(format, failure, LogLevel.critical, keysAndValues);
    }

    /** Logs a failure at {@code level}; see {@link #failure(String, Failure, Object...)}. */
    public void failure(String format, Failure failure, LogLevel level, Object... keysAndValues) {
        Objects.requireNonNull(failure, "failure == null (there is no current exception in Java)");
        Map<String, Object> event = fields(keysAndValues);
        event.put("log_failure", failure);
        if (level == null) {
            failure("Got invalid log level {invalidLevel!r} in {logger}.emit().",
                    new Failure(new InvalidLogLevelError(null)), "invalidLevel", null, "logger", this);
            return;
        }
        emitEvent(level, format, event);
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
     * Code run by {@link FailuresHandled#run} or {@link FailureHandler#run}; it may throw anything.
     */
    @FunctionalInterface
    public interface Block {
        /** Runs the code. */
        void run() throws Throwable;
    }

    /**
     * Returns a one-shot handler that runs application code, logging a failure (at
     * {@link LogLevel#critical}) if it throws, and continuing on:
     *
     * <pre>{@code
     * Operation op = log.failuresHandled("While frobbing {knob}:", "knob", knob).run(() -> frob(knob));
     * if (op.succeeded()) {
     *     log.info("frobbed {knob} successfully", "knob", knob);
     * }
     * }</pre>
     *
     * <p>Java's form of Twisted's {@code with log.failuresHandled(...) as op:} context manager.
     * Like Twisted's, it catches everything the code throws ({@code BaseException});
     * {@link VirtualMachineError}s still propagate.
     */
    public FailuresHandled failuresHandled(String format, Object... keysAndValues) {
        return failuresHandled(format, LogLevel.critical, keysAndValues);
    }

    /** Like {@link #failuresHandled(String, Object...)}, logging at {@code level}. */
    public FailuresHandled failuresHandled(String format, LogLevel level, Object... keysAndValues) {
        fields(keysAndValues);
        return new FailuresHandled(f -> failure(format, f, level, keysAndValues));
    }

    /**
     * Returns a handler, to be shared by many calls, that runs code and logs {@code staticMessage}
     * with a failure (at {@link LogLevel#critical}) if the code throws, then continues. For
     * performance-sensitive framework code that calls application code often:
     *
     * <pre>{@code
     * private static final FailureHandler IGNORING_FROB_ERRORS = LOG.failureHandler("while frobbing:");
     * void hotLoop() { IGNORING_FROB_ERRORS.run(() -> frob()); }
     * }</pre>
     */
    public FailureHandler failureHandler(String staticMessage) {
        return failureHandler(staticMessage, LogLevel.critical);
    }

    /** Like {@link #failureHandler(String)}, logging at {@code level}. */
    public FailureHandler failureHandler(String staticMessage, LogLevel level) {
        return new FailureHandler(f -> failure(staticMessage, f, level));
    }

    /**
     * The handler {@link #failuresHandled} returns: runs code once and is then the
     * {@link Operation} telling whether it succeeded.
     */
    public static final class FailuresHandled implements Operation {
        private final java.util.function.Consumer<Failure> fail;
        private volatile boolean succeeded;
        private volatile Failure failure;
        private boolean ran;

        FailuresHandled(java.util.function.Consumer<Failure> fail) {
            this.fail = fail;
        }

        /**
         * Runs {@code code}; if it throws, logs the failure and returns normally.
         *
         * @return this, as the operation's outcome
         * @throws IllegalStateException if this handler has already run code
         */
        public Operation run(Block code) {
            synchronized (this) {
                if (ran) {
                    throw new IllegalStateException("failuresHandled(...) runs code only once");
                }
                ran = true;
            }
            try {
                code.run();
                succeeded = true;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                Failure f = new Failure(e);
                failure = f;
                fail.accept(f);
            }
            return this;
        }

        @Override
        public boolean succeeded() {
            return succeeded;
        }

        @Override
        public Failure failure() {
            return failure;
        }

        @Override
        public boolean failed() {
            return failure != null;
        }
    }

    /** The reusable handler {@link #failureHandler} returns. */
    public static final class FailureHandler {
        private final java.util.function.Consumer<Failure> fail;

        FailureHandler(java.util.function.Consumer<Failure> fail) {
            this.fail = fail;
        }

        /** Runs {@code code}; if it throws, logs the failure and returns normally. */
        public void run(Block code) {
            try {
                code.run();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                fail.accept(new Failure(e));
            }
        }
    }

    private static Map<String, Object> fields(Object[] keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "keysAndValues must alternate names and values; length " + keysAndValues.length
                            + " is odd");
        }
        Map<String, Object> event = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException(
                        "field name at " + i + " is not a String: " + keysAndValues[i]);
            }
            event.put(key, keysAndValues[i + 1]);
        }
        return event;
    }

    /** Returns {@code <Logger 'namespace'>}, as Twisted's repr. */
    @Override
    public String toString() {
        return "<Logger " + Format.repr(namespace) + ">";
    }
}
