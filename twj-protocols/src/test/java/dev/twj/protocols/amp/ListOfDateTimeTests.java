package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.dict;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Port of {@code ListOfDateTimeTests}: ListOf combined with DateTimeArgument. */
class ListOfDateTimeTests extends ListOfTestsMixin {
    @Override
    Argument elementType() {
        return new DateTimeArgument();
    }

    @Override
    AmpBox strings() {
        return new AmpBox()
                .put("christmas", b("\u0000\u00202010-12-25T00:00:00.000000-00:00"
                        + "\u0000\u00202010-12-25T00:00:00.000000-00:00"))
                .put("christmas in eu", b("\u0000\u00202010-12-25T00:00:00.000000+01:00"))
                .put("christmas in iran", b("\u0000\u00202010-12-25T00:00:00.000000+03:30"))
                .put("christmas in nyc", b("\u0000\u00202010-12-25T00:00:00.000000-05:00"))
                .put("previous tests", b("\u0000\u00202010-12-25T00:00:00.000000+03:19"
                        + "\u0000\u00202010-12-25T00:00:00.000000-06:59"));
    }

    @Override
    Map<String, Object> objects() {
        return dict(
                "christmas", List.of(xmas(DateTimeArgument.utc), xmas(tz('+', 0, 0))),
                "christmas in eu", List.of(xmas(tz('+', 1, 0))),
                "christmas in iran", List.of(xmas(tz('+', 3, 30))),
                "christmas in nyc", List.of(xmas(tz('-', 5, 0))),
                "previous tests", List.of(xmas(tz('+', 3, 19)), xmas(tz('-', 6, 59))));
    }

    static java.time.ZoneOffset tz(char sign, int hours, int minutes) {
        return DateTimeArgument.fromSignHoursMinutes(sign, hours, minutes);
    }

    static OffsetDateTime xmas(java.time.ZoneOffset offset) {
        return OffsetDateTime.of(2010, 12, 25, 0, 0, 0, 0, offset);
    }
}
