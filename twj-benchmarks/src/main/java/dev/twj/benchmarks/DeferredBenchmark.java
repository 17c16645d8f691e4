package dev.twj.benchmarks;

import com.google.common.util.concurrent.AsyncFunction;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import dev.twj.internet.defer.Callback;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the cost of a callback chain in twj's {@link Deferred} against
 * {@link CompletableFuture}, Guava's {@link SettableFuture} with {@link Futures#transform} on
 * {@link MoreExecutors#directExecutor()}, and OpenTSDB's {@code com.stumbleupon.async.Deferred}.
 *
 * <p>Four scenarios, one method per library, named {@code scenario_library}:
 * <ul>
 *   <li>{@code addThenFire}: a new future, {@value #CALLBACKS} callbacks {@code x -> x + 1} on an
 *       {@link Integer}, then fire it with 0;</li>
 *   <li>{@code fireThenAdd}: a new future fired with 0, then {@value #CALLBACKS} callbacks, each
 *       running as it is added;</li>
 *   <li>{@code chainFired}: as {@code addThenFire}, but each callback returns an already-fired
 *       future of {@code x + 1} that the chain must unwrap;</li>
 *   <li>{@code gather}: {@value #GATHERED} new futures, gathered into one future of the list of
 *       their results, then fired one by one.</li>
 * </ul>
 * Every method returns the final value (or list) through the library's cheapest public accessor,
 * so that JMH consumes it. Callbacks are non-capturing lambdas held in static fields, so no method
 * measures the allocation of its callbacks, except the gathers, which capture per element as any
 * gather does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DeferredBenchmark {
    /** Callbacks per chain in the first three scenarios. */
    public static final int CALLBACKS = 10;
    /** Futures gathered in the {@code gather} scenario. */
    public static final int GATHERED = 100;

    private static final Callback<Integer, Integer> TWJ_INC = x -> x + 1;
    private static final Callback<Integer, Deferred<Integer>> TWJ_INC_FIRED =
            x -> Defer.succeed(x + 1);

    private static final Function<Integer, Integer> CF_INC = x -> x + 1;
    private static final Function<Integer, CompletableFuture<Integer>> CF_INC_FIRED =
            x -> CompletableFuture.completedFuture(x + 1);

    private static final com.google.common.base.Function<Integer, Integer> GUAVA_INC = x -> x + 1;
    private static final AsyncFunction<Integer, Integer> GUAVA_INC_FIRED =
            x -> Futures.immediateFuture(x + 1);

    private static final com.stumbleupon.async.Callback<Integer, Integer> ASYNC_INC = x -> x + 1;
    private static final com.stumbleupon.async.Callback<
                    com.stumbleupon.async.Deferred<Integer>, Integer> ASYNC_INC_FIRED =
            x -> com.stumbleupon.async.Deferred.fromResult(x + 1);

    // ---------------------------------------------------------------------------------------------
    // (a) new, 10 callbacks, fire.

    /** twj: new Deferred, 10 addCallback, callback(0). */
    @Benchmark
    public Object addThenFire_twj() {
        Deferred<Integer> d = new Deferred<>();
        for (int i = 0; i < CALLBACKS; i++) {
            d = d.addCallback(TWJ_INC);
        }
        d.callback(0);
        return d.result();
    }

    /** CompletableFuture: new, 10 thenApply, complete(0). */
    @Benchmark
    public Object addThenFire_completableFuture() {
        CompletableFuture<Integer> first = new CompletableFuture<>();
        CompletableFuture<Integer> last = first;
        for (int i = 0; i < CALLBACKS; i++) {
            last = last.thenApply(CF_INC);
        }
        first.complete(0);
        return last.getNow(null);
    }

    /** Guava: SettableFuture, 10 Futures.transform on directExecutor, set(0). */
    @Benchmark
    public Object addThenFire_guava() throws Exception {
        SettableFuture<Integer> first = SettableFuture.create();
        ListenableFuture<Integer> last = first;
        for (int i = 0; i < CALLBACKS; i++) {
            last = Futures.transform(last, GUAVA_INC, MoreExecutors.directExecutor());
        }
        first.set(0);
        return Futures.getDone(last);
    }

    /** OpenTSDB async: new Deferred, 10 addCallback, callback(0). */
    @Benchmark
    public Object addThenFire_async() throws Exception {
        com.stumbleupon.async.Deferred<Integer> d = new com.stumbleupon.async.Deferred<>();
        for (int i = 0; i < CALLBACKS; i++) {
            d = d.addCallback(ASYNC_INC);
        }
        d.callback(0);
        return d.joinUninterruptibly();
    }

    // ---------------------------------------------------------------------------------------------
    // (b) new, fire, 10 callbacks.

    /** twj: new Deferred, callback(0), 10 addCallback. */
    @Benchmark
    public Object fireThenAdd_twj() {
        Deferred<Integer> d = new Deferred<>();
        d.callback(0);
        for (int i = 0; i < CALLBACKS; i++) {
            d = d.addCallback(TWJ_INC);
        }
        return d.result();
    }

    /** CompletableFuture: new, complete(0), 10 thenApply. */
    @Benchmark
    public Object fireThenAdd_completableFuture() {
        CompletableFuture<Integer> last = new CompletableFuture<>();
        last.complete(0);
        for (int i = 0; i < CALLBACKS; i++) {
            last = last.thenApply(CF_INC);
        }
        return last.getNow(null);
    }

    /** Guava: SettableFuture, set(0), 10 Futures.transform on directExecutor. */
    @Benchmark
    public Object fireThenAdd_guava() throws Exception {
        SettableFuture<Integer> first = SettableFuture.create();
        first.set(0);
        ListenableFuture<Integer> last = first;
        for (int i = 0; i < CALLBACKS; i++) {
            last = Futures.transform(last, GUAVA_INC, MoreExecutors.directExecutor());
        }
        return Futures.getDone(last);
    }

    /** OpenTSDB async: new Deferred, callback(0), 10 addCallback. */
    @Benchmark
    public Object fireThenAdd_async() throws Exception {
        com.stumbleupon.async.Deferred<Integer> d = new com.stumbleupon.async.Deferred<>();
        d.callback(0);
        for (int i = 0; i < CALLBACKS; i++) {
            d = d.addCallback(ASYNC_INC);
        }
        return d.joinUninterruptibly();
    }

    // ---------------------------------------------------------------------------------------------
    // (c) new, 10 callbacks each returning an already-fired future, fire.

    /** twj: new Deferred, 10 addCallbackDeferred returning Defer.succeed(x + 1), callback(0). */
    @Benchmark
    public Object chainFired_twj() {
        Deferred<Integer> d = new Deferred<>();
        for (int i = 0; i < CALLBACKS; i++) {
            d = d.addCallbackDeferred(TWJ_INC_FIRED);
        }
        d.callback(0);
        return d.result();
    }

    /** CompletableFuture: new, 10 thenCompose returning completedFuture(x + 1), complete(0). */
    @Benchmark
    public Object chainFired_completableFuture() {
        CompletableFuture<Integer> first = new CompletableFuture<>();
        CompletableFuture<Integer> last = first;
        for (int i = 0; i < CALLBACKS; i++) {
            last = last.thenCompose(CF_INC_FIRED);
        }
        first.complete(0);
        return last.getNow(null);
    }

    /** Guava: SettableFuture, 10 transformAsync returning immediateFuture(x + 1), set(0). */
    @Benchmark
    public Object chainFired_guava() throws Exception {
        SettableFuture<Integer> first = SettableFuture.create();
        ListenableFuture<Integer> last = first;
        for (int i = 0; i < CALLBACKS; i++) {
            last = Futures.transformAsync(last, GUAVA_INC_FIRED, MoreExecutors.directExecutor());
        }
        first.set(0);
        return Futures.getDone(last);
    }

    /** OpenTSDB async: new Deferred, 10 addCallbackDeferring returning fromResult(x + 1), fire. */
    @Benchmark
    public Object chainFired_async() throws Exception {
        com.stumbleupon.async.Deferred<Integer> d = new com.stumbleupon.async.Deferred<>();
        for (int i = 0; i < CALLBACKS; i++) {
            d = d.addCallbackDeferring(ASYNC_INC_FIRED);
        }
        d.callback(0);
        return d.joinUninterruptibly();
    }

    // ---------------------------------------------------------------------------------------------
    // (d) gather 100 new futures, then fire them one by one.

    /** twj: 100 new Deferreds gathered by {@code Defer.gatherResults}, then each fired. */
    @Benchmark
    public Object gather_twj() {
        List<Deferred<Integer>> ds = new ArrayList<>(GATHERED);
        for (int i = 0; i < GATHERED; i++) {
            ds.add(new Deferred<>());
        }
        Deferred<List<Integer>> all = Defer.gatherResults(ds);
        for (int i = 0; i < GATHERED; i++) {
            ds.get(i).callback(i);
        }
        return all.result();
    }

    /**
     * twj: 100 new Deferreds gathered by {@link #twjManualGather}, then each fired with its index:
     * the floor under {@code gather_twj}, to show what DeferredList's bookkeeping costs.
     */
    @Benchmark
    public Object gather_twjManualGather() {
        @SuppressWarnings("unchecked")
        Deferred<Integer>[] ds = (Deferred<Integer>[]) new Deferred<?>[GATHERED];
        for (int i = 0; i < GATHERED; i++) {
            ds[i] = new Deferred<>();
        }
        Deferred<List<Integer>> all = twjManualGather(ds);
        for (int i = 0; i < GATHERED; i++) {
            ds[i].callback(i);
        }
        return all.result();
    }

    /**
     * Gathers the results of {@code ds}, in order, into the list a returned Deferred fires with,
     * using only {@link Deferred#addCallback}: a loop that counts the Deferreds still to fire. It
     * handles results only (no errbacks, no consumeErrors), which is all the benchmark needs; it is
     * the floor that a real {@code gatherResults} (a {@code DeferredList} underneath) builds on.
     */
    static <T> Deferred<List<T>> twjManualGather(Deferred<T>[] ds) {
        Deferred<List<T>> all = new Deferred<>();
        @SuppressWarnings("unchecked")
        T[] results = (T[]) new Object[ds.length];
        int[] remaining = {ds.length};
        for (int i = 0; i < ds.length; i++) {
            int index = i;
            ds[i].addCallback(result -> {
                results[index] = result;
                if (--remaining[0] == 0) {
                    all.callback(Arrays.asList(results));
                }
                return result;
            });
        }
        return all;
    }

    /** CompletableFuture: 100 new, allOf, then a list of their results; completed one by one. */
    @Benchmark
    public Object gather_completableFuture() {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] fs =
                (CompletableFuture<Integer>[]) new CompletableFuture<?>[GATHERED];
        for (int i = 0; i < GATHERED; i++) {
            fs[i] = new CompletableFuture<>();
        }
        CompletableFuture<List<Integer>> all = CompletableFuture.allOf(fs).thenApply(ignored -> {
            List<Integer> results = new ArrayList<>(fs.length);
            for (CompletableFuture<Integer> f : fs) {
                results.add(f.join());
            }
            return results;
        });
        for (int i = 0; i < GATHERED; i++) {
            fs[i].complete(i);
        }
        return all.getNow(null);
    }

    /** Guava: 100 SettableFutures, Futures.allAsList, set one by one. */
    @Benchmark
    public Object gather_guava() throws Exception {
        List<SettableFuture<Integer>> fs = new ArrayList<>(GATHERED);
        for (int i = 0; i < GATHERED; i++) {
            fs.add(SettableFuture.create());
        }
        ListenableFuture<List<Integer>> all = Futures.allAsList(fs);
        for (int i = 0; i < GATHERED; i++) {
            fs.get(i).set(i);
        }
        return Futures.getDone(all);
    }

    /** OpenTSDB async: 100 new Deferreds, Deferred.group, fired one by one. */
    @Benchmark
    public Object gather_async() throws Exception {
        List<com.stumbleupon.async.Deferred<Integer>> ds = new ArrayList<>(GATHERED);
        for (int i = 0; i < GATHERED; i++) {
            ds.add(new com.stumbleupon.async.Deferred<>());
        }
        com.stumbleupon.async.Deferred<ArrayList<Integer>> all =
                com.stumbleupon.async.Deferred.group(ds);
        for (int i = 0; i < GATHERED; i++) {
            ds.get(i).callback(i);
        }
        return all.joinUninterruptibly();
    }
}
