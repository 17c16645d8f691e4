package dev.twj.protocols.amp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes lists of values of a single other argument type: {@code [3, 7, 9, 15]} is
 * {@code new ListOf(new IntegerArgument())}. Port of {@code twisted.protocols.amp.ListOf}.
 *
 * <p>Elements are 16-bit length-prefixed strings produced by the element type's
 * {@link Argument#toString(Object)} (so only types implementing {@code fromString} and
 * {@code toString} can be elements); the whole list is subject to
 * {@link Amp#MAX_VALUE_LENGTH}. Difference: Twisted silently drops a truncated trailing
 * element; this raises {@link MalformedAmpBox}.
 */
public class ListOf extends Argument {
    /** The argument type of the elements. */
    public final Argument elementType;

    /** Creates a required list of {@code elementType}. */
    public ListOf(Argument elementType) {
        this(elementType, false);
    }

    /** Creates a list of {@code elementType}; {@code optional} says whether it can be omitted. */
    public ListOf(Argument elementType, boolean optional) {
        super(optional);
        this.elementType = elementType;
    }

    /** Converts the serialized form of a list back into that list. */
    @Override
    public Object fromString(byte[] inString) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < inString.length) {
            if (inString.length - i < 2) {
                throw new MalformedAmpBox("ListOf value ends inside a length prefix");
            }
            int len = ((inString[i] & 0xFF) << 8) | (inString[i + 1] & 0xFF);
            if (inString.length - i - 2 < len) {
                throw new MalformedAmpBox("ListOf element of " + len + " bytes is truncated");
            }
            byte[] element = java.util.Arrays.copyOfRange(inString, i + 2, i + 2 + len);
            out.add(elementType.fromString(element));
            i += 2 + len;
        }
        return out;
    }

    /**
     * Serializes the given list (any {@code Iterable}) to a single string.
     *
     * @throws IllegalArgumentException if {@code inObject} is not iterable or an element is too long
     */
    @Override
    public byte[] toString(Object inObject) {
        if (!(inObject instanceof Iterable<?> items)) {
            throw new IllegalArgumentException("amp.ListOf needs an Iterable, got " + inObject);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object obj : items) {
            byte[] serialized = elementType.toString(obj);
            if (serialized.length > Amp.MAX_VALUE_LENGTH) {
                throw new TooLong(false, true, serialized, null);
            }
            out.write(serialized.length >> 8);
            out.write(serialized.length & 0xFF);
            out.writeBytes(serialized);
        }
        return out.toByteArray();
    }
}
