package dev.twj.contextvars;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A mapping of {@link ContextVar}s to their values: the context that code runs in.
 *
 * <p>Port of Python's {@code contextvars.Context}. Each thread has a current context;
 * {@link #copyContext()} takes a snapshot of it, and {@link #run} runs code with a context as the
 * current one, so that {@link ContextVar#set} inside changes that context only.
 * {@code Defer.inlineCallbacks} and {@code Deferred.fromCoroutine} copy the context when a body
 * starts and run every step of the body in that copy, as Twisted does.
 *
 * <h2>Contract</h2>
 * <p>Copying is O(1) (the variables are kept in a copy-on-write map); {@code ContextVar.set} is
 * O(number of variables). A context is not thread-safe: as in Python, enter it on one thread at a
 * time. Entering a context that is already entered throws {@link IllegalStateException}
 * (Python's {@code RuntimeError}).
 *
 * <p>Where Java differs: Python's {@code Context} is also a read-only {@code Mapping}; here
 * {@link #get(ContextVar)} and {@link #containsKey(ContextVar)} give the same reads.
 */
public final class Context {
    private static final ThreadLocal<Context> CURRENT = ThreadLocal.withInitial(Context::new);

    /** Never mutated: {@link ContextVar#set} replaces it. */
    Map<ContextVar<?>, Object> vars;
    private boolean entered;

    /** Creates an empty context (Python's {@code Context()}). */
    public Context() {
        this.vars = Map.of();
    }

    private Context(Map<ContextVar<?>, Object> vars) {
        this.vars = vars;
    }

    /** Returns a copy of the current thread's current context (Python's {@code copy_context()}). */
    public static Context copyContext() {
        return current().copy();
    }

    /** Returns a shallow copy of this context. */
    public Context copy() {
        return new Context(vars);
    }

    static Context current() {
        return CURRENT.get();
    }

    /**
     * Runs {@code f} with this context as the current one, then restores the previous one. Changes
     * that {@code f} makes to context variables stay in this context.
     *
     * @throws IllegalStateException if this context is already entered
     */
    public void run(Runnable f) {
        Context previous = enter();
        try {
            f.run();
        } finally {
            exit(previous);
        }
    }

    /**
     * Calls {@code f} with this context as the current one and returns its result: the form of
     * {@link #run(Runnable)} for functions that return a value or throw.
     *
     * @throws IllegalStateException if this context is already entered
     */
    public <R> R call(Callable<R> f) throws Exception {
        Context previous = enter();
        try {
            return f.call();
        } finally {
            exit(previous);
        }
    }

    private Context enter() {
        if (entered) {
            throw new IllegalStateException("cannot enter context: " + this + " is already entered");
        }
        entered = true;
        Context previous = CURRENT.get();
        CURRENT.set(this);
        return previous;
    }

    private void exit(Context previous) {
        CURRENT.set(previous);
        entered = false;
    }

    /** Returns the value of {@code var} in this context, or null if it has none here. */
    public <T> T get(ContextVar<T> var) {
        Object value = vars.get(var);
        return value == null ? null : var.cast(value);
    }

    /** Returns whether {@code var} has a value in this context. */
    public boolean containsKey(ContextVar<?> var) {
        return vars.containsKey(var);
    }

    /** Returns the number of variables set in this context. */
    public int size() {
        return vars.size();
    }

    @Override
    public String toString() {
        return "Context@" + Integer.toHexString(System.identityHashCode(this)) + vars;
    }
}
