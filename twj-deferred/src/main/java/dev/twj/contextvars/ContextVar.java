package dev.twj.contextvars;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A variable whose value depends on the current {@link Context}.
 *
 * <p>Port of Python's {@code contextvars.ContextVar}. Create them once (as static finals, as Python
 * creates them at module level): each instance is a distinct variable.
 *
 * <p>Where Java differs: Python's {@code LookupError} is {@link NoSuchElementException}; Python's
 * {@code ValueError} and {@code RuntimeError} on a bad {@link #reset} are
 * {@link IllegalArgumentException} and {@link IllegalStateException}. A variable cannot hold
 * {@code null}, which stands for "no value".
 *
 * @param <T> the type of the variable's value
 */
public final class ContextVar<T> {
    private final String name;
    private final T defaultValue;

    /** Creates a variable with no default value. */
    public ContextVar(String name) {
        this(name, null);
    }

    /** Creates a variable whose {@link #get()} gives {@code defaultValue} where it is not set. */
    public ContextVar(String name, T defaultValue) {
        this.name = name;
        this.defaultValue = defaultValue;
    }

    /** Returns the variable's name. */
    public String name() {
        return name;
    }

    /**
     * Returns the value in the current context, or the default value.
     *
     * @throws NoSuchElementException if it has neither (Python's {@code LookupError})
     */
    public T get() {
        Object value = Context.current().vars.get(this);
        if (value != null) {
            return cast(value);
        }
        if (defaultValue != null) {
            return defaultValue;
        }
        throw new NoSuchElementException(toString());
    }

    /** Returns the value in the current context, or {@code fallback} if it has none. */
    public T get(T fallback) {
        Object value = Context.current().vars.get(this);
        return value != null ? cast(value) : fallback;
    }

    /**
     * Sets the value in the current context and returns a {@link Token} that {@link #reset} takes to
     * restore the previous value.
     */
    public Token<T> set(T value) {
        if (value == null) {
            throw new NullPointerException("value == null");
        }
        Context context = Context.current();
        Map<ContextVar<?>, Object> vars = new HashMap<>(context.vars);
        Object old = vars.put(this, value);
        context.vars = vars;
        return new Token<>(this, context, old);
    }

    /**
     * Restores the value this variable had before the {@link #set} that returned {@code token}.
     *
     * @throws IllegalArgumentException if the token belongs to another variable or was created in
     *     another context
     * @throws IllegalStateException if the token has already been used
     */
    public void reset(Token<T> token) {
        if (token.used) {
            throw new IllegalStateException(token + " has already been used once");
        }
        if (token.var != this) {
            throw new IllegalArgumentException(token + " was created by a different ContextVar");
        }
        Context context = Context.current();
        if (token.context != context) {
            throw new IllegalArgumentException(token + " was created in a different Context");
        }
        token.used = true;
        Map<ContextVar<?>, Object> vars = new HashMap<>(context.vars);
        if (token.oldValue == null) {
            vars.remove(this);
        } else {
            vars.put(this, token.oldValue);
        }
        context.vars = vars;
    }

    @SuppressWarnings("unchecked")
    T cast(Object value) {
        return (T) value;
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'"
                + (defaultValue != null ? " default=" + defaultValue : "") + ">";
    }
}
