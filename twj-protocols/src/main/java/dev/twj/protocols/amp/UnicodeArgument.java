package dev.twj.protocols.amp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a {@code String} on the wire as UTF-8. Port of {@code twisted.protocols.amp.Unicode}.
 * Decoding and encoding are strict, as in Python: malformed UTF-8 or a lone surrogate is an
 * {@link IllegalArgumentException}.
 */
public class UnicodeArgument extends Argument {
    /** Creates a required argument. */
    public UnicodeArgument() {}

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    public UnicodeArgument(boolean optional) {
        super(optional);
    }

    @Override
    public Object fromString(byte[] inString) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(inString)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("amp.Unicode value is not UTF-8: " + Amp.bytesRepr(inString), e);
        }
    }

    @Override
    public byte[] toString(Object inObject) {
        if (!(inObject instanceof String s)) {
            throw new IllegalArgumentException("amp.Unicode needs a String, got " + inObject);
        }
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("amp.Unicode value has a lone surrogate: " + s, e);
        }
    }
}
