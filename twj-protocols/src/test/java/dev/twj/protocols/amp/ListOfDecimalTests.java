package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.dict;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Port of {@code ListOfDecimalTests}: ListOf combined with DecimalArgument. */
class ListOfDecimalTests extends ListOfTestsMixin {
    @Override
    Argument elementType() {
        return new DecimalArgument();
    }

    @Override
    AmpBox strings() {
        return new AmpBox()
                .put("empty", b(""))
                .put("single", b("\u0000\u00031.1"))
                .put("extreme", b("\u0000\u0008Infinity\u0000\u0009-Infinity"))
                .put("scientist", b("\u0000\u00083.141E+5\u0000\n0.00003141\u0000\u00083.141E-7"
                        + "\u0000\u0009-3.141E+5\u0000\u000b-0.00003141\u0000\u0009-3.141E-7"))
                .put("engineer", b("\u0000\u00040E+6\u0000\u00061.5E-9"));
    }

    @Override
    Map<String, Object> objects() {
        return dict(
                "empty", List.of(),
                "single", List.of(new BigDecimal("1.1")),
                "extreme", List.of(DecimalArgument.Special.INFINITY, DecimalArgument.Special.NEGATIVE_INFINITY),
                "scientist", List.of(new BigDecimal("3.141E5"), new BigDecimal("3.141e-5"), new BigDecimal("3.141E-7"),
                        new BigDecimal("-3.141e5"), new BigDecimal("-3.141E-5"), new BigDecimal("-3.141e-7")),
                "engineer", List.of(new BigDecimal("0e6"), new BigDecimal("1.5E-9")));
    }
}
