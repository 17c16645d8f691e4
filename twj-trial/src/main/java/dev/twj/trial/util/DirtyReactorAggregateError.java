package dev.twj.trial.util;

import java.util.List;

/**
 * Passed to the reporter when the reactor was left in an unclean state after a test: delayed
 * calls still pending, or selectables (ports, connections) still registered. Port of
 * {@code twisted.trial.util.DirtyReactorAggregateError}.
 */
public class DirtyReactorAggregateError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> delayedCalls;
    private final transient List<String> selectables;

    /** Creates the error for {@code delayedCalls} (their descriptions) and no selectables. */
    public DirtyReactorAggregateError(List<String> delayedCalls) {
        this(delayedCalls, null);
    }

    /**
     * Creates the error for the descriptions of the pending {@code delayedCalls} and of the
     * {@code selectables} left in the reactor; either may be null or empty.
     */
    public DirtyReactorAggregateError(List<String> delayedCalls, List<String> selectables) {
        super(format(delayedCalls, selectables));
        this.delayedCalls = delayedCalls == null ? List.of() : List.copyOf(delayedCalls);
        this.selectables = selectables == null ? List.of() : List.copyOf(selectables);
    }

    /** Returns the descriptions of the delayed calls that were pending. */
    public List<String> delayedCalls() {
        return delayedCalls;
    }

    /** Returns the descriptions of the selectables that were left in the reactor. */
    public List<String> selectables() {
        return selectables;
    }

    private static String format(List<String> delayedCalls, List<String> selectables) {
        StringBuilder msg = new StringBuilder("Reactor was unclean.");
        if (delayedCalls != null && !delayedCalls.isEmpty()) {
            msg.append("\nDelayedCalls: (set twisted.internet.base.DelayedCall.debug = True to"
                    + " debug)\n");
            msg.append(String.join("\n", delayedCalls));
        }
        if (selectables != null && !selectables.isEmpty()) {
            msg.append("\nSelectables:\n");
            msg.append(String.join("\n", selectables));
        }
        return msg.toString();
    }
}
