package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.dict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Port of {@code ListOfOptionalTests}: ListOf arguments can be omitted via 'optional'. */
class ListOfOptionalTests {
    /** toBox raises when passed null for a required argument (Twisted: TypeError). */
    @Test
    public void test_requiredArgumentWithNoneValueRaisesTypeError() {
        ListOf stringList = new ListOf(new IntegerArgument());
        assertThrows(IllegalArgumentException.class,
                () -> stringList.toBox("omitted", new AmpBox(), dict("omitted", null), null));
    }

    /** toBox silently omits an optional argument whose value is null. */
    @Test
    public void test_optionalArgumentWithNoneValueOmitted() {
        ListOf stringList = new ListOf(new IntegerArgument(), true);
        AmpBox strings = new AmpBox();
        stringList.toBox("omitted", strings, dict("omitted", null), null);
        assertEquals(new AmpBox(), strings);
    }

    /** toBox raises if a required argument's key is absent (Twisted: KeyError). */
    @Test
    public void test_requiredArgumentWithKeyMissingRaisesKeyError() {
        ListOf stringList = new ListOf(new IntegerArgument());
        assertThrows(InvalidSignature.class,
                () -> stringList.toBox("ommited", new AmpBox(), dict("someOtherKey", 0), null));
    }

    /** toBox silently omits an optional argument whose key is absent. */
    @Test
    public void test_optionalArgumentWithKeyMissingOmitted() {
        ListOf stringList = new ListOf(new IntegerArgument(), true);
        AmpBox strings = new AmpBox();
        stringList.toBox("ommited", strings, dict("someOtherKey", 0), null);
        assertEquals(new AmpBox(), strings);
    }

    /** fromBox reverses toBox for optional arguments: an omitted one decodes as null. */
    @Test
    public void test_omittedOptionalArgumentDeserializesAsNone() {
        ListOf stringList = new ListOf(new IntegerArgument(), true);
        Map<String, Object> objects = new HashMap<>();
        stringList.fromBox("omitted", new AmpBox(), objects, null);
        assertEquals(dict("omitted", null), objects);
    }
}
