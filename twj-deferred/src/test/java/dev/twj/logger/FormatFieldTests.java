package dev.twj.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Tests for format field functions. Port of {@code twisted.logger.test.test_format.FormatFieldTests}. */
class FormatFieldTests {

    /**
     * {@link Format#formatWithCall} is an extended version of {@code str.format} that interprets
     * a set of parentheses {@code ()} at the end of a format key to mean that the format key ought
     * to be called rather than stringified.
     */
    @Test
    public void test_formatWithCall() {
        assertEquals("Hello, earth. maybe.", Format.formatWithCall(
                "Hello, {world}. {callme()}.",
                Map.of("world", "earth", "callme", (Supplier<String>) () -> "maybe")));
        assertEquals("Hello, 'repr'.", Format.formatWithCall(
                "Hello, {repr()!r}.", Map.of("repr", (Supplier<String>) () -> "repr")));
    }
}
