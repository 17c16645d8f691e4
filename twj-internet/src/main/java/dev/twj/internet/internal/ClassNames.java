package dev.twj.internet.internal;

/**
 * The name Twisted's log prefixes use for an object's class, {@code obj.__class__.__name__}.
 *
 * <p>Java's {@link Class#getSimpleName()} is that name for a named class, but it is empty for an
 * anonymous class ({@code new Protocol() { ... }}, common in Java where Python would name a
 * class), which left log lines such as {@code " starting on 8000"}. For those this returns the
 * binary name after its package, {@code ChatServer$1}, which names the enclosing class and the
 * position. Cached per class.
 */
public final class ClassNames {
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String simple = type.getSimpleName();
            if (!simple.isEmpty()) {
                return simple;
            }
            String name = type.getName();
            return name.substring(name.lastIndexOf('.') + 1);
        }
    };

    private ClassNames() {}

    /** Returns the simple name of {@code type}, or for an anonymous class its binary name's tail. */
    public static String nameOf(Class<?> type) {
        return NAMES.get(type);
    }
}
