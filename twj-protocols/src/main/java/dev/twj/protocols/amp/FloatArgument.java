package dev.twj.protocols.amp;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Encodes floating-point values on the wire as Python's {@code repr}: {@code 1.234},
 * {@code 1e-05}, {@code 1e+16}, {@code nan}, {@code inf}, {@code -inf}. Port of
 * {@code twisted.protocols.amp.Float}; the Java value is a {@code Double}.
 *
 * <p>Decoding accepts what Python's {@code float()} accepts for these forms, case-insensitively
 * ({@code NaN}, {@code Infinity}, {@code -inf} ...), and Java's own {@code Double.toString}
 * output.
 */
public class FloatArgument extends Argument {
    /** Creates a required argument. */
    public FloatArgument() {}

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    public FloatArgument(boolean optional) {
        super(optional);
    }

    @Override
    public Object fromString(byte[] inString) {
        String s = new String(inString, StandardCharsets.ISO_8859_1).strip();
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        switch (unsigned) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default:
                break;
        }
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new NumberFormatException("could not convert string to float: " + Amp.bytesRepr(inString));
        }
        return Double.parseDouble(s);
    }

    /**
     * Formats a {@code Double} as Python's {@code repr}.
     *
     * @throws IllegalArgumentException if {@code inObject} is not a {@code Double}
     */
    @Override
    public byte[] toString(Object inObject) {
        if (!(inObject instanceof Double d)) {
            throw new IllegalArgumentException("Bad float value " + inObject);
        }
        return pythonRepr(d).getBytes(StandardCharsets.US_ASCII);
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, Python's layout. */
    static String pythonRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        if (bd.precision() == 2) {
            // Double.toString never gives fewer than two digits; Python gives the shortest.
            BigDecimal one = bd.round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
            if (one.doubleValue() == Math.abs(d)) {
                bd = one.stripTrailingZeros();
            }
        }
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        StringBuilder sb = new StringBuilder(sign);
        if (exp < -4 || exp >= 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else if (exp < 0) {
            sb.append("0.");
            sb.append("0".repeat(-exp - 1)).append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }
}
