package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.dict;

import java.util.List;
import java.util.Map;

/** Port of {@code ListOfUnicodeTests}: ListOf combined with UnicodeArgument. */
class ListOfUnicodeTests extends ListOfTestsMixin {
    @Override
    Argument elementType() {
        return new UnicodeArgument();
    }

    @Override
    AmpBox strings() {
        return new AmpBox()
                .put("empty", b(""))
                .put("single", b("\u0000\u0003foo"))
                .put("multiple", b("\u0000\u0003\u00e2\u0098\u0083\u0000\u0005Hello\u0000\u0005world"));
    }

    @Override
    Map<String, Object> objects() {
        return dict(
                "empty", List.of(),
                "single", List.of("foo"),
                "multiple", List.of("\u2603", "Hello", "world"));
    }
}
