package dev.twj.protocols.amp;

import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes file descriptors for exchange over a UNIX domain socket. Port of
 * {@code twisted.protocols.amp.Descriptor}.
 *
 * <p>The argument is encoded as an ordinal, unique per connection; the descriptor itself is sent
 * with {@link IFileDescriptorSender#sendFileDescriptor}, and the receiver matches received
 * descriptors to arguments by that ordinal. The protocol must be a {@link BinaryBoxProtocol}
 * whose transport implements {@link IFileDescriptorSender}; otherwise encoding throws
 * {@link UnsupportedOperationException}. twj has no UNIX-socket transport yet, so today only test
 * doubles can carry descriptors.
 */
public class Descriptor extends IntegerArgument {
    /** Creates a required argument. */
    public Descriptor() {}

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    public Descriptor(boolean optional) {
        super(optional);
    }

    /** Returns the descriptor received with the ordinal in {@code inString}. */
    @Override
    public Object fromStringProto(byte[] inString, Object proto) {
        long ordinal = ((Number) fromString(inString)).longValue();
        return ((BinaryBoxProtocol) proto)._getDescriptor((int) ordinal);
    }

    /** Sends the descriptor {@code inObject} (an {@code Integer}) and returns its ordinal. */
    @Override
    public byte[] toStringProto(Object inObject, Object proto) {
        if (!(proto instanceof BinaryBoxProtocol p)) {
            throw new UnsupportedOperationException("amp.Descriptor needs a BinaryBoxProtocol, got " + proto);
        }
        int identifier = p._sendFileDescriptor(((Number) inObject).intValue());
        return java.lang.Integer.toString(identifier).getBytes(StandardCharsets.US_ASCII);
    }
}
