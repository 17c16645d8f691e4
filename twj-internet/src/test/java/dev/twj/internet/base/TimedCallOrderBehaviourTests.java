package dev.twj.internet.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.interfaces.IDelayedCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The order in which a reactor runs its timed calls, whatever structure holds them (the heap, or
 * the sorted run that large batches go to): checked against a model of Twisted's algorithm (one
 * heap ordered by time, then by order of insertion; lazy cancellation; a later {@code reset} or
 * {@code delay} kept aside until the call reaches the top; a sooner one moves it in place) over
 * random scripts of {@code callLater}, {@code cancel}, {@code reset}, {@code delay} and passes of
 * a reactor with a clock the test sets.
 */
class TimedCallOrderBehaviourTests {
    /** A reactor whose clock is a field: runUntilCurrent is called by the test. */
    private static final class SetClockReactor extends ReactorBase {
        double now;

        @Override
        public double seconds() {
            return now;
        }

        @Override
        protected void doIteration(Double timeout) {}

        @Override
        protected void wakeUp() {}
    }

    /** Twisted's algorithm, plainly: a priority queue of (time, insertion number). */
    private static final class Model {
        static final class Call {
            final int id;
            double time;
            double delayed;
            boolean cancelled;
            boolean called;

            Call(int id, double time) {
                this.id = id;
                this.time = time;
            }
        }

        record Entry(double time, long seq, Call call) {}

        double now;
        long seq;
        final List<Call> fresh = new ArrayList<>();
        final PriorityQueue<Entry> heap = new PriorityQueue<>(
                Comparator.comparingDouble(Entry::time).thenComparingLong(Entry::seq));
        final List<Integer> ran = new ArrayList<>();

        Call callLater(double delay, int id) {
            Call c = new Call(id, now + delay);
            fresh.add(c);
            return c;
        }

        void reset(Call c, double secondsFromNow) {
            double t = now + secondsFromNow;
            if (t < c.time) {
                c.delayed = 0;
                c.time = t;
                moveSooner(c);
            } else {
                c.delayed = t - c.time;
            }
        }

        void delay(Call c, double secondsLater) {
            c.delayed += secondsLater;
            if (c.delayed < 0) {
                c.time += c.delayed;
                c.delayed = 0;
                moveSooner(c);
            }
        }

        void moveSooner(Call c) {
            for (Entry e : heap) {
                if (e.call() == c) {
                    heap.remove(e);
                    heap.add(new Entry(c.time, e.seq(), c));
                    return;
                }
            }
        }

        void insert() {
            for (Call c : fresh) {
                if (!c.cancelled) {
                    c.time += c.delayed;
                    c.delayed = 0;
                    heap.add(new Entry(c.time, seq++, c));
                }
            }
            fresh.clear();
        }

        void runUntilCurrent() {
            insert();
            while (!heap.isEmpty() && heap.peek().time() <= now) {
                Call c = heap.poll().call();
                if (c.cancelled) {
                    continue;
                }
                if (c.delayed > 0) {
                    c.time += c.delayed;
                    c.delayed = 0;
                    heap.add(new Entry(c.time, seq++, c));
                    continue;
                }
                c.called = true;
                ran.add(c.id);
            }
        }
    }

    private static void runScript(long seed) {
        Random rnd = new Random(seed);
        SetClockReactor reactor = new SetClockReactor();
        Model model = new Model();
        List<Integer> ran = new ArrayList<>();
        List<IDelayedCall> calls = new ArrayList<>();
        List<Model.Call> modelCalls = new ArrayList<>();
        int[] batches = {3, 40, 1500, 5000, 200, 1100};
        for (int round = 0; round < 12; round++) {
            int n = batches[rnd.nextInt(batches.length)];
            boolean integral = rnd.nextBoolean(); // integral delays: many equal times
            for (int i = 0; i < n; i++) {
                double delay = integral ? rnd.nextInt(30) : rnd.nextDouble() * 30;
                int id = calls.size();
                calls.add(reactor.callLater(delay, () -> ran.add(id)));
                modelCalls.add(model.callLater(delay, id));
            }
            if (rnd.nextBoolean()) {
                reactor.timeout(); // inserts the new calls now, as the main loop does
                model.insert();
            }
            int ops = rnd.nextInt(400);
            for (int o = 0; o < ops; o++) {
                int k = rnd.nextInt(calls.size());
                IDelayedCall c = calls.get(k);
                Model.Call m = modelCalls.get(k);
                assertEquals(!(m.cancelled || m.called), c.active(), "call " + k);
                if (!c.active()) {
                    continue;
                }
                switch (rnd.nextInt(3)) {
                    case 0 -> {
                        c.cancel();
                        m.cancelled = true;
                    }
                    case 1 -> {
                        double s = integral ? rnd.nextInt(30) : rnd.nextDouble() * 30;
                        c.reset(s);
                        model.reset(m, s);
                    }
                    default -> {
                        double d = rnd.nextInt(10) - 4;
                        c.delay(d);
                        model.delay(m, d);
                    }
                }
            }
            double step = rnd.nextInt(6);
            reactor.now += step;
            model.now += step;
            reactor.runUntilCurrent();
            model.runUntilCurrent();
            assertEquals(model.ran, ran, "seed " + seed + ", round " + round);
        }
        reactor.now += 1000;
        model.now += 1000;
        reactor.runUntilCurrent();
        model.runUntilCurrent();
        reactor.runUntilCurrent();
        model.runUntilCurrent();
        assertEquals(model.ran, ran, "seed " + seed + ", at the end");
        assertEquals(List.of(), reactor.getDelayedCalls());
    }

    /**
     * Random scripts run the same calls in the same order as the model: due calls by time, equal
     * times in order of insertion (a sooner reset keeps the call's place, a later one or a delay
     * takes a new place when the call reaches its old time), cancelled calls never.
     */
    @Test
    public void callsRunInTheOrderOfTwistedsHeap() {
        for (long seed = 0; seed < 12; seed++) {
            runScript(seed);
        }
    }

    /** The sort of the run: ascending times, equal times keep their order; negative times and -0.0 too. */
    @Test
    public void radixSortKeepsEqualTimesInOrder() {
        Random rnd = new Random(7);
        for (int n : new int[] {0, 1, 2, 31, 100, 1000, 4097}) {
            for (int kind = 0; kind < 3; kind++) {
                double[] t = new double[n];
                long[] keys = new long[n];
                int[] idx = new int[n];
                Integer[] expected = new Integer[n];
                for (int i = 0; i < n; i++) {
                    t[i] = switch (kind) {
                        case 0 -> rnd.nextInt(20);                        // many equal times
                        case 1 -> (rnd.nextDouble() - 0.5) * 1e6;          // negative ones too
                        default -> new double[] {0.0, -0.0, -1.5, 2.25, 1e-300, -1e300}[rnd.nextInt(6)];
                    };
                    keys[i] = ReactorBase.sortKey(t[i]);
                    idx[i] = i;
                    expected[i] = i;
                }
                java.util.Arrays.sort(expected, (a, b) -> t[a] < t[b] ? -1 : t[a] > t[b] ? 1 : 0); // stable
                ReactorBase.radixSort(keys, idx, n);
                for (int i = 0; i < n; i++) {
                    assertEquals((int) expected[i], idx[i], "n = " + n + ", kind " + kind + ", at " + i);
                    assertEquals(t[expected[i]] == 0 ? 0.0 : t[expected[i]], ReactorBase.timeOf(keys[i]));
                }
            }
        }
    }
}
