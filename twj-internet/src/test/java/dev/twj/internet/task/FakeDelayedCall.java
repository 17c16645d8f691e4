package dev.twj.internet.task;

import dev.twj.internet.defer.ITimedCall;

/** Fake delayed call which lets us simulate the scheduler. Port of {@code test_cooperator.FakeDelayedCall}. */
final class FakeDelayedCall implements ITimedCall {
    final Runnable func;
    boolean cancelled;

    /** A function to run, later. */
    FakeDelayedCall(Runnable func) {
        this.func = func;
    }

    /** Don't run my function later. */
    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean active() {
        return !cancelled;
    }
}
