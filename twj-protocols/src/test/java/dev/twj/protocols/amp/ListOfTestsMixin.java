package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.norm;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.HashMap;
import java.util.Map;

/**
 * Port of {@code ListOfTestsMixin}: base class for testing ListOf, a parameterized zero-or-more
 * argument type. Subclasses give the element type, serialized forms by key and the lists they
 * stand for.
 */
abstract class ListOfTestsMixin extends SynchronousTestCase {
    /** The element type the tests make a ListOf of. */
    abstract Argument elementType();

    /** The correct serialized form of some example lists, by key. */
    abstract AmpBox strings();

    /** The lists which serialize to {@link #strings()}, by the same keys. */
    abstract Map<String, Object> objects();

    /** ListOf.toBox serializes each list into the strings box under the same key. */
    public void test_toBox() {
        ListOf stringList = new ListOf(elementType());
        AmpBox strings = new AmpBox();
        for (String key : objects().keySet()) {
            stringList.toBox(key, strings, new HashMap<>(objects()), null);
        }
        assertEqual(norm(strings.asMap()), norm(strings().asMap()));
    }

    /** ListOf.fromBox reverses the operation performed by ListOf.toBox. */
    public void test_fromBox() {
        ListOf stringList = new ListOf(elementType());
        Map<String, Object> objects = new HashMap<>();
        for (String key : strings().keySet()) {
            stringList.fromBox(key, strings().copy(), objects, null);
        }
        assertEqual(norm(objects), norm(objects()));
    }
}
