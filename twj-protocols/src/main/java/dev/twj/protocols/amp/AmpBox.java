package dev.twj.protocols.amp;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    // The entries, sorted by key (String.compareTo, which for these byte strings is the unsigned
    // byte order of the wire), as triples: key String, its ISO-8859-1 bytes (null until first
    // needed), value. A small box (the usual 2 to 4 entries) costs one array and no map nodes;
    // keys received from the wire keep the bytes they came in, so they are not encoded again.
    private static final int STRIDE = 3;
    private static final Object[] EMPTY = {};
    private Object[] slots = EMPTY;
    private int size;

    /** Creates an empty box. */
    public AmpBox() {}

    /** Creates a box holding a copy of {@code entries}. */
    public AmpBox(Map<String, byte[]> entries) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new NullPointerException("null key or value: " + e.getKey());
            }
            putEncoded(e.getKey(), null, e.getValue());
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
        putEncoded(key, null, value);
        return this;
    }

    /**
     * Sets {@code key}, whose ISO-8859-1 encoding is {@code keyBytes} (or null: encoded when
     * needed), to {@code value}; {@code keyBytes} must never be changed afterwards.
     */
    final void putEncoded(String key, byte[] keyBytes, byte[] value) {
        int n = size;
        Object[] s = slots;
        int i;
        // Keys usually come in order (a parsed box, a schema): try appending first.
        if (n == 0 || key.compareTo((String) s[(n - 1) * STRIDE]) > 0) {
            i = n;
        } else {
            i = indexOf(key);
            if (i >= 0) {
                s[i * STRIDE] = key;
                s[i * STRIDE + 1] = keyBytes;
                s[i * STRIDE + 2] = value;
                return;
            }
            i = -i - 1;
        }
        if ((n + 1) * STRIDE > s.length) {
            s = Arrays.copyOf(s, Math.max(4, n * 2) * STRIDE);
            slots = s;
        }
        if (i < n) {
            System.arraycopy(s, i * STRIDE, s, (i + 1) * STRIDE, (n - i) * STRIDE);
        }
        s[i * STRIDE] = key;
        s[i * STRIDE + 1] = keyBytes;
        s[i * STRIDE + 2] = value;
        size = n + 1;
    }

    /** Returns the entry index of {@code key}, or {@code -(insertion point) - 1}. */
    private int indexOf(Object key) {
        // As the TreeMap this replaces: a null key is an error, not a miss.
        String k = (String) Objects.requireNonNull(key, "key");
        Object[] s = slots;
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = ((String) s[mid * STRIDE]).compareTo(k);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private String keyAt(int i) {
        return (String) slots[i * STRIDE];
    }

    private byte[] valueAt(int i) {
        return (byte[]) slots[i * STRIDE + 2];
    }

    /** Sets {@code key} to the UTF-8 encoding of {@code value}. */
    public AmpBox put(String key, String value) {
        return put(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies every entry of {@code other} into this box. */
    public void putAll(AmpBox other) {
        Object[] o = other.slots;
        for (int i = 0, n = other.size; i < n; i++) {
            putEncoded((String) o[i * STRIDE], (byte[]) o[i * STRIDE + 1], (byte[]) o[i * STRIDE + 2]);
        }
    }

    /** Returns the value of {@code key}, or null. */
    public byte[] get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : valueAt(i);
    }

    /** Returns the value of {@code key} decoded as UTF-8, or null. */
    public String getString(String key) {
        byte[] v = get(key);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** Returns true if the box has {@code key}. */
    public boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    /** Removes {@code key} and returns its value, or null. */
    public byte[] remove(String key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        byte[] v = valueAt(i);
        int n = size - 1;
        System.arraycopy(slots, (i + 1) * STRIDE, slots, i * STRIDE, (n - i) * STRIDE);
        Arrays.fill(slots, n * STRIDE, (n + 1) * STRIDE, null);
        size = n;
        return v;
    }

    /** Returns the keys, sorted, as a read-only view. */
    public Set<String> keySet() {
        return asMap().keySet();
    }

    /** Returns the entries, sorted, as a read-only view. */
    public Map<String, byte[]> asMap() {
        return new MapView();
    }

    /** Returns the number of entries. */
    public int size() {
        return size;
    }

    /** Returns true if the box has no entries. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Returns a box of the same class with the same entries (values are shared). */
    public AmpBox copy() {
        AmpBox box = newEmpty();
        if (box.size == 0) {
            box.slots = size == 0 ? EMPTY : slots.clone();
            box.size = size;
        } else {
            box.putAll(this);
        }
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
        Object[] s = slots;
        int n = size;
        int total = 2;
        for (int i = 0; i < n; i++) {
            byte[] k = (byte[]) s[i * STRIDE + 1];
            if (k == null) {
                k = encodeKey((String) s[i * STRIDE]);
                s[i * STRIDE + 1] = k;
            }
            byte[] v = (byte[]) s[i * STRIDE + 2];
            if (k.length > Amp.MAX_KEY_LENGTH) {
                throw new TooLong(true, true, k, null);
            }
            if (v.length > Amp.MAX_VALUE_LENGTH) {
                throw new TooLong(false, true, v, (String) s[i * STRIDE]);
            }
            if (k.length == 0) {
                throw new IllegalArgumentException("empty key: it would end the box on the wire");
            }
            total += 4 + k.length + v.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (int i = 0; i < n; i++) {
            at = putLengthPrefixed(out, at, (byte[]) s[i * STRIDE + 1]);
            at = putLengthPrefixed(out, at, (byte[]) s[i * STRIDE + 2]);
        }
        return out;
    }

    // The keys of every command and answer, encoded once (shared, so never handed out).
    private static final byte[] ASK_BYTES = Amp.latin1(Amp.ASK);
    private static final byte[] ANSWER_BYTES = Amp.latin1(Amp.ANSWER);
    private static final byte[] COMMAND_BYTES = Amp.latin1(Amp.COMMAND);

    // Other keys (argument names, mostly: the same few Strings on every call), encoded once;
    // bounded, so that boxes with ever-new keys cannot grow it without limit.
    private static final int KEY_CACHE_LIMIT = 1024;
    private static final ConcurrentHashMap<String, byte[]> KEY_CACHE = new ConcurrentHashMap<>();

    private static byte[] encodeKey(String key) {
        return switch (key) {
            case Amp.ASK -> ASK_BYTES;
            case Amp.ANSWER -> ANSWER_BYTES;
            case Amp.COMMAND -> COMMAND_BYTES;
            default -> {
                byte[] k = KEY_CACHE.get(key);
                if (k == null) {
                    k = Amp.latin1(key);
                    if (KEY_CACHE.size() < KEY_CACHE_LIMIT) {
                        KEY_CACHE.put(key, k);
                    }
                }
                yield k;
            }
        };
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
        if (!(o instanceof AmpBox other) || other.size != size) {
            return false;
        }
        // Both sorted by the same order: equal boxes have equal entries index by index.
        for (int i = 0; i < size; i++) {
            if (!keyAt(i).equals(other.keyAt(i)) || !Arrays.equals(valueAt(i), other.valueAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < size; i++) {
            h += keyAt(i).hashCode() ^ Arrays.hashCode(valueAt(i));
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
        for (int i = 0; i < size; i++) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(Amp.bytesRepr(keyAt(i).getBytes(StandardCharsets.ISO_8859_1)))
                    .append(": ").append(Amp.bytesRepr(valueAt(i)));
        }
        return sb.append('}').toString();
    }

    /** The live read-only view of {@link #asMap}: entries in key order. */
    private final class MapView extends AbstractMap<String, byte[]> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public byte[] get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : valueAt(i);
        }

        @Override
        public Set<Map.Entry<String, byte[]>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Map.Entry<String, byte[]>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Map.Entry<String, byte[]> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keyAt(i), valueAt(i));
                        }
                    };
                }
            };
        }
    }
}
