package dev.twj.protocols.amp;

import java.util.Arrays;

/**
 * Encodes true or false as {@code "True"} or {@code "False"} on the wire. Port of
 * {@code twisted.protocols.amp.Boolean}.
 */
public class BooleanArgument extends Argument {
    private static final byte[] TRUE = {'T', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'F', 'a', 'l', 's', 'e'};

    /** Creates a required argument. */
    public BooleanArgument() {}

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    public BooleanArgument(boolean optional) {
        super(optional);
    }

    /**
     * Parses exactly {@code "True"} or {@code "False"}.
     *
     * @throws IllegalArgumentException for anything else (Twisted: {@code TypeError})
     */
    @Override
    public Object fromString(byte[] inString) {
        if (Arrays.equals(inString, TRUE)) {
            return true;
        } else if (Arrays.equals(inString, FALSE)) {
            return false;
        }
        throw new IllegalArgumentException("Bad boolean value: " + Amp.bytesRepr(inString));
    }

    /** Encodes a {@code Boolean}; as in Python, only {@code true} is truthy here. */
    @Override
    public byte[] toString(Object inObject) {
        return Boolean.TRUE.equals(inObject) ? TRUE.clone() : FALSE.clone();
    }
}
