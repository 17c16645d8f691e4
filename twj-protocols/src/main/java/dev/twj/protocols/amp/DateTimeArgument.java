package dev.twj.protocols.amp;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Encodes date-times with a fixed UTC offset. Port of {@code twisted.protocols.amp.DateTime}.
 *
 * <p>Wire format: {@code %04i-%02i-%02iT%02i:%02i:%02i.%06i%s%02i:%02i}: year, month, day, hour,
 * minute, second, microsecond, offset direction ({@code +} or {@code -}), offset hours, offset
 * minutes; always exactly 32 characters. UTC is written {@code -00:00}, as Twisted does. Decodes
 * to an {@code OffsetDateTime}; encodes an {@code OffsetDateTime} or {@code ZonedDateTime}
 * (nanoseconds are truncated to microseconds; the offset to whole minutes). A date-time without
 * an offset ({@code LocalDateTime}) cannot be encoded, like Python's naive datetimes.
 */
public class DateTimeArgument extends Argument {
    /** UTC, Twisted's {@code amp.utc}. */
    public static final ZoneOffset utc = ZoneOffset.UTC;

    /** Creates a required argument. */
    public DateTimeArgument() {}

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    public DateTimeArgument(boolean optional) {
        super(optional);
    }

    /**
     * Returns the offset {@code sign hours:minutes}. Port of
     * {@code _FixedOffsetTZInfo.fromSignHoursMinutes}.
     *
     * @throws IllegalArgumentException if {@code sign} is not {@code '+'} or {@code '-'}
     */
    public static ZoneOffset fromSignHoursMinutes(char sign, int hours, int minutes) {
        if (sign == '+') {
            return ZoneOffset.ofTotalSeconds((hours * 60 + minutes) * 60);
        } else if (sign == '-') {
            return ZoneOffset.ofTotalSeconds(-(hours * 60 + minutes) * 60);
        }
        throw new IllegalArgumentException("Invalid sign: '" + sign + "'");
    }

    /** The name Twisted's fixed-offset tzinfo gives {@code offset}: {@code +00:00} for UTC. */
    public static String tzname(ZoneOffset offset) {
        int minutes = offset.getTotalSeconds() / 60;
        return String.format("%s%02d:%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }

    private static final int[][] POSITIONS = {
        {0, 4}, {5, 7}, {8, 10}, {11, 13}, {14, 16}, {17, 19}, {20, 26}, {27, 29}, {30, 32}
    };

    /**
     * Parses the wire format.
     *
     * @throws IllegalArgumentException if {@code s} is not in it (Twisted: {@code ValueError})
     */
    @Override
    public Object fromString(byte[] s) {
        String str = new String(s, StandardCharsets.ISO_8859_1);
        if (str.length() != 32) {
            throw new IllegalArgumentException("invalid date format " + Amp.bytesRepr(s));
        }
        int[] v = new int[POSITIONS.length];
        for (int i = 0; i < POSITIONS.length; i++) {
            String part = str.substring(POSITIONS[i][0], POSITIONS[i][1]);
            if (!part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("invalid date format " + Amp.bytesRepr(s));
            }
            v[i] = java.lang.Integer.parseInt(part);
        }
        ZoneOffset tz = fromSignHoursMinutes(str.charAt(26), v[7], v[8]);
        try {
            return OffsetDateTime.of(v[0], v[1], v[2], v[3], v[4], v[5], v[6] * 1000, tz);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("invalid date " + Amp.bytesRepr(s) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Formats an {@code OffsetDateTime} or {@code ZonedDateTime}.
     *
     * @throws IllegalArgumentException for anything else, naive date-times included
     */
    @Override
    public byte[] toString(Object i) {
        OffsetDateTime t;
        if (i instanceof OffsetDateTime o) {
            t = o;
        } else if (i instanceof ZonedDateTime z) {
            t = z.toOffsetDateTime();
        } else {
            throw new IllegalArgumentException(
                    "amp.DateTime cannot serialize " + i + ": it needs an OffsetDateTime or ZonedDateTime"
                            + " (a naive date-time has no offset; you may find DateTimeArgument.utc useful)");
        }
        int minutesOffset = Math.floorDiv(t.getOffset().getTotalSeconds(), 60);
        String sign = minutesOffset > 0 ? "+" : "-";
        String packed = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%06d%s%02d:%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond(), t.getNano() / 1000, sign, Math.abs(minutesOffset) / 60,
                Math.abs(minutesOffset) % 60);
        return packed.getBytes(StandardCharsets.US_ASCII);
    }
}
