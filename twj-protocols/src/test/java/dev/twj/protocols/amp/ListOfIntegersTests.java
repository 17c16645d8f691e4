package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.dict;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Port of {@code ListOfIntegersTests}: ListOf combined with IntegerArgument. */
class ListOfIntegersTests extends ListOfTestsMixin {
    @Override
    Argument elementType() {
        return new IntegerArgument();
    }

    @Override
    AmpBox strings() {
        return new AmpBox()
                .put("empty", b(""))
                .put("single", b("\u0000\u000210"))
                .put("multiple", b("\u0000\u00011\u0000\u000220\u0000\u0003500"))
                .put("huge", b("\u0000\u0074" + HUGE))
                .put("negative", b("\u0000\u0002-1"));
    }

    @Override
    Map<String, Object> objects() {
        return dict(
                "empty", List.of(),
                "single", List.of(10L),
                "multiple", List.of(1L, 20L, 500L),
                "huge", List.of(HUGE),
                "negative", List.of(-1L));
    }

    static final BigInteger HUGE = new BigInteger("9999999999999999999999999999999999999999999999999999999999")
            .multiply(new BigInteger("9999999999999999999999999999999999999999999999999999999999"));
}
