package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.dict;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.HashMap;
import java.util.Map;

/** Port of {@code ListOfOptionalTests}: ListOf arguments can be omitted via 'optional'. */
class ListOfOptionalTests extends SynchronousTestCase {
    /** toBox raises when passed null for a required argument (Twisted: TypeError). */
    public void test_requiredArgumentWithNoneValueRaisesTypeError() {
        ListOf stringList = new ListOf(new IntegerArgument());
        assertRaises(IllegalArgumentException.class, () -> stringList.toBox("omitted", new AmpBox(), dict("omitted", null), null));
    }

    /** toBox silently omits an optional argument whose value is null. */
    public void test_optionalArgumentWithNoneValueOmitted() {
        ListOf stringList = new ListOf(new IntegerArgument(), true);
        AmpBox strings = new AmpBox();
        stringList.toBox("omitted", strings, dict("omitted", null), null);
        assertEqual(strings, new AmpBox());
    }

    /** toBox raises if a required argument's key is absent (Twisted: KeyError). */
    public void test_requiredArgumentWithKeyMissingRaisesKeyError() {
        ListOf stringList = new ListOf(new IntegerArgument());
        assertRaises(InvalidSignature.class, () -> stringList.toBox("ommited", new AmpBox(), dict("someOtherKey", 0), null));
    }

    /** toBox silently omits an optional argument whose key is absent. */
    public void test_optionalArgumentWithKeyMissingOmitted() {
        ListOf stringList = new ListOf(new IntegerArgument(), true);
        AmpBox strings = new AmpBox();
        stringList.toBox("ommited", strings, dict("someOtherKey", 0), null);
        assertEqual(strings, new AmpBox());
    }

    /** fromBox reverses toBox for optional arguments: an omitted one decodes as null. */
    public void test_omittedOptionalArgumentDeserializesAsNone() {
        ListOf stringList = new ListOf(new IntegerArgument(), true);
        Map<String, Object> objects = new HashMap<>();
        stringList.fromBox("omitted", new AmpBox(), objects, null);
        assertEqual(objects, dict("omitted", null));
    }
}
