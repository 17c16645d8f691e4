package dev.twj.protocols.amp;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.ITransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Module-level names of {@code twisted.protocols.amp}: the special keys, error codes, length
 * limits, {@link #parseString} and the wire-name to identifier mapping.
 *
 * <p>Keys, command names and error codes are {@code String}s whose characters are the wire bytes
 * (ISO-8859-1), so that any byte string received round-trips; {@link #latin1} converts.
 */
public final class Amp {
    private Amp() {}

    /** The key holding the tag of a command that wants an answer. */
    public static final String ASK = "_ask";
    /** The key holding the tag of the command an answer box answers. */
    public static final String ANSWER = "_answer";
    /** The key holding the command name. */
    public static final String COMMAND = "_command";
    /** The key holding the tag of the command an error box answers. */
    public static final String ERROR = "_error";
    /** The key holding the error code of an error box. */
    public static final String ERROR_CODE = "_error_code";
    /** The key holding the error description of an error box. */
    public static final String ERROR_DESCRIPTION = "_error_description";
    /** The error code sent for errors the command does not declare. */
    public static final String UNKNOWN_ERROR_CODE = "UNKNOWN";
    /** The error code sent for commands that have no responder. */
    public static final String UNHANDLED_ERROR_CODE = "UNHANDLED";
    /** The longest key, in bytes. */
    public static final int MAX_KEY_LENGTH = 0xFF;
    /** The longest value, in bytes. */
    public static final int MAX_VALUE_LENGTH = 0xFFFF;

    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "and", "del", "for", "is", "raise", "assert", "elif", "from", "lambda", "return",
            "break", "else", "global", "not", "try", "class", "except", "if", "or", "while",
            "continue", "exec", "import", "pass", "yield", "def", "finally", "in", "print");

    /**
     * Normalizes an argument name from the wire for use as a key of an objects map: dashes become
     * underscores and a Python keyword is capitalized ({@code from} -> {@code From}), exactly as
     * Twisted's {@code _wireNameToPythonIdentifier}, so Java and Python peers agree on names.
     */
    public static String wireNameToPythonIdentifier(String key) {
        if ((key.length() < 2 || key.length() > 8) && key.indexOf('-') < 0) {
            return key; // no dash, and no keyword is that short or long: the common case
        }
        String lkey = key.replace('-', '_');
        if (PYTHON_KEYWORDS.contains(lkey)) {
            return Character.toUpperCase(lkey.charAt(0)) + lkey.substring(1);
        }
        return lkey;
    }

    /** Returns the bytes of {@code s}, one per character; characters above U+00FF are an error. */
    public static byte[] latin1(String s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException(
                        "AMP keys, command names and error codes are byte strings: "
                                + repr(s) + " has character U+" + String.format("%04X", (int) c));
            }
            out[i] = (byte) c;
        }
        return out;
    }

    /** Returns {@code bytes} as a String with one character per byte. */
    public static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Python's {@code repr} of a bytes object, as in {@code b'hello'}. */
    static String bytesRepr(byte[] b) {
        StringBuilder sb = new StringBuilder("b'");
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == '\\' || c == '\'') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c >= 0x7F) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append('\'').toString();
    }

    static String repr(String s) {
        return "'" + s + "'";
    }

    /**
     * Parses AMP-encoded data into the boxes it holds. Port of {@code amp.parseString}.
     *
     * @throws MalformedAmpBox if a key is too long or the data ends inside a box (Twisted ignores
     *     a trailing partial box; an argument value must not lose bytes silently)
     */
    public static List<AmpBox> parseString(byte[] data) {
        List<AmpBox> boxes = new ArrayList<>();
        BinaryBoxProtocol bbp = new BinaryBoxProtocol(new IBoxReceiver() {
            @Override
            public void startReceivingBoxes(IBoxSender sender) {}

            @Override
            public void ampBoxReceived(AmpBox box) {
                boxes.add(box);
            }

            @Override
            public void stopReceivingBoxes(dev.twj.python.failure.Failure reason) {}
        });
        bbp.makeConnection(new ParserTransport());
        bbp.parseOnly(data);
        return boxes;
    }

    /** The transport of {@link #parseString}: closing it means the data is malformed. */
    private static final class ParserTransport implements ITransport {
        @Override
        public void write(byte[] data) {}

        @Override
        public void writeSequence(Iterable<byte[]> data) {}

        @Override
        public void loseConnection() {
            throw new MalformedAmpBox("key length prefix above " + MAX_KEY_LENGTH);
        }

        @Override
        public IAddress getPeer() {
            return null;
        }

        @Override
        public IAddress getHost() {
            return null;
        }
    }
}
