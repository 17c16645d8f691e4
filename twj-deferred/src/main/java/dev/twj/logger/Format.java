package dev.twj.logger;

import dev.twj.python.failure.Failure;
import java.util.Map;

/**
 * Renders events as text. Port of {@code twisted.logger._format}.
 */
public final class Format {
    private Format() {}

    /**
     * Renders {@code event}'s {@code log_format} with its fields: {@code {name}} is replaced by the
     * field's value, {@code {{} and {@code }}} stand for braces. A missing field renders as
     * {@code {name}} unchanged... no: as Twisted does, a format that cannot be rendered gives
     * {@code Unable to format event ...} instead of throwing.
     *
     * @return the text, or the empty string if the event has no format
     */
    public static String formatEvent(Map<String, Object> event) {
        Object format = event.get("log_format");
        if (format == null) {
            return "";
        }
        try {
            return formatWithCall(format.toString(), event);
        } catch (RuntimeException e) {
            return formatUnformattableEvent(event, e);
        }
    }

    private static String formatWithCall(String format, Map<String, Object> event) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c == '{') {
                if (i + 1 < n && format.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int close = format.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Single '{' encountered in format string");
                }
                String field = format.substring(i + 1, close);
                String conversion = null;
                int bang = field.indexOf('!');
                if (bang >= 0) {
                    conversion = field.substring(bang + 1);
                    field = field.substring(0, bang);
                }
                if (!event.containsKey(field)) {
                    throw new IllegalArgumentException("no field '" + field + "' in event");
                }
                Object value = event.get(field);
                out.append("r".equals(conversion) && value instanceof CharSequence
                        ? "'" + value + "'" : String.valueOf(value));
                i = close + 1;
            } else if (c == '}') {
                if (i + 1 < n && format.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String formatUnformattableEvent(Map<String, Object> event, RuntimeException error) {
        return "Unable to format event " + event + ": " + error.getMessage();
    }

    /**
     * Renders {@code event} as one text entry: its formatted message and, if it carries a
     * {@link Failure}, the failure's traceback on the following lines. Port of
     * {@code eventAsText} without the time and system prefixes.
     */
    public static String eventAsText(Map<String, Object> event) {
        String text = formatEvent(event);
        if (event.get("log_failure") instanceof Failure failure) {
            String traceback = failure.getTraceback();
            text = text.isEmpty() ? traceback : text + "\n" + traceback;
        }
        return text;
    }
}
