package dev.twj.protocols.amp;

import dev.twj.internet.defer.Deferred;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An AMP command: its name, the schema of its arguments and of its response, the errors it may
 * raise. Subclass it and describe the command in the constructor:
 *
 * <pre>{@code
 * public final class Sum extends Command {
 *     public Sum() {
 *         commandName("sum");                                   // default: the simple class name
 *         arguments(arg("a", new IntegerArgument()), arg("b", new IntegerArgument()));
 *         response(arg("total", new IntegerArgument()));
 *         errors(ArithmeticException.class, "ZERO");            // error type -> wire code
 *         fatalErrors(SecurityException.class, "DENIED");       // these also close the connection
 *     }
 * }
 *
 * // caller
 * amp.callRemote(Sum.class, Map.of("a", 13L, "b", 81L))
 *    .addCallback(r -> r.get("total"));                         // 94L
 *
 * // responder, on an AMP subclass or a CommandLocator
 * @Responder(Sum.class)
 * public Map<String, Object> sum(Map<String, Object> args) { ... }
 * }</pre>
 *
 * <p>Port of {@code twisted.protocols.amp.Command}. Twisted's class attributes become protected
 * declarations made in the constructor ({@link #arguments(Arg...)}, {@link #response(Arg...)},
 * {@link #errors(Class, String)}, {@link #fatalErrors(Class, String)},
 * {@link #requiresAnswer(boolean)}, {@link #commandType(Supplier)},
 * {@link #responseType(Supplier)}) and public accessors of the same names. As in Twisted,
 * errors and fatal errors accumulate down the class hierarchy (a subclass adds to its base's),
 * while arguments and response are replaced. Difference: a command name set by a base class's
 * constructor is inherited (Twisted gives every class its own name unless it sets one). Names
 * are byte strings as {@code String}s of ISO-8859-1 characters (see {@link Amp#latin1}).
 *
 * <p>A public command class in an exported package compiled with {@code -Xlint:all -Werror}
 * needs {@code @SuppressWarnings("this-escape")} on its constructor (the declarations are
 * instance methods). A command needs a no-argument constructor to be named in {@link Responder}
 * or passed as a class; {@link #of(Class)} caches one instance per class. A command must not be changed after
 * construction; instances are then safe to share.
 */
public abstract class Command {
    /** One entry of an argument or response schema: the wire name and its argument type. */
    public record Arg(String name, Argument argument) {
        /** Checks the name is a non-empty byte string of at most 255 bytes. */
        public Arg {
            if (Amp.latin1(name).length == 0 || name.length() > Amp.MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("Argument names must be 1 to 255 bytes, got: " + Amp.repr(name));
            }
        }
    }

    /** Returns a schema entry: {@code arg("a", new IntegerArgument())}. */
    public static Arg arg(String name, Argument argument) {
        return new Arg(name, argument);
    }

    private static final ClassValue<Command> INSTANCES = new ClassValue<>() {
        @Override
        protected Command computeValue(Class<?> type) {
            try {
                Constructor<?> c = type.getDeclaredConstructor();
                c.setAccessible(true);
                return (Command) c.newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException("cannot instantiate command " + type.getName()
                        + ": it needs a no-argument constructor accessible to dev.twj.protocols", e);
            }
        }
    };

    /** Returns the shared instance of {@code type}, made with its no-argument constructor. */
    public static Command of(Class<? extends Command> type) {
        return INSTANCES.get(type);
    }

    private String commandName;
    private List<Arg> arguments = List.of();
    private List<Arg> response = List.of();
    private final Map<Class<? extends Throwable>, String> errors = new LinkedHashMap<>();
    private final Map<Class<? extends Throwable>, String> fatalErrors = new LinkedHashMap<>();
    private boolean requiresAnswer = true;
    private Supplier<? extends AmpBox> commandType = AmpBox::new;
    private Supplier<? extends AmpBox> responseType = AmpBox::new;

    /**
     * What every call needs from the declarations, computed once on first use (a command does
     * not change after construction): the identifiers of the argument names, the errors by
     * type in declaration order (errors, then fatal errors) and by code.
     */
    record Derived(String[] argumentIdentifiers, Set<String> allowedNames,
            Map<Class<? extends Throwable>, String> allErrors, Class<?>[] errorTypes,
            Map<String, Class<? extends Throwable>> reverseErrors) {}

    private volatile Derived derived;

    /** The {@link Derived} facts of this command. */
    final Derived derived() {
        Derived d = derived;
        if (d == null) {
            List<Arg> args = arguments();
            String[] ids = new String[args.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Amp.wireNameToPythonIdentifier(args.get(i).name());
            }
            Map<Class<? extends Throwable>, String> all = allErrors();
            d = new Derived(ids, Set.copyOf(Arrays.asList(ids)),
                    Collections.unmodifiableMap(all), all.keySet().toArray(new Class<?>[0]),
                    Collections.unmodifiableMap(reverseErrors()));
            derived = d;
        }
        return d;
    }

    /** Creates a command named after its class with no arguments, response or errors. */
    protected Command() {}

    /** Sets the command name sent on the wire. */
    protected final void commandName(String name) {
        Amp.latin1(name);
        this.commandName = name;
    }

    /** Sets the argument schema. */
    protected final void arguments(Arg... args) {
        this.arguments = List.of(args);
    }

    /** Sets the response schema. */
    protected final void response(Arg... args) {
        this.response = List.of(args);
    }

    /** Declares that responders may raise {@code type}, sent as {@code code}. */
    protected final void errors(Class<? extends Throwable> type, String code) {
        Amp.latin1(code);
        errors.put(type, code);
    }

    /** Declares that responders may raise {@code type}, sent as {@code code}, closing the connection. */
    protected final void fatalErrors(Class<? extends Throwable> type, String code) {
        Amp.latin1(code);
        fatalErrors.put(type, code);
    }

    /**
     * Sets whether callers ask for an answer (default true). A hint to the calling side only: a
     * responder must always return what {@link #response()} describes, since callers are free
     * to ask.
     */
    protected final void requiresAnswer(boolean requiresAnswer) {
        this.requiresAnswer = requiresAnswer;
    }

    /** Sets the box class used to issue this command (Twisted's {@code commandType}). */
    protected final void commandType(Supplier<? extends AmpBox> type) {
        this.commandType = type;
    }

    /** Sets the box class used to answer this command, e.g. {@code QuitBox::new} (Twisted's {@code responseType}). */
    protected final void responseType(Supplier<? extends AmpBox> type) {
        this.responseType = type;
    }

    /** The command name sent on the wire. */
    public String commandName() {
        return commandName != null ? commandName : getClass().getSimpleName();
    }

    /** The argument schema. */
    public List<Arg> arguments() {
        return arguments;
    }

    /** The response schema. */
    public List<Arg> response() {
        return response;
    }

    /** The non-fatal errors, type to code. */
    public Map<Class<? extends Throwable>, String> errors() {
        return Collections.unmodifiableMap(errors);
    }

    /** The fatal errors, type to code. */
    public Map<Class<? extends Throwable>, String> fatalErrors() {
        return Collections.unmodifiableMap(fatalErrors);
    }

    /** Every error, fatal or not, type to code. */
    public Map<Class<? extends Throwable>, String> allErrors() {
        Map<Class<? extends Throwable>, String> all = new LinkedHashMap<>(errors);
        all.putAll(fatalErrors);
        return all;
    }

    /** Every error, code to type. */
    public Map<String, Class<? extends Throwable>> reverseErrors() {
        Map<String, Class<? extends Throwable>> rev = new HashMap<>();
        allErrors().forEach((k, v) -> rev.put(v, k));
        return rev;
    }

    /** Whether callers ask for an answer. */
    public boolean requiresAnswer() {
        return requiresAnswer;
    }

    /** A new empty box of this command's command type. */
    public AmpBox newCommandBox() {
        return commandType.get();
    }

    /** A new empty box of this command's response type. */
    public AmpBox newResponseBox() {
        return responseType.get();
    }

    /**
     * Serializes a responder's result with the response schema.
     *
     * @param objects a map keyed by the response's identifiers
     * @throws IllegalArgumentException if {@code objects} is not a map
     */
    public AmpBox makeResponse(Object objects, Object proto) {
        if (!(objects instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a responder of " + commandName()
                    + " must return a Map (or a Deferred of one), got " + objects);
        }
        return objectsToStrings(m, response(), newResponseBox(), proto);
    }

    /**
     * Serializes a caller's arguments with the argument schema.
     *
     * @throws InvalidSignature if {@code objects} has a key that is not an argument's identifier
     */
    public AmpBox makeArguments(Map<String, ?> objects, Object proto) {
        Set<String> allowedNames = derived().allowedNames();
        for (String intendedArg : objects.keySet()) {
            if (!allowedNames.contains(intendedArg)) {
                throw new InvalidSignature(intendedArg + " is not a valid argument");
            }
        }
        return objectsToStrings(objects, arguments(), newCommandBox(), proto);
    }

    /** Parses an answer box with the response schema. */
    public Map<String, Object> parseResponse(AmpBox box, Object proto) {
        return stringsToObjects(box, response(), proto);
    }

    /** Parses a command box with the argument schema. */
    public Map<String, Object> parseArguments(AmpBox box, Object proto) {
        return stringsToObjects(box, arguments(), proto);
    }

    /**
     * Checks {@code kw} names every required argument, as Twisted's {@code Command.__init__}.
     *
     * @throws InvalidSignature if it does not
     */
    void checkSignature(Map<String, ?> kw) {
        List<Arg> args = arguments();
        String[] ids = derived().argumentIdentifiers();
        List<String> forgotten = null;
        for (int i = 0; i < ids.length; i++) {
            String pythonName = ids[i];
            if (!kw.containsKey(pythonName) && !args.get(i).argument().optional) {
                if (forgotten == null) {
                    forgotten = new ArrayList<>();
                }
                forgotten.add(pythonName);
            }
        }
        if (forgotten != null) {
            throw new InvalidSignature("forgot " + String.join(", ", forgotten) + " for " + commandName());
        }
    }

    /**
     * Encodes and sends this command with arguments {@code kw} through {@code proto}. Port of
     * {@code _doCommand}.
     *
     * @return a Deferred firing with the parsed response, failing with a declared error, an
     *     {@link UnknownRemoteError}, an {@link UnhandledCommand} or a connection failure; or
     *     null if the command does not require an answer
     */
    public Deferred<Map<String, Object>> doCommand(ICommandSender proto, Map<String, ?> kw) {
        Deferred<AmpBox> d = proto.sendBoxCommand(commandName(), makeArguments(kw, proto), requiresAnswer());
        if (!requiresAnswer()) {
            return null;
        }
        Map<String, Class<? extends Throwable>> reverse = derived().reverseErrors();
        return d.<Map<String, Object>>addCallback(box -> parseResponse(box, proto))
                .addErrback(error -> {
                    error.trap(RemoteAmpError.class);
                    RemoteAmpError rje = (RemoteAmpError) error.value();
                    Class<? extends Throwable> errorType = reverse.get(rje.errorCode);
                    throw sneaky(errorType == null
                            ? new UnknownRemoteError(rje.description)
                            : instantiate(errorType, rje.description));
                });
    }

    private static Throwable instantiate(Class<? extends Throwable> type, String description) {
        try {
            Constructor<? extends Throwable> c = type.getDeclaredConstructor(String.class);
            c.setAccessible(true);
            return c.newInstance(description);
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                Constructor<? extends Throwable> c = type.getDeclaredConstructor();
                c.setAccessible(true);
                return c.newInstance();
            } catch (ReflectiveOperationException | RuntimeException e2) {
                return new UnknownRemoteError(description);
            }
        }
    }

    /** Converts a box to a map of objects through {@code arglist}; the box is not changed. */
    static Map<String, Object> stringsToObjects(AmpBox strings, List<Arg> arglist, Object proto) {
        Map<String, Object> objects = HashMap.newHashMap(arglist.size());
        AmpBox myStrings = strings.copy();
        for (Arg a : arglist) {
            a.argument().fromBox(a.name(), myStrings, objects, proto);
        }
        return objects;
    }

    /** Converts a map of objects into {@code strings} through {@code arglist}; returns {@code strings}. */
    static AmpBox objectsToStrings(Map<?, ?> objects, List<Arg> arglist, AmpBox strings, Object proto) {
        Map<String, Object> myObjects = HashMap.newHashMap(objects.size());
        for (Map.Entry<?, ?> e : objects.entrySet()) {
            Object k = e.getKey();
            myObjects.put(k instanceof String name ? name : String.valueOf(k), e.getValue());
        }
        for (Arg a : arglist) {
            a.argument().toBox(a.name(), strings, myObjects, proto);
        }
        return strings;
    }

    /** Returns {@code t} as an Exception to throw from a callback, or throws it if it is an Error. */
    static Exception sneaky(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new RuntimeException(t);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + commandName() + "}";
    }
}
