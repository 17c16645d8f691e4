package dev.twj.protocols.basic;

/**
 * A receiver for int16-prefixed strings. Port of
 * {@code twisted.protocols.basic.Int16StringReceiver}.
 *
 * <p>An int16 string is a string prefixed by 2 bytes, the 16-bit length of the string
 * encoded in network byte order (unsigned, Twisted's struct format {@code !H}). This class
 * publishes the same interface as {@link NetstringReceiver}.
 */
public class Int16StringReceiver extends IntNStringReceiver {
    /** Creates a receiver of 2 bytes length prefixes. */
    public Int16StringReceiver() {
        super(2);
    }
}
