package dev.twj.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java-only behaviour of {@link Format}: Python's format-spec mini-language and repr over Java
 * values. Expected strings are what CPython 3 gives for the same format and value.
 */
class FormatBehaviourTests {

    private static String format(String format, Object... keysAndValues) {
        Map<String, Object> event = FormattingTests.event(keysAndValues);
        event.put("log_format", format);
        return Format.formatEvent(event);
    }

    @Test
    void stringSpecsAlignAndTruncateAsPythonDoes() {
        assertEquals("   ab", format("{x:>5}", "x", "ab"));
        assertEquals("ab   |", format("{x:<5}|", "x", "ab"));
        assertEquals("**ab***", format("{x:*^7}", "x", "ab"));
        assertEquals("abc", format("{x:.3}", "x", "abcdef"));
        assertEquals("  a", format("{x:>{w}}", "x", "a", "w", 3));
    }

    @Test
    void integerSpecsFollowPython() {
        assertEquals("00042", format("{n:05d}", "n", 42));
        assertEquals("+42", format("{n:+d}", "n", 42));
        assertEquals("1,234,567 1_234_567", format("{n:,} {n:_}", "n", 1234567));
        assertEquals("ff 0xff FF", format("{n:x} {n:#x} {n:X}", "n", 255));
        assertEquals("        -5", format("{n:-10}", "n", -5));
        assertEquals("+    5", format("{n:=+6}", "n", 5));
        assertEquals("101", format("{n:b}", "n", 5L));
    }

    @Test
    void floatSpecsFollowPython() {
        assertEquals("0003.142", format("{n:08.3f}", "n", 3.14159));
        assertEquals("1.23e+04", format("{n:.2e}", "n", 12345.678));
        assertEquals("0.0001 1e-05 1.23e+03",
                format("{n:g} {m:g} {k:.3g}", "n", 0.0001, "m", 1e-5, "k", 1234.5));
        assertEquals("25.000000% 25.0%", format("{n:%} {n:.1%}", "n", 0.25));
        assertEquals("2.67 0.2", format("{n:.2f} {m:.1f}", "n", 2.675, "m", 0.25));
        assertEquals("1.2e+03 1.0", format("{n:.2} {m:.3}", "n", 1234.5, "m", 1.0));
        assertEquals("     3.142|", format("{n:10.4g}|", "n", 3.14159));
    }

    @Test
    void conversionsReprStrAndAscii() {
        assertEquals("\"it's\"", format("{x!r}", "x", "it's"));
        assertEquals("'\\xe9'", format("{x!a}", "x", "\u00e9"));
        assertEquals("it's", format("{x!s}", "x", "it's"));
        assertEquals("{'a': [1, 'b']}", Format.repr(Map.of("a", List.of(1, "b"))));
        assertEquals("{literal}", format("{{literal}}"));
    }

    @Test
    void attributesAndItemsReachJdkObjects() {
        assertEquals("2 2 b", format("{x.size()} {x.size} {x[1]}", "x", List.of("a", "b")));
        assertEquals("v", format("{m[k]}", "m", Map.of("k", "v")));
        assertEquals("7", format("{m[3]}", "m", Map.of(3, 7)));
        record Point(int x, int y) {}
        assertEquals("1,2", format("{p.x},{p.y}", "p", new Point(1, 2)));
    }

    @Test
    void errorsGiveTwistedsUnableToFormatText() {
        String missing = format("{missing}", "x", 1);
        assertTrue(missing.startsWith("Unable to format event {"), missing);
        assertTrue(missing.endsWith("}: 'missing'"), missing);
        assertTrue(format("{0}").startsWith("Unable to format event"));
        assertTrue(format("{x!z}", "x", 1).contains("Unknown conversion specifier z"));
        assertTrue(format("{x:d}", "x", "s").contains("Unknown format code 'd'"));
        assertTrue(format("{x.nope}", "x", 1).contains("has no attribute 'nope'"));
        assertTrue(format("oops }").contains("Single '}' encountered in format string"));
    }
}
