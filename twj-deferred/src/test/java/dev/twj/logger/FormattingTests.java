package dev.twj.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tests for basic event formatting functions. Port of
 * {@code twisted.logger.test.test_format.FormattingTests}.
 */
class FormattingTests {

    /** An object that throws from {@code toString()} (Python: {@code __repr__}). */
    static final class Unformattable {
        @Override
        public String toString() {
            int zero = 0;
            return String.valueOf(1 / zero);
        }
    }

    /** A Supplier that divides by zero: Python's {@code lambda: 1 / 0}. */
    static Supplier<Integer> evil() {
        int zero = 0;
        return () -> 1 / zero;
    }

    static Map<String, Object> event(Object... keysAndValues) {
        Map<String, Object> event = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            event.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return event;
    }

    /**
     * Create a log event from {@code keysAndValues} with the given {@code logFormat}, format it
     * with {@link Format#formatEvent}, ensure that its type is String, and return its result.
     */
    private static String format(Object logFormat, Object... keysAndValues) {
        Map<String, Object> event = event(keysAndValues);
        event.put("log_format", logFormat);
        Object result = Format.formatEvent(event);
        assertSame(String.class, result.getClass());
        return (String) result;
    }

    /**
     * {@link Format#formatEvent} formats an event according to several rules: a string with no
     * formatting instructions is passed straight through; PEP 3101 strings are formatted using
     * the keys and values of the event as named fields; keys ending with {@code ()} are called
     * before formatting. It always returns a String, and treats a {@code byte[]} format as UTF-8.
     */
    @Test
    public void test_formatEvent() {
        assertEquals("", format(new byte[0]));
        assertEquals("", format(""));
        assertEquals("abc", format("{x}", "x", "abc"));
        assertEquals("no, yes.", format("{not_called}, {called()}.",
                "not_called", "no", "called", (Supplier<String>) () -> "yes"));
        assertEquals("S\u00e1nchez", format("S\u00e1nchez".getBytes(StandardCharsets.UTF_8)));
        assertTrue(format(new byte[] {'S', (byte) 0xe1, 'n', 'c', 'h', 'e', 'z'})
                .contains("Unable to format event"));
        String maybeResult = format("S{a!s}nchez".getBytes(StandardCharsets.UTF_8),
                "a", new byte[] {(byte) 0xe1});
        assertTrue(maybeResult.contains("Sb'\\xe1'nchez"), maybeResult);

        String xe1 = Format.repr(new byte[] {(byte) 0xe1});
        assertEquals("b'\\xe1'", xe1);
        assertTrue(format("S{a!r}nchez".getBytes(StandardCharsets.UTF_8),
                "a", new byte[] {(byte) 0xe1}).contains("S" + xe1 + "nchez"));
    }

    /** formatEvent formats PEP 3101 keys containing {@code .}s ending with {@code ()} as methods. */
    @Test
    public void test_formatMethod() {
        final class World {
            public String where() {
                return "world";
            }
        }

        assertEquals("hello world", format("hello {what.where()}", "what", new World()));
    }

    /** formatEvent formats subscripts of attributes per PEP 3101. */
    @Test
    public void test_formatAttributeSubscript() {
        final class Example {
            public final Map<String, String> config = Map.of("foo", "bar", "baz", "qux");
        }

        assertEquals("bar qux",
                format("{example.config[foo]} {example.config[baz]}", "example", new Example()));
    }

    /** Formatting an event with no format. */
    @Test
    public void test_formatEventNoFormat() {
        Map<String, Object> event = event("foo", 1, "bar", 2);
        String result = Format.formatEvent(event);

        assertEquals("", result);
    }

    /** Formatting an event with a bogus format. */
    @Test
    public void test_formatEventWeirdFormat() {
        Map<String, Object> event = event("log_format", new Object(), "foo", 1, "bar", 2);
        String result = Format.formatEvent(event);

        assertTrue(result.contains("Log format must be str"), result);
        assertTrue(result.contains(Format.repr(event)), result);
    }

    /** Formatting an event that's just plain out to get us. */
    @Test
    public void test_formatUnformattableEvent() {
        Map<String, Object> event = event("log_format", "{evil()}", "evil", evil());
        String result = Format.formatEvent(event);

        assertTrue(result.contains("Unable to format event"), result);
        assertTrue(result.contains(Format.repr(event)), result);
    }

    /** Formatting an unformattable event that has an unformattable value. */
    @Test
    public void test_formatUnformattableEventWithUnformattableValue() {
        Map<String, Object> event = event(
                "log_format", "{evil()}", "evil", evil(), "gurk", new Unformattable());
        String result = Format.formatEvent(event);
        assertTrue(result.contains("MESSAGE LOST: unformattable object logged:"), result);
        assertTrue(result.contains("Recoverable data:"), result);
        assertTrue(result.contains("Exception during formatting:"), result);
    }

    /** An exception that cannot be turned into a string. */
    static final class UnformattableError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            int zero = 0;
            return String.valueOf(1 / zero);
        }
    }

    /** Formatting an unformattable event whose formatting error cannot be formatted either. */
    @Test
    public void test_formatUnformattableEventWithUnformattableErrorOMGWillItStop() {
        Map<String, Object> event = new HashMap<>(event(
                "log_format", "{evil()}", "evil", evil(), "recoverable", "okay"));
        // Call formatUnformattableEvent() directly with a bogus exception.
        String result = Format.formatUnformattableEvent(event, new UnformattableError());
        assertTrue(result.contains("MESSAGE LOST: unformattable object logged:"), result);
        assertTrue(result.contains(Format.repr("recoverable") + " = " + Format.repr("okay")), result);
    }
}
