package dev.twj.protocols.amp;

import java.nio.file.Path;

/**
 * Encodes file paths on the wire as UTF-8 text. Port of {@code twisted.protocols.amp.Path}
 * ({@code FilePath} becomes {@code java.nio.file.Path}). Really intended for subprocess
 * communication: pathnames on different machines are not generally meaningful, but neither are
 * they disallowed.
 */
public class PathArgument extends UnicodeArgument {
    /** Creates a required argument. */
    public PathArgument() {}

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    public PathArgument(boolean optional) {
        super(optional);
    }

    @Override
    public Object fromString(byte[] inString) {
        return Path.of((String) super.fromString(inString));
    }

    @Override
    public byte[] toString(Object inObject) {
        if (!(inObject instanceof Path p)) {
            throw new IllegalArgumentException("amp.Path needs a java.nio.file.Path, got " + inObject);
        }
        return super.toString(p.toString());
    }
}
