package dev.twj.protocols.amp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A packet in the AMP protocol: a mapping of byte-string keys to byte-string values, much like
 * a regular {@code bytes:bytes} dictionary.
 *
 * <p>Port of {@code twisted.protocols.amp.AmpBox}. Keys are {@code String}s whose characters are
 * bytes (ISO-8859-1), so every key received round-trips; a key with a character above U+00FF
 * cannot be serialized ({@link IllegalArgumentException}, where Twisted raises
 * {@code TypeError} for a unicode key). Values are {@code byte[]}; {@link #getString} and
 * {@link #of(String...)} convert UTF-8 for convenience. Keys iterate in sorted (wire) order.
 *
 * <p>Wire format: for each key in sorted order a 2-byte big-endian key length (1 to 255), the
 * key, a 2-byte value length (0 to 65,535), the value; then 2 zero bytes.
 *
 * <p>Equality compares the entries (values by content), not the class: a {@link QuitBox} equals
 * an {@code AmpBox} with the same entries, as Python dictionaries do. Not thread-safe.
 */
public class AmpBox {
    private final TreeMap<String, byte[]> entries = new TreeMap<>();

    /** Creates an empty box. */
    public AmpBox() {}

    /** Creates a box holding a copy of {@code entries}. */
    public AmpBox(Map<String, byte[]> entries) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new NullPointerException("null key or value: " + e.getKey());
            }
            this.entries.put(e.getKey(), e.getValue());
        }
    }

    /** Creates a box from alternating keys and values; values are encoded as UTF-8. */
    public static AmpBox of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keysAndValues length " + keysAndValues.length + " is odd");
        }
        AmpBox box = new AmpBox();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            box.put(keysAndValues[i], keysAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return box;
    }

    /** Sets {@code key} to {@code value}. */
    public AmpBox put(String key, byte[] value) {
        if (key == null || value == null) {
            throw new NullPointerException("key == null || value == null: " + key);
        }
        entries.put(key, value);
        return this;
    }

    /** Sets {@code key} to the UTF-8 encoding of {@code value}. */
    public AmpBox put(String key, String value) {
        return put(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies every entry of {@code other} into this box. */
    public void putAll(AmpBox other) {
        entries.putAll(other.entries);
    }

    /** Returns the value of {@code key}, or null. */
    public byte[] get(String key) {
        return entries.get(key);
    }

    /** Returns the value of {@code key} decoded as UTF-8, or null. */
    public String getString(String key) {
        byte[] v = entries.get(key);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** Returns true if the box has {@code key}. */
    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    /** Removes {@code key} and returns its value, or null. */
    public byte[] remove(String key) {
        return entries.remove(key);
    }

    /** Returns the keys, sorted, as a read-only view. */
    public Set<String> keySet() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** Returns the entries, sorted, as a read-only view. */
    public Map<String, byte[]> asMap() {
        return Collections.unmodifiableMap(entries);
    }

    /** Returns the number of entries. */
    public int size() {
        return entries.size();
    }

    /** Returns true if the box has no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Returns a box of the same class with the same entries (values are shared). */
    public AmpBox copy() {
        AmpBox box = newEmpty();
        box.entries.putAll(entries);
        return box;
    }

    /** Returns an empty box of this box's class; subclasses override to make {@link #copy} keep them. */
    protected AmpBox newEmpty() {
        return new AmpBox();
    }

    /**
     * Converts this box into its wire encoding.
     *
     * @throws TooLong if a key is longer than 255 bytes or a value longer than 65,535
     * @throws IllegalArgumentException if a key has a character above U+00FF
     */
    public byte[] serialize() {
        // Two passes (check and size, then copy) into one exact array: no stream, no growing.
        byte[][] keys = new byte[entries.size()][];
        int size = 2;
        int i = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] k = Amp.latin1(e.getKey());
            byte[] v = e.getValue();
            if (k.length > Amp.MAX_KEY_LENGTH) {
                throw new TooLong(true, true, k, null);
            }
            if (v.length > Amp.MAX_VALUE_LENGTH) {
                throw new TooLong(false, true, v, e.getKey());
            }
            if (k.length == 0) {
                throw new IllegalArgumentException("empty key: it would end the box on the wire");
            }
            keys[i++] = k;
            size += 4 + k.length + v.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        i = 0;
        for (byte[] v : entries.values()) {
            at = putLengthPrefixed(out, at, keys[i++]);
            at = putLengthPrefixed(out, at, v);
        }
        return out;
    }

    private static int putLengthPrefixed(byte[] out, int at, byte[] bytes) {
        out[at] = (byte) (bytes.length >> 8);
        out[at + 1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, out, at + 2, bytes.length);
        return at + 2 + bytes.length;
    }

    /**
     * Serializes and sends this box to {@code proto}. Port of {@code AmpBox._sendTo}; subclasses
     * ({@link QuitBox}, the switch box of {@link ProtocolSwitchCommand}) add what happens after.
     */
    public void sendTo(IBoxSender proto) {
        proto.sendBox(this);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AmpBox other) || other.entries.size() != entries.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.entries.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    /** Twisted's repr: {@code AmpBox({b'key': b'value'})}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + entriesRepr() + ")";
    }

    String entriesRepr() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(Amp.bytesRepr(e.getKey().getBytes(StandardCharsets.ISO_8859_1)))
                    .append(": ").append(Amp.bytesRepr(e.getValue()));
        }
        return sb.append('}').toString();
    }
}
