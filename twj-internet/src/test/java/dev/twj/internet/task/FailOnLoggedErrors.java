package dev.twj.internet.task;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Defer;
import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Format;
import dev.twj.logger.LogLevel;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * trial's rule that a test which logs an error fails: captures the global log publisher during
 * each test, reports unhandled Deferred failures after it ({@link Defer#collectUnhandledErrors}),
 * and fails the test if any event at level error or above, or carrying a failure, was logged.
 */
final class FailOnLoggedErrors implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FailOnLoggedErrors.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("logs", CapturedLogs.capture());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try (CapturedLogs logs = context.getStore(NS).remove("logs", CapturedLogs.class)) {
            Defer.collectUnhandledErrors();
            StringBuilder errors = new StringBuilder();
            for (Map<String, Object> event : logs.events()) {
                Object level = event.get("log_level");
                if (event.containsKey("log_failure") || level == LogLevel.error || level == LogLevel.critical) {
                    errors.append(Format.formatEvent(event)).append('\n');
                }
            }
            if (errors.length() > 0) {
                fail("errors were logged during the test:\n" + errors);
            }
        }
    }
}
