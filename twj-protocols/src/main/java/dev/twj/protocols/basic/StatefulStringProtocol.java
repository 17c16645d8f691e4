package dev.twj.protocols.basic;

import dev.twj.internet.protocol.BaseProtocol;
import dev.twj.logger.Logger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A stateful string protocol. Port of {@code twisted.protocols.basic.StatefulStringProtocol}.
 *
 * <p>This is a mixin for string protocols ({@link Int32StringReceiver},
 * {@link NetstringReceiver} ...) which translates {@code stringReceived} into a call of a
 * method named {@code proto_<state>} depending on the state; that method returns the next
 * state. The state {@code "done"} is special: if a {@code proto_*} method returns it, the
 * connection is closed immediately.
 *
 * <pre>{@code
 * public class Greeter extends NetstringReceiver implements StatefulStringProtocol {
 *     private String state = "init";
 *     public String state() { return state; }
 *     public void setState(String state) { this.state = state; }
 *     @Override
 *     public void stringReceived(byte[] string) {
 *         StatefulStringProtocol.super.stringReceived(string);
 *     }
 *     public String proto_init(byte[] name) { sendString(name); return "done"; }
 * }
 * }</pre>
 *
 * <p>Differences from Twisted: Java has no mixins, so the state lives in the implementing class
 * ({@link #state()}, {@link #setState}, {@code "init"} at first) and its {@code stringReceived}
 * must delegate to this interface's, as above (a class method wins over an interface default).
 * {@code proto_<state>} methods are found by reflection: public methods taking {@code byte[]}
 * and returning the next state as a {@code String}, in a class this module can read; override
 * {@link #stateHandler} to dispatch without reflection. An exception thrown by a handler
 * propagates, as in Twisted. A missing handler is logged ("callback {state} not found") and the
 * string dropped.
 */
public interface StatefulStringProtocol {
    /** Returns the current state of the protocol; it should start as {@code "init"}. */
    String state();

    /** Sets the current state of the protocol. */
    void setState(String state);

    /** Handles one string in one state: returns the next state. */
    @FunctionalInterface
    interface StateHandler {
        /**
         * Handles {@code string}.
         *
         * @return the next state
         */
        String handle(byte[] string);
    }

    /**
     * Returns the handler of {@code state}, or null if there is none: by default the public
     * method {@code proto_<state>(byte[])} of this object's class, found by reflection.
     */
    default StateHandler stateHandler(String state) {
        Method method;
        try {
            method = getClass().getMethod("proto_" + state, byte[].class);
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (Modifier.isStatic(method.getModifiers())) {
            return null;
        }
        if (!method.trySetAccessible() && !method.canAccess(this)) {
            return null;
        }
        return string -> {
            try {
                Object next = method.invoke(this, (Object) string);
                return next == null ? null : next.toString();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call " + method, e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(method + " threw", cause);
            }
        };
    }

    /**
     * Chooses a protocol phase function and calls it.
     *
     * <p>Calls back to the appropriate protocol phase; this begins with {@code proto_init} and
     * moves on to {@code proto_*} depending on what each {@code proto_*} function returns (for
     * example, if {@code proto_init} returns {@code "foo"}, then {@code proto_foo} will be the
     * next function called when a protocol message is received). When the new state is
     * {@code "done"}, the transport loses its connection.
     */
    default void stringReceived(byte[] string) {
        StateHandler handler = stateHandler(state());
        if (handler == null) {
            new Logger(StatefulStringProtocol.class).info(
                    "callback {state} not found", "state", state());
            return;
        }
        String next = handler.handle(string);
        setState(next);
        if ("done".equals(next) && this instanceof BaseProtocol protocol) {
            protocol.transport.loseConnection();
        }
    }
}
