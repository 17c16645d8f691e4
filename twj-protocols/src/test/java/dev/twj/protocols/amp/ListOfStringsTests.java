package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.dict;

import java.util.List;
import java.util.Map;

/** Port of {@code ListOfStringsTests}: ListOf combined with StringArgument. */
class ListOfStringsTests extends ListOfTestsMixin {
    @Override
    Argument elementType() {
        return new StringArgument();
    }

    @Override
    AmpBox strings() {
        return new AmpBox()
                .put("empty", b(""))
                .put("single", b("\u0000\u0003foo"))
                .put("multiple", b("\u0000\u0003bar\u0000\u0003baz\u0000\u0004quux"));
    }

    @Override
    Map<String, Object> objects() {
        return dict(
                "empty", List.of(),
                "single", List.of(b("foo")),
                "multiple", List.of(b("bar"), b("baz"), b("quux")));
    }
}
