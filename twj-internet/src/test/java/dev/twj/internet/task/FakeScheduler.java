package dev.twj.internet.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A fake scheduler for testing against. Port of {@code test_cooperator.FakeScheduler}. */
final class FakeScheduler implements Function<Runnable, FakeDelayedCall> {
    List<FakeDelayedCall> work = new ArrayList<>();

    /** Schedule a unit of work to be done later. */
    @Override
    public FakeDelayedCall apply(Runnable thunk) {
        FakeDelayedCall unit = new FakeDelayedCall(thunk);
        work.add(unit);
        return unit;
    }

    /** Do all of the work that is currently available to be done. */
    void pump() {
        List<FakeDelayedCall> current = work;
        work = new ArrayList<>();
        for (FakeDelayedCall unit : current) {
            if (!unit.cancelled) {
                unit.func.run();
            }
        }
    }
}
