package dev.twj.protocols.amp;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.python.failure.Failure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds responders by {@link Responder} annotation or registration, and wraps them with serialization. */
final class Responders {
    private Responders() {}

    /** A command and the function responding to it. */
    record Registered(Command command, CommandResponder responder) {}

    private record Annotated(Command command, Method method) {}

    private static final ClassValue<Map<String, Annotated>> ANNOTATED = new ClassValue<>() {
        @Override
        protected Map<String, Annotated> computeValue(Class<?> type) {
            List<Class<?>> lineage = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                lineage.add(0, c);
            }
            Map<String, Annotated> found = new HashMap<>();
            for (Class<?> c : lineage) {
                for (Method m : c.getDeclaredMethods()) {
                    Responder r = m.getAnnotation(Responder.class);
                    if (r == null) {
                        continue;
                    }
                    if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 1
                            || (m.getParameterCount() == 1 && m.getParameterTypes()[0] != Map.class)) {
                        throw new IllegalArgumentException("@Responder method " + m
                                + " must be an instance method taking nothing or a Map<String, Object>");
                    }
                    try {
                        m.setAccessible(true);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("@Responder method " + m + " is not accessible to"
                                + " dev.twj.protocols: make it public in an exported package, or open the package", e);
                    }
                    Command command = Command.of(r.value());
                    found.put(command.commandName(), new Annotated(command, m));
                }
            }
            return Map.copyOf(found);
        }
    };

    /**
     * Locates the responder for {@code name}: a registration first, then an annotated method of
     * {@code target}; wrapped with {@code command}'s serialization for {@code proto}.
     */
    static BoxResponder locate(Object target, Map<String, Registered> registered, String name, Object proto) {
        Registered r = registered.get(name);
        if (r != null) {
            return wrapWithSerialization(r.command(), r.responder(), proto);
        }
        Annotated a = ANNOTATED.get(target.getClass()).get(name);
        if (a == null) {
            return null;
        }
        Method m = a.method();
        CommandResponder fn = new CommandResponder() {
            @Override
            public Object respond(Map<String, Object> args) throws Exception {
                try {
                    return m.getParameterCount() == 0 ? m.invoke(target) : m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw Command.sneaky(e.getCause());
                }
            }

            @Override
            public String toString() {
                return m.getDeclaringClass().getSimpleName() + "." + m.getName();
            }
        };
        return wrapWithSerialization(a.command(), fn, proto);
    }

    /**
     * Wraps {@code fn} with its command's argument parsing and result serialization: the result
     * takes a box and returns a Deferred firing with the answer box, or failing with a
     * {@link RemoteAmpError} for a declared error. Port of {@code _wrapWithSerialization}.
     */
    static BoxResponder wrapWithSerialization(Command command, CommandResponder fn, Object proto) {
        return box -> {
            Map<String, Object> kw = command.parseArguments(box, proto);
            Command.Derived derived = command.derived();
            Map<Class<? extends Throwable>, String> allErrors = derived.allErrors();
            Class<?>[] keys = derived.errorTypes();
            Deferred<Object> d = Defer.maybeDeferred(() -> fn.respond(kw));
            return d.<Object>addCallback(objects -> {
                try {
                    return command.makeResponse(objects, proto);
                } catch (RemoteAmpError e) {
                    // Twisted's makeResponse returns fail() when the response box cannot be made.
                    throw e;
                } catch (RuntimeException e) {
                    throw new BadLocalReturn(fn + " returned " + objects + " and " + command
                            + " could not serialize it", new Failure(e));
                }
            }).addErrback(error -> {
                Class<?> key = error.trap(keys);
                String code = allErrors.get(key);
                String desc = error.getErrorMessage();
                throw new RemoteAmpError(code, desc, command.fatalErrors().containsKey(key), error);
            });
        };
    }
}
