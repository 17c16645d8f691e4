package dev.twj.protocols.amp;

import java.util.Map;

/**
 * Base class of the objects that convert values between AMP boxes and Java objects for
 * responders and callers.
 *
 * <p>Port of {@code twisted.protocols.amp.Argument} (and {@code IArgumentType}). Subclasses
 * usually override {@link #fromString(byte[])} and {@link #toString(Object)}; those needing the
 * protocol override {@link #fromStringProto} and {@link #toStringProto}; those spanning several
 * keys override {@link #fromBox} and {@link #toBox}. The argument types, with the Java value each
 * maps to:
 *
 * <pre>
 *   Twisted          twj                    Java value
 *   Integer          IntegerArgument        Long, or BigInteger beyond long (any integral Number sent)
 *   String           StringArgument         byte[]
 *   Unicode          UnicodeArgument        String (UTF-8 on the wire)
 *   Boolean          BooleanArgument        Boolean ("True"/"False")
 *   Float            FloatArgument          Double (Python's repr: "nan", "inf", "1e-05")
 *   Decimal          DecimalArgument        BigDecimal, or DecimalArgument.Special (NaN, Infinity ...)
 *   DateTime         DateTimeArgument       OffsetDateTime (microseconds, fixed offset)
 *   Path             PathArgument           java.nio.file.Path
 *   ListOf           ListOf                 List of the element type's values
 *   AmpList          AmpList                List of Map&lt;String, Object&gt;
 *   Descriptor       Descriptor             Integer (needs an IFileDescriptorSender transport)
 * </pre>
 *
 * <p>Objects maps are keyed by {@link Amp#wireNameToPythonIdentifier} of the wire name, as in
 * Twisted ({@code from} -> {@code From}, {@code dash-arg} -> {@code dash_arg}).
 */
public abstract class Argument {
    /** True if this argument can be omitted in the protocol (its value is then null). */
    public final boolean optional;

    /** Creates a required argument. */
    protected Argument() {
        this(false);
    }

    /** Creates an argument; {@code optional} says whether it can be omitted. */
    protected Argument(boolean optional) {
        this.optional = optional;
    }

    /**
     * Reads {@code name} from {@code strings} and puts the decoded value into {@code objects}
     * under its identifier (null if optional and absent).
     *
     * @throws MalformedAmpBox if the argument is required and absent
     */
    public void fromBox(String name, AmpBox strings, Map<String, Object> objects, Object proto) {
        byte[] st = strings.remove(name);
        String nk = Amp.wireNameToPythonIdentifier(name);
        if (st == null) {
            if (!optional) {
                throw new MalformedAmpBox("required argument " + Amp.repr(name) + " is missing from " + strings);
            }
            objects.put(nk, null);
        } else {
            objects.put(nk, fromStringProto(st, proto));
        }
    }

    /**
     * Takes the value of {@code name} out of {@code objects} and writes its encoding into
     * {@code strings}; an optional argument that is absent or null is omitted.
     *
     * @throws InvalidSignature if the argument is required and absent
     * @throws IllegalArgumentException if the argument is required and null
     */
    public void toBox(String name, AmpBox strings, Map<String, Object> objects, Object proto) {
        String nk = Amp.wireNameToPythonIdentifier(name);
        boolean present = objects.containsKey(nk);
        Object obj = objects.remove(nk);
        if (!present && !optional) {
            throw new InvalidSignature("required argument " + Amp.repr(nk) + " is missing");
        }
        if (obj == null) {
            if (!optional) {
                throw new IllegalArgumentException("required argument " + Amp.repr(nk) + " is null");
            }
            return;
        }
        strings.put(name, toStringProto(obj, proto));
    }

    /** Converts a wire string to a Java value, for {@code proto}. */
    public Object fromStringProto(byte[] inString, Object proto) {
        return fromString(inString);
    }

    /** Converts a Java value to a wire string, for {@code proto}. */
    public byte[] toStringProto(Object inObject, Object proto) {
        return toString(inObject);
    }

    /** Converts a wire string to a Java value. Subclasses must implement this or {@link #fromStringProto}. */
    public Object fromString(byte[] inString) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement fromString");
    }

    /** Converts a Java value into a wire string. Subclasses must implement this or {@link #toStringProto}. */
    public byte[] toString(Object inObject) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement toString(Object)");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (optional ? "(optional=True)" : "()");
    }
}
