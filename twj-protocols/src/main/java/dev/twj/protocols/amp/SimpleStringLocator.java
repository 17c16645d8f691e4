package dev.twj.protocols.amp;

import dev.twj.internet.defer.Deferred;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Simple, string-based dispatch: the responder of command {@code name} is the method
 * {@code amp_NAME(AmpBox)} (name upper-cased) of the same object, returning an {@link AmpBox}
 * or a {@code Deferred} of one. Port of {@code twisted.protocols.amp.SimpleStringLocator}.
 */
public class SimpleStringLocator implements IResponderLocator {
    /** The prefix of responder method names. */
    public static final String baseDispatchPrefix = "amp_";

    /** Creates a locator whose responders are its {@code amp_*} methods. */
    public SimpleStringLocator() {}

    @Override
    public BoxResponder locateResponder(String name) {
        return locate(this, name);
    }

    /** Returns the {@code amp_NAME(AmpBox)} method of {@code target} as a responder, or null. */
    static BoxResponder locate(Object target, String name) {
        String fName = baseDispatchPrefix + name.toUpperCase(Locale.ROOT);
        for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Method m;
            try {
                m = c.getDeclaredMethod(fName, AmpBox.class);
            } catch (NoSuchMethodException e) {
                continue;
            }
            if (m.getReturnType() != AmpBox.class && m.getReturnType() != Deferred.class
                    && m.getReturnType() != Object.class) {
                return null;
            }
            try {
                m.setAccessible(true);
            } catch (RuntimeException e) {
                return null;
            }
            return box -> {
                try {
                    return m.invoke(target, box);
                } catch (InvocationTargetException e) {
                    throw Command.sneaky(e.getCause());
                }
            };
        }
        return null;
    }
}
