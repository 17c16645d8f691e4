package dev.twj.protocols.amp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts a list of maps into a list of AMP boxes on the wire: to pass
 * {@code [{a: 7, b: "hello"}, {a: 9, b: "goodbye"}]} declare
 * {@code new AmpList(List.of(arg("a", new IntegerArgument()), arg("b", new UnicodeArgument())))}.
 * Port of {@code twisted.protocols.amp.AmpList}; decodes to a {@code List<Map<String, Object>>}.
 */
public class AmpList extends Argument {
    /** The schema of each map. */
    public final List<Command.Arg> subargs;

    /** Creates a required list of maps with schema {@code subargs}. */
    public AmpList(List<Command.Arg> subargs) {
        this(subargs, false);
    }

    /** Creates a list of maps with schema {@code subargs}; {@code optional} says whether it can be omitted. */
    public AmpList(List<Command.Arg> subargs, boolean optional) {
        super(optional);
        this.subargs = List.copyOf(subargs);
    }

    @Override
    public Object fromStringProto(byte[] inString, Object proto) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (AmpBox box : Amp.parseString(inString)) {
            values.add(Command.stringsToObjects(box, subargs, proto));
        }
        return values;
    }

    @Override
    public byte[] toStringProto(Object inObject, Object proto) {
        if (!(inObject instanceof Iterable<?> items)) {
            throw new IllegalArgumentException("amp.AmpList needs an Iterable of Maps, got " + inObject);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object objects : items) {
            if (!(objects instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("amp.AmpList element is not a Map: " + objects);
            }
            out.writeBytes(Command.objectsToStrings(m, subargs, new AmpBox(), proto).serialize());
        }
        return out.toByteArray();
    }
}
