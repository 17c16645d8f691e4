package dev.twj.internet.defer;

import dev.twj.python.failure.Failure;
import java.util.Objects;

/**
 * The first error to occur in a {@link DeferredList} created with
 * {@link DeferredList.Option#FIRE_ON_ONE_ERRBACK}, and so in {@link Defer#gatherResults}: it
 * carries the {@link Failure} that occurred and the index of the Deferred it occurred in.
 *
 * <p>Port of {@code twisted.internet.defer.FirstError}. Python's {@code repr} is
 * {@link #toString()} ({@code FirstError[#3, java.lang.IllegalArgumentException: some text]}) and
 * Python's {@code str} is {@link #getMessage()} ({@code FirstError[#3, <failure>]}). As in
 * Twisted, two {@code FirstError}s are equal if and only if their indexes and sub-failures are;
 * a {@code Failure} is equal only to itself. Where Java differs: the sub-failure's exception is
 * also this exception's {@linkplain #getCause() cause}, so that stack traces show it.
 */
public final class FirstError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Not serialized: a {@link Failure} is not serializable (the cause still is). */
    private final transient Failure subFailure;
    private final int index;

    /**
     * Creates the error for {@code failure}, which occurred in the Deferred at {@code index}.
     *
     * @throws NullPointerException if {@code failure} is null
     */
    public FirstError(Failure failure, int index) {
        super("FirstError[#" + index + ", " + Objects.requireNonNull(failure, "failure == null") + "]",
                failure.value());
        this.subFailure = failure;
        this.index = index;
    }

    /** The {@link Failure} that occurred (Twisted's {@code subFailure}). */
    public Failure subFailure() {
        return subFailure;
    }

    /** The index in the {@link DeferredList} of the Deferred where it occurred. */
    public int index() {
        return index;
    }

    /**
     * Returns {@code FirstError[#index, exception]}, with the sub-failure's exception as its
     * {@code toString()} shows it: Twisted's {@code repr}.
     */
    @Override
    public String toString() {
        return "FirstError[#" + index + ", " + subFailure.value() + "]";
    }

    /** Returns true for a {@code FirstError} with the same index and the same sub-failure. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FirstError that
                && index == that.index
                && Objects.equals(subFailure, that.subFailure);
    }

    @Override
    public int hashCode() {
        return 31 * index + Objects.hashCode(subFailure);
    }
}
