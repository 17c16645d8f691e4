package dev.twj.logger;

import dev.twj.python.failure.Failure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Renders events as text. Port of {@code twisted.logger._format}, with the PEP 3101 format
 * strings of Python's {@code str.format} read over an event's fields.
 *
 * <p>A format field is {@code {name}}, {@code {name!r}}, {@code {name!s}}, {@code {name!a}},
 * {@code {name:spec}} or a combination; {@code {{} and {@code }}} stand for braces. The name may
 * be followed by:
 * <ul>
 *   <li>{@code ()}: the value is called ({@link Supplier} or {@link Callable}), as Twisted's
 *       {@code formatWithCall} does: {@code "{peer()}"};</li>
 *   <li>{@code .attr}: a public field {@code attr}, else a public no-argument method
 *       {@code attr()} (a record accessor), else {@code getAttr()} or {@code isAttr()};
 *       {@code .attr()} calls the public no-argument method {@code attr()};</li>
 *   <li>{@code [key]}: {@link Map#get} (an all-digit key is tried as an {@link Integer} first),
 *       or the element of a {@link List}, array or {@link CharSequence} at that index.</li>
 * </ul>
 *
 * <p>{@code !r} is Python's {@code repr} over Java values: strings and characters are quoted as
 * Python quotes them, {@code byte[]} reads {@code b'...'}, maps, lists and arrays show their
 * elements' repr, anything else its {@code toString()}. {@code !s} (the default) is
 * {@code String.valueOf}, except that {@code byte[]} reads as its repr, as in Python 3. A format
 * spec follows Python's mini-language ({@code [[fill]align][sign][#][0][width][,|_][.precision]
 * [type]}) for numbers and strings; any other object is formatted as its string.
 *
 * <p>Formatting never throws: an event that cannot be rendered gives Twisted's
 * {@code Unable to format event {...}: error} text, or {@code MESSAGE LOST: ...} when even that
 * fails.
 */
public final class Format {
    /** Twisted's {@code timeFormatRFC3339}, in {@code strftime} notation. */
    public static final String TIME_FORMAT_RFC3339 = "%Y-%m-%dT%H:%M:%S%z";

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx", Locale.ROOT);

    private Format() {}

    /**
     * Formats an event as text, using the format in {@code event.get("log_format")}.
     *
     * <p>This never throws; if the formatting cannot be done, the returned string describes the
     * event generically so that a useful message is emitted regardless.
     *
     * @return the text, or the empty string if the event has no format
     */
    public static String formatEvent(Map<String, ?> event) {
        return eventAsText(event, false, false, false);
    }

    /**
     * Formats an event as text that describes the event generically and a formatting error:
     * {@code Unable to format event {event!r}: {error}}, or, when that fails too,
     * {@code MESSAGE LOST: unformattable object logged: ...} with whatever fields can be shown.
     */
    public static String formatUnformattableEvent(Map<String, ?> event, Throwable error) {
        try {
            return "Unable to format event " + repr(event) + ": " + str(error);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // Yikes, something really nasty happened. Try to recover as much formattable data
            // as possible; hopefully at least the namespace is sane, which will help you find the
            // offending logger.
            Failure failure = new Failure(e);
            List<String> text = new ArrayList<>();
            for (Map.Entry<String, ?> entry : event.entrySet()) {
                text.add(safeRepr(entry.getKey()) + " = " + safeRepr(entry.getValue()));
            }
            return "MESSAGE LOST: unformattable object logged: " + safeRepr(error) + "\n"
                    + "Recoverable data: " + String.join(", ", text) + "\n"
                    + "Exception during formatting:\n"
                    + "[Failure instance: " + failure.getBriefTraceback() + "]";
        }
    }

    /**
     * Formats a timestamp (seconds since the epoch) in the system's default time zone, with
     * {@link #TIME_FORMAT_RFC3339}: {@code 2013-10-22T14:19:11-0700}.
     */
    public static String formatTime(Double when) {
        return formatTime(when, TIME_FORMAT_RFC3339, "-");
    }

