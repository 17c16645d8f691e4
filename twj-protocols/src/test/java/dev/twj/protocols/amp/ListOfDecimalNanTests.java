package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.dict;

import java.util.List;
import java.util.Map;

/** Port of {@code ListOfDecimalNanTests}: ListOf combined with DecimalArgument for not-a-number values. */
class ListOfDecimalNanTests extends ListOfTestsMixin {
    @Override
    Argument elementType() {
        return new DecimalArgument();
    }

    @Override
    AmpBox strings() {
        return new AmpBox()
                .put("nan", b("\u0000\u0003NaN\u0000\u0004-NaN\u0000\u0004sNaN\u0000\u0005-sNaN"));
    }

    @Override
    Map<String, Object> objects() {
        return dict(
                "nan", List.of(DecimalArgument.Special.NAN, DecimalArgument.Special.NEGATIVE_NAN,
                        DecimalArgument.Special.SNAN, DecimalArgument.Special.NEGATIVE_SNAN));
    }

    /** ListOf.fromBox reverses ListOf.toBox; NaNs are checked by kind and sign, as in Twisted. */
    @Override
    public void test_fromBox() {
        ListOf stringList = new ListOf(elementType());
        Map<String, Object> objects = new java.util.HashMap<>();
        for (String key : strings().keySet()) {
            stringList.fromBox(key, strings().copy(), objects, null);
        }
        List<?> n = (List<?>) objects.get("nan");
        assertTrue(isQnan(n.get(0)) && !isSigned(n.get(0)));
        assertTrue(isQnan(n.get(1)) && isSigned(n.get(1)));
        assertTrue(isSnan(n.get(2)) && !isSigned(n.get(2)));
        assertTrue(isSnan(n.get(3)) && isSigned(n.get(3)));
    }

    static boolean isQnan(Object d) {
        return d.toString().contains("NaN") && !d.toString().contains("sNaN");
    }

    static boolean isSnan(Object d) {
        return d.toString().contains("sNaN");
    }

    static boolean isSigned(Object d) {
        return d.toString().contains("-");
    }
}
