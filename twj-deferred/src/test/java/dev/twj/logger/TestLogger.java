package dev.twj.logger;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Logger} that keeps track of the event it emitted last: Java's form of
 * {@code twisted.logger.test.test_logger.TestLogger}. Twisted overrides {@code emit}; Java's
 * Logger is final, so this records events as the logger's observer and forwards them to
 * {@code target} (the global publisher unless another is given).
 */
final class TestLogger implements ILogObserver {
    final Logger logger;
    private final ILogObserver target;
    /** The last event emitted, or null. */
    Map<String, Object> event;
    /** {@code level}, {@code format} and {@code kwargs} of the last emit, as Twisted records them. */
    Map<String, Object> emitted;

    TestLogger() {
        this(LoggerTests.class.getName(), null);
    }

    TestLogger(String namespace, ILogObserver target) {
        this.target = target != null ? target : Global.globalLogPublisher();
        this.logger = new Logger(namespace, null, this);
    }

    @Override
    public void accept(Map<String, Object> event) {
        this.event = event;
        Map<String, Object> emitted = new HashMap<>();
        emitted.put("level", event.get("log_level"));
        emitted.put("format", event.get("log_format"));
        emitted.put("kwargs", event);
        this.emitted = emitted;
        target.accept(event);
    }
}
