package dev.twj.protocols.amp;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Encodes decimal numbers as in Python's {@code str(decimal.Decimal)}. Port of
 * {@code twisted.protocols.amp.Decimal}.
 *
 * <p>Special values are encoded as special strings and decode to {@link Special}: positive
 * infinity is {@code "Infinity"}, negative infinity {@code "-Infinity"}, quiet not-a-number
 * {@code "NaN"} or {@code "-NaN"}, signalling not-a-number {@code "sNaN"} or {@code "-sNaN"}.
 * Normal values decode to {@code BigDecimal} and use the base ten representation, engineering
 * notation indicating magnitude without precision: {@code "1"} is 1 to one place,
 * {@code "1.0"} is 1 to two places, {@code "1E+2"} is 100 to one place, {@code "1.5E+2"} is 150
 * to two places. {@code BigDecimal.toString} is the same "to-scientific-string" conversion as
 * Python's, so the strings agree. Differences: a negative zero ({@code "-0"}) decodes to zero
 * (BigDecimal has no sign for zero), and NaN payloads ({@code "NaN123"}) are rejected.
 */
public class DecimalArgument extends Argument {
    /** The special decimal values BigDecimal cannot hold, with their wire spelling. */
    public enum Special {
        /** Quiet not-a-number. */
        NAN("NaN"),
        /** Negative quiet not-a-number. */
        NEGATIVE_NAN("-NaN"),
        /** Signalling not-a-number. */
        SNAN("sNaN"),
        /** Negative signalling not-a-number. */
        NEGATIVE_SNAN("-sNaN"),
        /** Positive infinity. */
        INFINITY("Infinity"),
        /** Negative infinity. */
        NEGATIVE_INFINITY("-Infinity");

        /** The wire spelling. */
        public final String wire;

        Special(String wire) {
            this.wire = wire;
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    /** Creates a required argument. */
    public DecimalArgument() {}

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    public DecimalArgument(boolean optional) {
        super(optional);
    }

    /**
     * Parses a decimal string as Python's {@code decimal.Decimal} does.
     *
     * @throws NumberFormatException if it is not one
     */
    @Override
    public Object fromString(byte[] inString) {
        String s = new String(inString, StandardCharsets.ISO_8859_1).strip();
        boolean negative = s.startsWith("-");
        String u = (negative || s.startsWith("+")) ? s.substring(1) : s;
        switch (u.toLowerCase(java.util.Locale.ROOT)) {
            case "inf":
            case "infinity":
                return negative ? Special.NEGATIVE_INFINITY : Special.INFINITY;
            case "nan":
                return negative ? Special.NEGATIVE_NAN : Special.NAN;
            case "snan":
                return negative ? Special.NEGATIVE_SNAN : Special.SNAN;
            default:
                break;
        }
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new NumberFormatException("Invalid literal for Decimal: " + Amp.bytesRepr(inString));
        }
        return new BigDecimal(s);
    }

    /**
     * Serializes a {@code BigDecimal} or a {@link Special}.
     *
     * @throws IllegalArgumentException for anything else
     */
    @Override
    public byte[] toString(Object inObject) {
        if (inObject instanceof BigDecimal d) {
            return d.toString().getBytes(StandardCharsets.US_ASCII);
        }
        if (inObject instanceof Special s) {
            return s.wire.getBytes(StandardCharsets.US_ASCII);
        }
        throw new IllegalArgumentException("amp.Decimal can only encode instances of BigDecimal or DecimalArgument.Special");
    }
}
