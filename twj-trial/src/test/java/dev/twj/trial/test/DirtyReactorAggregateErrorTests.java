package dev.twj.trial.test;

import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.util.DirtyReactorAggregateError;
import java.util.List;

/**
 * Tests for the {@link DirtyReactorAggregateError}. Port of
 * {@code twisted.trial.test.test_util.DirtyReactorAggregateErrorTests}; Python's {@code str} of
 * the error is its message.
 */
final class DirtyReactorAggregateErrorTests extends SynchronousTestCase {
    /** Delayed calls are formatted nicely. */
    public void test_formatDelayedCall() {
        DirtyReactorAggregateError error = new DirtyReactorAggregateError(List.of("Foo", "bar"));
        assertEqual(error.getMessage(), """
                Reactor was unclean.
                DelayedCalls: (set twisted.internet.base.DelayedCall.debug = True to debug)
                Foo
                bar""");
    }

    /** Selectables are formatted nicely. */
    public void test_formatSelectables() {
        DirtyReactorAggregateError error = new DirtyReactorAggregateError(
                List.of(), List.of("selectable 1", "selectable 2"));
        assertEqual(error.getMessage(), """
                Reactor was unclean.
                Selectables:
                selectable 1
                selectable 2""");
    }

    /** Both delayed calls and selectables can appear in the same error. */
    public void test_formatDelayedCallsAndSelectables() {
        DirtyReactorAggregateError error = new DirtyReactorAggregateError(
                List.of("bleck", "Boozo"), List.of("Sel1", "Sel2"));
        assertEqual(error.getMessage(), """
                Reactor was unclean.
                DelayedCalls: (set twisted.internet.base.DelayedCall.debug = True to debug)
                bleck
                Boozo
                Selectables:
                Sel1
                Sel2""");
    }
}
