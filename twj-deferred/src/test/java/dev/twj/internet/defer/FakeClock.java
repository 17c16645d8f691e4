package dev.twj.internet.defer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic {@link IClock} for the tests of twj-deferred: the behaviour of
 * {@code twisted.internet.task.Clock} (time starts at 0, {@link #advance} runs what falls due, in
 * time order, FIFO on ties), without depending on twj-internet.
 */
final class FakeClock implements IClock {
    private double now;
    private final List<Call> calls = new ArrayList<>();

    @Override
    public double seconds() {
        return now;
    }

    @Override
    public Call callLater(double delay, Runnable f) {
        Call call = new Call(now + delay, f);
        calls.add(call);
        calls.sort(Comparator.comparingDouble(c -> c.time));
        return call;
    }

    /** Returns the calls still pending. */
    List<Call> getDelayedCalls() {
        return List.copyOf(calls);
    }

    /** Moves time forward by {@code amount} seconds, running every call that falls due. */
    void advance(double amount) {
        now += amount;
        while (!calls.isEmpty() && calls.get(0).time <= now) {
            Call call = calls.remove(0);
            call.called = true;
            call.f.run();
        }
    }

    /** A pending call. */
    final class Call implements ITimedCall {
        final double time;
        final Runnable f;
        boolean called;
        boolean cancelled;

        Call(double time, Runnable f) {
            this.time = time;
            this.f = f;
        }

        @Override
        public boolean active() {
            return !called && !cancelled;
        }

        @Override
        public void cancel() {
            if (!active()) {
                throw new IllegalStateException("call is not active");
            }
            cancelled = true;
            calls.remove(this);
        }

        double getTime() {
            return time;
        }
    }
}
