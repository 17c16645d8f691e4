package dev.twj.internet.defer;

import dev.twj.python.failure.Failure;
import java.util.List;

/**
 * More than one failure occurred: {@link Defer#race} fails with this when every Deferred it was
 * given failed, holding their failures in the order of those Deferreds.
 *
 * <p>Port of {@code twisted.internet.defer.FailureGroup}. As there, it has no message; where Java
 * differs, {@link #toString()} lists the failures' exceptions, for debugging.
 */
public final class FailureGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Not serialized: a {@link Failure} is not serializable. */
    private final transient List<Failure> failures;

    /**
     * Creates the error holding {@code failures}, which it copies.
     *
     * @throws NullPointerException if {@code failures} or one of them is null
     */
    public FailureGroup(List<Failure> failures) {
        super();
        this.failures = List.copyOf(failures);
    }

    /** The failures, in the order of the Deferreds they occurred in; an unmodifiable list. */
    public List<Failure> failures() {
        return failures;
    }

    /** Returns {@code FailureGroup[exception, exception, ...]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FailureGroup[");
        for (int i = 0; i < failures.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(failures.get(i).value());
        }
        return b.append(']').toString();
    }
}
