package dev.twj.protocols.basic;

/**
 * A receiver for int8-prefixed strings. Port of
 * {@code twisted.protocols.basic.Int8StringReceiver}.
 *
 * <p>An int8 string is a string prefixed by 1 byte, the 8-bit length of the string
 * encoded in network byte order (unsigned, Twisted's struct format {@code !B}). This class
 * publishes the same interface as {@link NetstringReceiver}.
 */
public class Int8StringReceiver extends IntNStringReceiver {
    /** Creates a receiver of 1 byte length prefixes. */
    public Int8StringReceiver() {
        super(1);
    }
}
