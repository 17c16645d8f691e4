package dev.twj.protocols.amp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Encodes integers of any size as their decimal representation: {@code 123} becomes
 * {@code "123"}. Port of {@code twisted.protocols.amp.Integer}.
 *
 * <p>Decodes to a {@code Long}, or a {@code BigInteger} beyond the range of long; encodes any
 * {@code Byte}, {@code Short}, {@code Integer}, {@code Long} or {@code BigInteger}. Like Python's
 * {@code int()}, surrounding ASCII whitespace and a leading {@code +} are accepted.
 */
public class IntegerArgument extends Argument {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Creates a required argument. */
    public IntegerArgument() {}

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    public IntegerArgument(boolean optional) {
        super(optional);
    }

    /**
     * Parses a decimal integer.
     *
     * @throws NumberFormatException if {@code inString} is not one
     */
    @Override
    public Object fromString(byte[] inString) {
        Long small = parseSmall(inString);
        if (small != null) {
            return small;
        }
        String s = new String(inString, StandardCharsets.ISO_8859_1).strip();
        if (s.length() > 10_000) {
            throw new NumberFormatException("integer of " + s.length() + " digits is too long");
        }
        BigInteger v = new BigInteger(s);
        if (v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0) {
            return v.longValue();
        }
        return v;
    }

    /** The common case without a String or BigInteger: an optional '-' and 1 to 18 digits, else null. */
    private static Long parseSmall(byte[] b) {
        int i = b.length > 0 && b[0] == '-' ? 1 : 0;
        int digits = b.length - i;
        if (digits < 1 || digits > 18) {
            return null;
        }
        long v = 0;
        for (; i < b.length; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            v = v * 10 + d;
        }
        return b[0] == '-' ? -v : v;
    }

    /**
     * Formats an integral number.
     *
     * @throws IllegalArgumentException if {@code inObject} is not an integral number
     */
    @Override
    public byte[] toString(Object inObject) {
        if (inObject instanceof Long || inObject instanceof java.lang.Integer
                || inObject instanceof Short || inObject instanceof Byte) {
            return decimal(((Number) inObject).longValue());
        }
        if (inObject instanceof BigInteger) {
            return inObject.toString().getBytes(StandardCharsets.US_ASCII);
        }
        throw new IllegalArgumentException("Bad integer value " + inObject);
    }

    /** The ASCII decimal digits of {@code v} (as {@code Long.toString}), without a String. */
    private static byte[] decimal(long v) {
        if (v == Long.MIN_VALUE) {
            return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
        }
        boolean negative = v < 0;
        long u = negative ? -v : v;
        int digits = 1;
        for (long t = u; t >= 10; t /= 10) {
            digits++;
        }
        byte[] out = new byte[digits + (negative ? 1 : 0)];
        for (int i = out.length - 1; i >= (negative ? 1 : 0); i--) {
            out[i] = (byte) ('0' + (u % 10));
            u /= 10;
        }
        if (negative) {
            out[0] = '-';
        }
        return out;
    }
}
