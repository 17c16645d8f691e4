package dev.twj.protocols.amp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method of an {@link AMP} or {@link CommandLocator} subclass to be the responder of
 * a command: Twisted's {@code Command.responder} decorator.
 *
 * <pre>{@code
 * @Responder(Sum.class)
 * public Map<String, Object> sum(Map<String, Object> args) {
 *     return Map.of("total", (Long) args.get("a") + (Long) args.get("b"));
 * }
 * }</pre>
 *
 * <p>The method takes no parameter or one {@code Map<String, Object>} of the parsed arguments
 * (keyed by {@link Amp#wireNameToPythonIdentifier}; absent optional arguments map to null), and
 * returns the response map, or a {@code Deferred} firing with it, or throws; a
 * {@link ProtocolSwitchCommand} responder returns the protocol to switch to. A responder
 * declared in a subclass takes precedence over one for the same command in a base class. The
 * method may be non-public if its package is open to module {@code dev.twj.protocols} (or is in
 * it); otherwise make it public in an exported package.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Responder {
    /** The command this method responds to; it needs a no-argument constructor. */
    Class<? extends Command> value();
}
