package dev.twj.contextvars;

/**
 * What {@link ContextVar#set} returns: {@link ContextVar#reset} takes it to restore the value the
 * variable had before. Port of Python's {@code contextvars.Token}; usable once.
 *
 * @param <T> the type of the variable's value
 */
public final class Token<T> {
    final ContextVar<T> var;
    final Context context;
    /** The previous value, or null where the variable had none (Python's {@code Token.MISSING}). */
    final Object oldValue;
    boolean used;

    Token(ContextVar<T> var, Context context, Object oldValue) {
        this.var = var;
        this.context = context;
        this.oldValue = oldValue;
    }

    /** Returns the variable this token belongs to. */
    public ContextVar<T> var() {
        return var;
    }

    /** Returns the previous value, or null where the variable had none. */
    public T oldValue() {
        return oldValue == null ? null : var.cast(oldValue);
    }

    @Override
    public String toString() {
        return "<Token" + (used ? " used" : "") + " var=" + var + ">";
    }
}
