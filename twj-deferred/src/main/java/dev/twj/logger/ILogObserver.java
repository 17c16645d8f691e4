package dev.twj.logger;

import java.util.Map;

/**
 * Receives log events. Port of {@code twisted.logger.ILogObserver}: an observer is called with
 * each event, a map of field names to values with Twisted's {@code log_*} keys
 * ({@code log_format}, {@code log_level}, {@code log_namespace}, {@code log_source},
 * {@code log_time}, {@code log_failure}).
 *
 * <p>An observer must not throw; one that does is removed from its publisher and the error is
 * logged, as in Twisted.
 */
@FunctionalInterface
public interface ILogObserver {
    /** Receives {@code event}. */
    void accept(Map<String, Object> event);
}
