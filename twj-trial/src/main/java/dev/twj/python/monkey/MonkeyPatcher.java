package dev.twj.python.monkey;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Cover up fields with new values, and reverse the process. Port of
 * {@code twisted.python.monkey.MonkeyPatcher}.
 *
 * <p>Where Java differs: Python sets any attribute; here a patch sets a field by reflection. The
 * target is either a {@link Class}, for a static field, or an object, for an instance field
 * declared by its class or a superclass. {@code static final} fields, record components and fields
 * of classes in modules that are not open to {@code dev.twj.trial} cannot be patched: the patch
 * fails with an {@link IllegalArgumentException} saying so.
 */
public final class MonkeyPatcher {
    private record Patch(Object target, String name, Object value) {}

    private record Original(Field field, Object target, Object value) {}

    private final List<Patch> patches = new ArrayList<>();
    private final List<Original> originals = new ArrayList<>();

    /** Creates a patcher for the given (target, name, value) triples, each three arguments long. */
    public MonkeyPatcher(Object... targetNameValueTriples) {
        if (targetNameValueTriples.length % 3 != 0) {
            throw new IllegalArgumentException(
                    "patches come as (target, name, value) triples; got "
                            + targetNameValueTriples.length + " arguments");
        }
        for (int i = 0; i < targetNameValueTriples.length; i += 3) {
            addPatch(targetNameValueTriples[i], (String) targetNameValueTriples[i + 1],
                    targetNameValueTriples[i + 2]);
        }
    }

    /**
     * Adds a patch so that the field {@code name} of {@code target} is set to {@code value} when
     * {@link #patch} is called.
     */
    public void addPatch(Object target, String name, Object value) {
        patches.add(new Patch(target, name, value));
    }

    /** Applies all of the patches, remembering the original values the first time. */
    public void patch() {
        for (Patch p : patches) {
            Field field = field(p.target(), p.name());
            Object instance = Modifier.isStatic(field.getModifiers()) ? null : p.target();
            if (!alreadyPatched(field, instance)) {
                originals.add(new Original(field, instance, get(field, instance)));
            }
            set(field, instance, p.value());
        }
    }

    /** Restores the original values of every patched field, the most recent patch first. */
    public void restore() {
        while (!originals.isEmpty()) {
            Original o = originals.remove(originals.size() - 1);
            set(o.field(), o.target(), o.value());
        }
    }

    /** Applies the patches, runs {@code f}, and restores the originals even if it throws. */
    public <T> T runWithPatches(java.util.concurrent.Callable<T> f) throws Exception {
        patch();
        try {
            return f.call();
        } finally {
            restore();
        }
    }

    private boolean alreadyPatched(Field field, Object instance) {
        for (Original o : originals) {
            if (o.field().equals(field) && o.target() == instance) {
                return true;
            }
        }
        return false;
    }

    /** Finds the field {@code name} of {@code target}: static if it is a Class, else an instance's. */
    static Field field(Object target, String name) {
        boolean isClass = target instanceof Class<?>;
        Class<?> type = isClass ? (Class<?>) target : target.getClass();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Field f;
            try {
                f = c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                continue;
            }
            if (Modifier.isStatic(f.getModifiers()) != isClass) {
                continue;
            }
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())) {
                throw new IllegalArgumentException(
                        "cannot patch static final field " + c.getName() + "." + name);
            }
            try {
                f.setAccessible(true);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "cannot patch " + c.getName() + "." + name + ": " + e.getMessage(), e);
            }
            return f;
        }
        throw new IllegalArgumentException(
                (isClass ? "no static field " : "no instance field ") + name + " in " + type.getName());
    }

    private static Object get(Field field, Object instance) {
        try {
            return field.get(instance);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot read " + field + ": " + e.getMessage(), e);
        }
    }

    private static void set(Field field, Object instance, Object value) {
        try {
            field.set(instance, value);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot patch " + field + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MonkeyPatcher{patches=" + patches.size() + ", applied=" + originals.size() + "}";
    }
}
