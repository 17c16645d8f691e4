package dev.twj.protocols.amp;

/**
 * One of the protocol's length limitations was violated: a key longer than
 * {@link Amp#MAX_KEY_LENGTH} bytes or a value longer than {@link Amp#MAX_VALUE_LENGTH} bytes.
 *
 * <p>Port of {@code twisted.protocols.amp.TooLong}.
 */
public class TooLong extends AmpError {
    private static final long serialVersionUID = 1L;

    /** True if the string was in a key position, false if it was a value. */
    public final boolean isKey;

    /**
     * True if the string was encoded locally, false if it was received too long from the
     * network (only keys can physically be too long on the wire).
     */
    public final boolean isLocal;

    /** The string that was too long, or null when it was never read (a remote key). */
    public final transient byte[] value;

    /** The key a too-long value was encoded for, or null for a key. */
    public final String keyName;

    /** Creates the error; see the fields. */
    public TooLong(boolean isKey, boolean isLocal, byte[] value, String keyName) {
        super(describe(isKey, isLocal, value, keyName));
        this.isKey = isKey;
        this.isLocal = isLocal;
        this.value = value;
        this.keyName = keyName;
    }

    private static String describe(boolean isKey, boolean isLocal, byte[] value, String keyName) {
        String hdr = isKey ? "key" : "value " + (keyName == null ? "None" : Amp.bytesRepr(Amp.latin1(keyName)));
        String lcl = isLocal ? "local" : "remote";
        return lcl + " " + hdr + " too long: " + (value == null ? "unknown" : value.length);
    }
}