    /**
     * Formats a timestamp (seconds since the epoch) as text in the system's default time zone.
     * {@code timeFormat} is in {@code strftime} notation: {@code %Y %y %m %d %e %H %I %M %S %f %p
     * %z %Z %j %W %U %a %A %b %B %%}.
     *
     * @param def the text to return if {@code when} or {@code timeFormat} is null
     * @throws IllegalArgumentException for a directive not listed above
     */
    public static String formatTime(Double when, String timeFormat, String def) {
        if (timeFormat == null || when == null) {
            return def;
        }
        long seconds = (long) Math.floor(when);
        long micros = Math.round((when - seconds) * 1e6);
        if (micros >= 1_000_000) {
            seconds += 1;
            micros -= 1_000_000;
        }
        ZonedDateTime t = Instant.ofEpochSecond(seconds, micros * 1000)
                .atZone(ZoneId.systemDefault());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < timeFormat.length(); i++) {
            char c = timeFormat.charAt(i);
            if (c != '%' || i + 1 == timeFormat.length()) {
                out.append(c);
                continue;
            }
            char d = timeFormat.charAt(++i);
            int yday0 = t.getDayOfYear() - 1;
            switch (d) {
                case 'Y' -> out.append(t.getYear());
                case 'y' -> out.append(pad2(t.getYear() % 100));
                case 'm' -> out.append(pad2(t.getMonthValue()));
                case 'd' -> out.append(pad2(t.getDayOfMonth()));
                case 'e' -> out.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
                case 'H' -> out.append(pad2(t.getHour()));
                case 'I' -> out.append(pad2(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'M' -> out.append(pad2(t.getMinute()));
                case 'S' -> out.append(pad2(t.getSecond()));
                case 'f' -> out.append(String.format(Locale.ROOT, "%06d", micros));
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'z' -> out.append(OFFSET.format(t));
                case 'Z' -> out.append(t.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT));
                case 'j' -> out.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
                case 'W' -> out.append(pad2((yday0 + 7 - (t.getDayOfWeek().getValue() - 1)) / 7));
                case 'U' -> out.append(pad2((yday0 + 7 - t.getDayOfWeek().getValue() % 7) / 7));
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT));
                case 'b' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT));
                case '%' -> out.append('%');
                default -> throw new IllegalArgumentException(
                        "unsupported strftime directive %" + d + " in " + repr(timeFormat));
            }
        }
        return out.toString();
    }

    private static String pad2(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /**
     * Formats an event as a line of human-readable text for, e.g., traditional log file output:
     * {@code "{timeStamp} [{system}] {event}\n"}, with continuation lines indented by a tab.
     *
     * @return the line, or null if the event has no text
     */
    public static String formatEventAsClassicLogText(Map<String, ?> event) {
        return formatEventAsClassicLogText(event, Format::formatTime);
    }

    /** Like {@link #formatEventAsClassicLogText(Map)}, with a time formatter of your own. */
    public static String formatEventAsClassicLogText(
            Map<String, ?> event, Function<Double, String> formatTime) {
        String eventText = eventAsText(event, true, true, true, formatTime);
        if (eventText.isEmpty()) {
            return null;
        }
        return eventText.replace("\n", "\n\t") + "\n";
    }

    /**
     * Formats {@code format} like Python's {@code str.format} with only named fields, read from
     * {@code mapping}, where a field name ending in {@code ()} is called before it is formatted.
     * Port of {@code formatWithCall}.
     *
     * @throws RuntimeException whatever a missing key, a bad format or a called value throws
     */
    public static String formatWithCall(String format, Map<String, ?> mapping) {
        return vformat(format, mapping, 2);
    }

    /** Returns {@link #eventAsText(Map, boolean, boolean, boolean)} with everything included. */
    public static String eventAsText(Map<String, ?> event) {
        return eventAsText(event, true, true, true);
    }

    /**
     * Formats an event as text, optionally with timestamp, system and traceback:
     * {@code "{timeStamp} [{system}] {event}\n{traceback}\n"}, where {@code timeStamp} is
     * {@code log_time} formatted with {@link #formatTime(Double)}, {@code system} is
     * {@code log_system}, else {@code log_namespace#log_level} (each defaulting to {@code -}), and
     * {@code traceback} is {@code log_failure}'s traceback.
     *
     * <p>If the event cannot be formatted and has no traceback, the result is the empty string
     * even if a timestamp or system is asked for.
     */
    public static String eventAsText(Map<String, ?> event, boolean includeTraceback,
            boolean includeTimestamp, boolean includeSystem) {
        return eventAsText(event, includeTraceback, includeTimestamp, includeSystem,
                Format::formatTime);
    }

    /** Like {@link #eventAsText(Map, boolean, boolean, boolean)}, with a time formatter. */
    public static String eventAsText(Map<String, ?> event, boolean includeTraceback,
            boolean includeTimestamp, boolean includeSystem, Function<Double, String> formatTime) {
        String eventText = formatEventText(event);
        if (includeTraceback && event.containsKey("log_failure")) {
            eventText = eventText + "\n" + formatTraceback(event.get("log_failure"));
        }
        if (eventText.isEmpty()) {
            return eventText;
        }
        String timeStamp = "";
        if (includeTimestamp) {
            Object when = event.get("log_time");
            timeStamp = formatTime.apply(when instanceof Number n ? n.doubleValue() : null) + " ";
        }
        String system = "";
        if (includeSystem) {
            system = "[" + formatSystem(event) + "] ";
        }
        return timeStamp + system + eventText;
    }

    private static String formatEventText(Map<String, ?> event) {
        try {
            Object format = event.get("log_format");
            if (format == null) {
                return "";
            }
            String text;
            if (format instanceof CharSequence s) {
                text = s.toString();
            } else if (format instanceof byte[] bytes) {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } else {
                throw new IllegalArgumentException("Log format must be str, not " + repr(format));
            }
            return formatWithCall(text, event);
        } catch (RuntimeException | CharacterCodingException | LinkageError | AssertionError e) {
            return formatUnformattableEvent(event, e);
        }
    }

    private static String formatTraceback(Object failure) {
        if (!(failure instanceof Failure f)) {
            return "(UNABLE TO OBTAIN TRACEBACK FROM EVENT):" + "'" + typeName(failure)
                    + "' object has no attribute 'getTraceback'";
        }
        try {
            return f.getTraceback();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return "(UNABLE TO OBTAIN TRACEBACK FROM EVENT):" + e;
        }
    }

    private static String formatSystem(Map<String, ?> event) {
        Object system = event.get("log_system");
        if (system == null) {
            Object level = event.get("log_level");
            String levelName = level == null ? "-"
                    : level instanceof LogLevel l ? l.name() : String.valueOf(level);
            Object namespace = event.containsKey("log_namespace") ? event.get("log_namespace") : "-";
            return namespace + "#" + levelName;
        }
        try {
            return str(system);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return "UNFORMATTABLE";
        }
    }

    // --- PEP 3101 --------------------------------------------------------------------------

    private static String vformat(String format, Map<String, ?> mapping, int recursionDepth) {
        if (recursionDepth < 0) {
            throw new IllegalArgumentException("Max string recursion exceeded");
        }
        StringBuilder out = new StringBuilder(format.length() + 16);
        int n = format.length();
        int i = 0;
        while (i < n) {
            char c = format.charAt(i);
            if (c == '{') {
                if (i + 1 < n && format.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int end = fieldEnd(format, i);
                out.append(formatField(format.substring(i + 1, end), mapping, recursionDepth));
                i = end + 1;
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

    /** Returns the index of the '}' closing the field opened at {@code open}. */
    private static int fieldEnd(String format, int open) {
        int depth = 1;
        boolean inIndex = false;
        for (int j = open + 1; j < format.length(); j++) {
            char c = format.charAt(j);
            if (inIndex) {
                inIndex = c != ']';
            } else if (c == '[') {
                inIndex = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        throw new IllegalArgumentException(inIndex
                ? "Missing ']' in format string" : "expected '}' before end of string");
    }

    private static String formatField(String field, Map<String, ?> mapping, int recursionDepth) {
        // field_name [! conversion] [: format_spec]; '!' and ':' inside [...] do not count.
        int nameEnd = 0;
        boolean inIndex = false;
        while (nameEnd < field.length()) {
            char c = field.charAt(nameEnd);
            if (inIndex) {
                inIndex = c != ']';
            } else if (c == '[') {
                inIndex = true;
            } else if (c == '!' || c == ':') {
                break;
            }
            nameEnd++;
        }
        String name = field.substring(0, nameEnd);
        String rest = field.substring(nameEnd);
        Character conversion = null;
        String spec = "";
        if (rest.startsWith("!")) {
            if (rest.length() < 2) {
                throw new IllegalArgumentException("end of string while looking for conversion specifier");
            }
            conversion = rest.charAt(1);
            rest = rest.substring(2);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("expected ':' after conversion specifier");
            }
        }
        if (rest.startsWith(":")) {
            spec = vformat(rest.substring(1), mapping, recursionDepth - 1);
        }
        Object value = getField(name, mapping);
        if (conversion != null) {
            value = switch (conversion) {
                case 's' -> str(value);
                case 'r' -> repr(value);
                case 'a' -> ascii(repr(value));
                default -> throw new IllegalArgumentException(
                        "Unknown conversion specifier " + conversion);
            };
        }
        return formatValue(value, spec);
    }

    private static Object getField(String name, Map<String, ?> mapping) {
        int i = 0;
        while (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') {
            i++;
        }
        String key = name.substring(0, i);
        if (key.isEmpty() || key.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(
                    "Format string contains positional fields: " + repr("{" + name + "}"));
        }
        boolean callIt = key.endsWith("()");
        String realKey = callIt ? key.substring(0, key.length() - 2) : key;
        if (!mapping.containsKey(realKey)) {
            throw new KeyError(realKey);
        }
        Object value = mapping.get(realKey);
        if (callIt) {
            value = call(value);
        }
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < name.length() && name.charAt(j) != '.' && name.charAt(j) != '[') {
                    j++;
                }
                String attr = name.substring(i + 1, j);
                if (attr.isEmpty()) {
                    throw new IllegalArgumentException("Empty attribute in format string");
                }
                value = getAttribute(value, attr);
                i = j;
            } else if (c == '[') {
                int j = name.indexOf(']', i);
                if (j < 0) {
                    throw new IllegalArgumentException("Missing ']' in format string");
                }
                String index = name.substring(i + 1, j);
                if (index.isEmpty()) {
                    throw new IllegalArgumentException("Empty attribute in format string");
                }
                value = getItem(value, index);
                i = j + 1;
                if (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') {
                    throw new IllegalArgumentException(
                            "Only '.' or '[' may follow ']' in format field specifier");
                }
            } else {
                throw new AssertionError(name);
            }
        }
        return value;
    }

    private static Object call(Object value) {
        try {
            if (value instanceof Supplier<?> s) {
                return s.get();
            }
            if (value instanceof Callable<?> c) {
                return c.call();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
        throw new IllegalArgumentException("'" + typeName(value) + "' object is not callable");
    }

    private static Object getAttribute(Object value, String attr) {
        if (value == null) {
            throw new IllegalArgumentException("'NoneType' object has no attribute " + repr(attr));
        }
        boolean callIt = attr.endsWith("()");
        String realAttr = callIt ? attr.substring(0, attr.length() - 2) : attr;
        Class<?> type = value.getClass();
        if (!callIt) {
            try {
                Field field = type.getField(realAttr);
                if (!Modifier.isStatic(field.getModifiers())) {
                    try {
                        return field.get(value);
                    } catch (IllegalAccessException e) {
                        if (field.trySetAccessible()) {
                            return field.get(value);
                        }
                    }
                }
            } catch (NoSuchFieldException | IllegalAccessException e) {
                // Not a field we can read; try methods.
            }
        }
        List<String> names = new ArrayList<>(List.of(realAttr));
        if (!callIt && !realAttr.isEmpty()) {
            String capitalized = Character.toUpperCase(realAttr.charAt(0)) + realAttr.substring(1);
            names.add("get" + capitalized);
            names.add("is" + capitalized);
        }
        for (String methodName : names) {
            Method method = publicNoArgMethod(type, methodName);
            if (method != null) {
                try {
                    return method.invoke(value);
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause.toString(), cause);
                } catch (IllegalAccessException e) {
                    throw new IllegalArgumentException("cannot access " + method + ": " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException(
                "'" + typeName(value) + "' object has no attribute " + repr(realAttr));
    }

    /** A public no-argument instance method {@code name} of {@code type} that can be invoked. */
    private static Method publicNoArgMethod(Class<?> type, String name) {
        Method method;
        try {
            method = type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (Modifier.isStatic(method.getModifiers()) || method.getReturnType() == void.class) {
            return null;
        }
        if (Modifier.isPublic(method.getDeclaringClass().getModifiers())
                && method.getDeclaringClass().getModule().isExported(
                        method.getDeclaringClass().getPackageName(), Format.class.getModule())) {
            return method;
        }
        // Declared on a class we may not reach (a JDK-internal List, a private record): use the
        // same method from a public superclass or interface, else ask for access.
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> candidate : supertypes(c)) {
                if (Modifier.isPublic(candidate.getModifiers()) && candidate.getModule().isExported(
                        candidate.getPackageName(), Format.class.getModule())) {
                    try {
                        return candidate.getMethod(name);
                    } catch (NoSuchMethodException e) {
                        // Keep looking.
                    }
                }
            }
        }
        return method.trySetAccessible() ? method : null;
    }

    private static List<Class<?>> supertypes(Class<?> c) {
        List<Class<?>> all = new ArrayList<>(List.of(c));
        for (int i = 0; i < all.size(); i++) {
            for (Class<?> iface : all.get(i).getInterfaces()) {
                if (!all.contains(iface)) {
                    all.add(iface);
                }
            }
        }
        return all;
    }

    private static Object getItem(Object value, String index) {
        boolean digits = index.chars().allMatch(Character::isDigit);
        if (value instanceof Map<?, ?> map) {
            if (digits) {
                Integer key = Integer.valueOf(index);
                if (map.containsKey(key)) {
                    return map.get(key);
                }
            }
            if (map.containsKey(index)) {
                return map.get(index);
            }
            throw new KeyError(index);
        }
        if (!digits) {
            throw new IllegalArgumentException(
                    "'" + typeName(value) + "' indices must be integers, not 'str'");
        }
        int i = Integer.parseInt(index);
        try {
            if (value instanceof List<?> list) {
                return list.get(i);
            }
            if (value instanceof CharSequence s) {
                return String.valueOf(s.charAt(i));
            }
            if (value != null && value.getClass().isArray()) {
                return Array.get(value, i);
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IndexOutOfBoundsException(typeName(value) + " index out of range");
        }
        throw new IllegalArgumentException("'" + typeName(value) + "' object is not subscriptable");
    }

    // --- format specs --------------------------------------------------------------------

    private static String formatValue(Object value, String spec) {
        if (spec.isEmpty()) {
            return str(value);
        }
        Spec s = Spec.parse(spec);
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
            if ("eEfFgG%".indexOf(s.type) >= 0) {
                return formatFloat(new BigDecimal(big), s);
            }
            return formatInteger(big, s);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                String text = Double.isNaN(d) ? "nan" : "inf";
                if (Character.isUpperCase(s.type == 0 ? 'a' : s.type)) {
                    text = text.toUpperCase(Locale.ROOT);
                }
                String sign = d < 0 ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
                return pad(sign, text, s, '>');
            }
            if (s.type != 0 && "eEfFgGn%".indexOf(s.type) < 0) {
                throw new IllegalArgumentException("Unknown format code '" + s.type
                        + "' for object of type '" + typeName(value) + "'");
            }
            return formatFloat(value instanceof BigDecimal b ? b : new BigDecimal(d), s);
        }
        String text = str(value);
        if (s.type != 0 && s.type != 's') {
            throw new IllegalArgumentException("Unknown format code '" + s.type
                    + "' for object of type '" + typeName(value) + "'");
        }
        if (s.sign != 0) {
            throw new IllegalArgumentException("Sign not allowed in string format specifier");
        }
        if (s.precision >= 0 && text.length() > s.precision) {
            text = text.substring(0, s.precision);
        }
        return pad("", text, s, '<');
    }

    private static String formatInteger(BigInteger value, Spec s) {
        if (s.precision >= 0) {
            throw new IllegalArgumentException("Precision not allowed in integer format specifier");
        }
        BigInteger abs = value.abs();
        String digits;
        String prefix = "";
        switch (s.type) {
            case 0, 'd', 'n' -> digits = abs.toString();
            case 'b' -> { digits = abs.toString(2); prefix = s.alternate ? "0b" : ""; }
            case 'o' -> { digits = abs.toString(8); prefix = s.alternate ? "0o" : ""; }
            case 'x' -> { digits = abs.toString(16); prefix = s.alternate ? "0x" : ""; }
            case 'X' -> { digits = abs.toString(16).toUpperCase(Locale.ROOT); prefix = s.alternate ? "0X" : ""; }
            case 'c' -> digits = new String(Character.toChars(value.intValueExact()));
            default -> throw new IllegalArgumentException(
                    "Unknown format code '" + s.type + "' for object of type 'int'");
        }
        if (s.grouping != 0) {
            digits = group(digits, s.grouping, s.type == 0 || s.type == 'd' ? 3 : 4);
        }
        return pad(sign(value.signum() < 0, s) + prefix, digits, s, '>');
    }

    private static String formatFloat(BigDecimal value, Spec s) {
        boolean negative = value.signum() < 0;
        BigDecimal abs = value.abs();
        char type = s.type;
        String suffix = "";
        if (type == '%') {
            abs = abs.movePointRight(2);
            type = 'f';
            suffix = "%";
        }
        int precision = s.precision >= 0 ? s.precision : 6;
        String text;
        switch (type) {
            case 'f', 'F' -> text = abs.setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
            case 'e', 'E' -> text = scientific(abs, precision, type == 'E');
            case 'g', 'G', 'n' -> text = general(abs, precision == 0 ? 1 : precision, s.alternate,
                    type == 'G');
            default -> {
                // No type: like 'g' with at least one digit after the point, or Java's own
                // rendering when there is no precision.
                if (s.precision < 0) {
                    text = abs.stripTrailingZeros().scale() <= 0
                            && abs.compareTo(BigDecimal.valueOf(1e16)) < 0
                            ? abs.setScale(1, RoundingMode.UNNECESSARY).toPlainString()
                            : Double.toString(abs.doubleValue());
                } else {
                    text = general(abs, precision == 0 ? 1 : precision, s.alternate, false);
                    if (!text.contains(".") && !text.contains("e")) {
                        text = text + ".0";
                    }
                }
            }
        }
        if (s.alternate && !text.contains(".") && (type == 'f' || type == 'F')) {
            text = text + ".";
        }
        if (s.grouping != 0) {
            int dot = text.indexOf('.');
            int e = text.indexOf('e');
            int endInt = dot >= 0 ? dot : e >= 0 ? e : text.length();
            text = group(text.substring(0, endInt), s.grouping, 3) + text.substring(endInt);
        }
        return pad(sign(negative, s), text + suffix, s, '>');
    }

    private static String scientific(BigDecimal abs, int precision, boolean upper) {
        if (abs.signum() == 0) {
            return "0" + (precision > 0 ? "." + "0".repeat(precision) : "") + (upper ? "E+00" : "e+00");
        }
        BigDecimal rounded = abs.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(precision, RoundingMode.HALF_EVEN);
        String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        return mantissa.toPlainString() + (upper ? "E" : "e") + exp;
    }

    private static String general(BigDecimal abs, int precision, boolean alternate, boolean upper) {
        if (abs.signum() == 0) {
            return alternate ? "0." + "0".repeat(precision - 1) : "0";
        }
        BigDecimal rounded = abs.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String text;
        if (exponent >= -4 && exponent < precision) {
            text = rounded.setScale(precision - 1 - exponent, RoundingMode.HALF_EVEN).toPlainString();
            if (!alternate && text.contains(".")) {
                text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
        } else {
            text = scientific(abs, precision - 1, upper);
            if (!alternate) {
                int e = text.indexOf(upper ? 'E' : 'e');
                String mantissa = text.substring(0, e);
                if (mantissa.contains(".")) {
                    mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
                }
                text = mantissa + text.substring(e);
            }
        }
        return text;
    }

    private static String group(String digits, char separator, int every) {
        StringBuilder out = new StringBuilder();
        int first = digits.length() % every;
        if (first == 0) {
            first = every;
        }
        out.append(digits, 0, Math.min(first, digits.length()));
        for (int i = first; i < digits.length(); i += every) {
            out.append(separator).append(digits, i, i + every);
        }
        return out.toString();
    }

    private static String sign(boolean negative, Spec s) {
        return negative ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
    }

    private static String pad(String sign, String body, Spec s, char defaultAlign) {
        int length = sign.length() + body.length();
        if (s.width <= length) {
            return sign + body;
        }
        int fillCount = s.width - length;
        char align = s.align != 0 ? s.align : s.zero ? '=' : defaultAlign;
        char fill = s.align != 0 || !s.zero ? s.fill : '0';
        String f = String.valueOf(fill);
        return switch (align) {
            case '<' -> sign + body + f.repeat(fillCount);
            case '>' -> f.repeat(fillCount) + sign + body;
            case '^' -> f.repeat(fillCount / 2) + sign + body + f.repeat(fillCount - fillCount / 2);
            default -> sign + f.repeat(fillCount) + body;
        };
    }

    /** A parsed format spec: {@code [[fill]align][sign][#][0][width][,|_][.precision][type]}. */
    private static final class Spec {
        char fill = ' ';
        char align;
        char sign;
        boolean alternate;
        boolean zero;
        int width = -1;
        char grouping;
        int precision = -1;
        char type;

        static Spec parse(String spec) {
            Spec s = new Spec();
            int i = 0;
            int n = spec.length();
            if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
                s.fill = spec.charAt(0);
                s.align = spec.charAt(1);
                i = 2;
            } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
                s.align = spec.charAt(0);
                i = 1;
            }
            if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
                s.sign = spec.charAt(i++);
            }
            if (i < n && spec.charAt(i) == '#') {
                s.alternate = true;
                i++;
            }
            if (i < n && spec.charAt(i) == '0') {
                s.zero = true;
                i++;
            }
            int start = i;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i > start) {
                s.width = Integer.parseInt(spec.substring(start, i));
            }
            if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
                s.grouping = spec.charAt(i++);
            }
            if (i < n && spec.charAt(i) == '.') {
                start = ++i;
                while (i < n && Character.isDigit(spec.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("Format specifier missing precision");
                }
                s.precision = Integer.parseInt(spec.substring(start, i));
            }
            if (i < n) {
                s.type = spec.charAt(i++);
            }
            if (i < n) {
                throw new IllegalArgumentException("Invalid format specifier " + repr(spec));
            }
            return s;
        }
    }

    // --- str and repr --------------------------------------------------------------------

    /**
     * Python's {@code str} over a Java value: {@code String.valueOf}, except that a
     * {@code byte[]} reads as its {@link #repr}, as Python 3's {@code str(b'...')} does.
     */
    static String str(Object value) {
        if (value instanceof byte[] bytes) {
            return bytesRepr(bytes);
        }
        if (value instanceof Throwable t) {
            String message = t.getMessage();
            return message == null ? "" : message;
        }
        return String.valueOf(value);
    }

    /**
     * Python's {@code repr} over a Java value: quoted strings and characters, {@code b'...'} for
     * {@code byte[]}, {@code {'k': v}} for maps, {@code [a, b]} for lists and arrays, and
     * {@code toString()} for anything else.
     */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        repr(value, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out.toString();
    }

    private static void repr(Object value, StringBuilder out, Set<Object> active) {
        if (value instanceof CharSequence || value instanceof Character) {
            out.append(stringRepr(value.toString()));
        } else if (value instanceof byte[] bytes) {
            out.append(bytesRepr(bytes));
        } else if (value instanceof Map<?, ?> map) {
            if (!active.add(map)) {
                out.append("{...}");
                return;
            }
            out.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(sep);
                repr(e.getKey(), out, active);
                out.append(": ");
                repr(e.getValue(), out, active);
                sep = ", ";
            }
            out.append('}');
            active.remove(map);
        } else if (value instanceof Collection<?> || value instanceof Object[]) {
            if (!active.add(value)) {
                out.append("[...]");
                return;
            }
            Iterable<?> items = value instanceof Object[] array
                    ? Arrays.asList(array) : (Collection<?>) value;
            boolean set = value instanceof Set<?>;
            out.append(set ? '{' : '[');
            String sep = "";
            for (Object item : items) {
                out.append(sep);
                repr(item, out, active);
                sep = ", ";
            }
            out.append(set ? '}' : ']');
            active.remove(value);
        } else if (value != null && value.getClass().isArray()) {
            out.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                out.append(i == 0 ? "" : ", ").append(Array.get(value, i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static String stringRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }

    private static String bytesRepr(byte[] bytes) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(bytes.length + 3).append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append(quote).toString();
    }

    private static String ascii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else if (c < 0x100) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                out.append(String.format(Locale.ROOT, "\\U%08x", s.codePointAt(i)));
                i++;
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** Twisted's {@code safe_repr}: {@link #repr}, or a description of the error it threw. */
    static String safeRepr(Object value) {
        try {
            return repr(value);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            StringWriter trace = new StringWriter();
            try {
                e.printStackTrace(new PrintWriter(trace));
            } catch (RuntimeException | LinkageError | AssertionError again) {
                trace.write(e.getClass().getName());
            }
            return "<" + typeName(value) + " instance at 0x"
                    + Integer.toHexString(System.identityHashCode(value)) + " with repr error:\n "
                    + trace + ">";
        }
    }

    private static String typeName(Object value) {
        return value == null ? "NoneType" : value.getClass().getName();
    }

    /** A missing key, reported as Python's {@code KeyError} is: its message is the key's repr. */
    static final class KeyError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyError(String key) {
            super(stringRepr(key));
        }
    }
}
