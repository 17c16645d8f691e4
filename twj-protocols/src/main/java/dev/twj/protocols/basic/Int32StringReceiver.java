package dev.twj.protocols.basic;

/**
 * A receiver for int32-prefixed strings. Port of
 * {@code twisted.protocols.basic.Int32StringReceiver}.
 *
 * <p>An int32 string is a string prefixed by 4 bytes, the 32-bit length of the string
 * encoded in network byte order (unsigned, Twisted's struct format {@code !I}). This class
 * publishes the same interface as {@link NetstringReceiver}.
 */
public class Int32StringReceiver extends IntNStringReceiver {
    /** Creates a receiver of 4 bytes length prefixes. */
    public Int32StringReceiver() {
        super(4);
    }
}
