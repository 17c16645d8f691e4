package dev.twj.protocols.amp;

/**
 * Passes bytes through without conversion. Port of {@code twisted.protocols.amp.String}
 * (renamed: {@code String} would shadow {@code java.lang.String}); the Java value is
 * {@code byte[]}.
 */
public class StringArgument extends Argument {
    /** Creates a required argument. */
    public StringArgument() {}

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    public StringArgument(boolean optional) {
        super(optional);
    }

    @Override
    public Object fromString(byte[] inString) {
        return inString;
    }

    /**
     * Returns {@code inObject}, which must be a {@code byte[]}.
     *
     * @throws IllegalArgumentException otherwise (a String must go through {@link UnicodeArgument})
     */
    @Override
    public byte[] toString(Object inObject) {
        if (inObject instanceof byte[] b) {
            return b;
        }
        throw new IllegalArgumentException("amp.String needs byte[], got " + inObject);
    }
}
