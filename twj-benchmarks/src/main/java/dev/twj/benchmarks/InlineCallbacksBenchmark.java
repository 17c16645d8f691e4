package dev.twj.benchmarks;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code Defer.inlineCallbacks} costs, on each engine (the engine is chosen per JVM, so
 * each benchmark forks with its own {@code -Ddev.twj.inlineCallbacks.engine}):
 *
 * <ul>
 *   <li>{@code awaitFired*}: one {@code await} of an already-fired Deferred, which never
 *       suspends (a {@code Defer.succeed} included), per operation;</li>
 *   <li>{@code roundTrip*}: fire the Deferred a suspended body awaits; the body resumes, makes
 *       the next Deferred and suspends on it again: one suspend/resume round trip per
 *       operation;</li>
 *   <li>{@code startAndEnd*}: start a body that returns at once, and get its Deferred;</li>
 *   <li>{@code rawContinuationRoundTrip}: the baseline, {@code jdk.internal.vm.Continuation}'s
 *       own run + yield with nothing else.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar twj-benchmarks/target/benchmarks.jar InlineCallbacks -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {InlineCallbacksBenchmark.EXPORTS, InlineCallbacksBenchmark.CONTINUATION})
public class InlineCallbacksBenchmark {
    static final String EXPORTS = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";
    static final String CONTINUATION = "-Ddev.twj.inlineCallbacks.engine=continuation";
    static final String VIRTUAL = "-Ddev.twj.inlineCallbacks.engine=virtual";
    static final int AWAITS = 1_000;

    /** A body that awaits, forever, the Deferred it leaves in {@link #pending}. */
    @State(Scope.Thread)
    public static class Suspended {
        Deferred<Integer> pending;
        long sum;
        Deferred<Void> body;

        @Setup(Level.Trial)
        public void start() {
            body = Defer.inlineCallbacks(() -> {
                while (true) {
                    Deferred<Integer> d = new Deferred<>();
                    pending = d;
                    sum += Defer.await(d);
                }
            });
        }
    }

    private static long awaitFired() {
        Deferred<Long> result = Defer.inlineCallbacks(() -> {
            long sum = 0;
            for (int i = 0; i < AWAITS; i++) {
                sum += Defer.await(Defer.succeed(1));
            }
            return sum;
        });
        return (Long) result.result();
    }

    /** {@link #AWAITS} awaits of fired Deferreds in one body, continuation engine. */
    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public long awaitFiredContinuation() {
        return awaitFired();
    }

    /** {@link #AWAITS} awaits of fired Deferreds in one body, virtual-thread engine. */
    @Benchmark
    @OperationsPerInvocation(AWAITS)
    @Fork(value = 1, jvmArgsAppend = {EXPORTS, VIRTUAL})
    public long awaitFiredVirtual() {
        return awaitFired();
    }

    /** One suspend/resume round trip, continuation engine. */
    @Benchmark
    public long roundTripContinuation(Suspended s) {
        s.pending.callback(1);
        return s.sum;
    }

    /** One suspend/resume round trip, virtual-thread engine. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {EXPORTS, VIRTUAL})
    public long roundTripVirtual(Suspended s) {
        s.pending.callback(1);
        return s.sum;
    }

    /** Start and end a body that awaits nothing, continuation engine. */
    @Benchmark
    public Object startAndEndContinuation() {
        return Defer.inlineCallbacks(() -> 1).result();
    }

    /** Start and end a body that awaits nothing, virtual-thread engine. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {EXPORTS, VIRTUAL})
    public Object startAndEndVirtual() {
        return Defer.inlineCallbacks(() -> 1).result();
    }

    /** A bare {@code jdk.internal.vm.Continuation} that yields in a loop, through method handles. */
    @State(Scope.Thread)
    public static class RawContinuation {
        MethodHandle run;
        Object continuation;
        long count;

        @Setup(Level.Trial)
        public void start() throws Throwable {
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Object scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                    .invoke("baseline");
            MethodHandle yield = lookup.findStatic(contClass, "yield",
                            MethodType.methodType(boolean.class, scopeClass))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            Runnable body = () -> {
                try {
                    while (true) {
                        count++;
                        boolean ok = (boolean) yield.invokeExact(scope);
                        if (!ok) {
                            throw new IllegalStateException("pinned");
                        }
                    }
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            continuation = lookup.findConstructor(contClass,
                            MethodType.methodType(void.class, scopeClass, Runnable.class))
                    .invoke(scope, body);
            run = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
        }
    }

    /** Baseline: one run + yield of a bare continuation. */
    @Benchmark
    public long rawContinuationRoundTrip(RawContinuation c) throws Throwable {
        c.run.invokeExact(c.continuation);
        return c.count;
    }
}
