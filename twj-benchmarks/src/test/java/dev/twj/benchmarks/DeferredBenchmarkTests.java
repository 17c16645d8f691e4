package dev.twj.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Runs each benchmark method once and checks what it computed, so that a benchmark that measures
 * the wrong thing (a chain that never fires, a gather that drops results) fails the build.
 */
class DeferredBenchmarkTests {
    private final DeferredBenchmark b = new DeferredBenchmark();
    private static final List<Integer> GATHERED =
            IntStream.range(0, DeferredBenchmark.GATHERED).boxed().toList();

    @Test
    void addThenFireAddsOnePerCallback() throws Exception {
        assertEquals(10, b.addThenFire_twj());
        assertEquals(10, b.addThenFire_completableFuture());
        assertEquals(10, b.addThenFire_guava());
        assertEquals(10, b.addThenFire_async());
    }

    @Test
    void fireThenAddAddsOnePerCallback() throws Exception {
        assertEquals(10, b.fireThenAdd_twj());
        assertEquals(10, b.fireThenAdd_completableFuture());
        assertEquals(10, b.fireThenAdd_guava());
        assertEquals(10, b.fireThenAdd_async());
    }

    @Test
    void chainFiredUnwrapsEachReturnedFuture() throws Exception {
        assertEquals(10, b.chainFired_twj());
        assertEquals(10, b.chainFired_completableFuture());
        assertEquals(10, b.chainFired_guava());
        assertEquals(10, b.chainFired_async());
    }

    @Test
    void gatherCollectsEveryResultInOrder() throws Exception {
        assertEquals(GATHERED, b.gather_twjManualGather());
        assertEquals(GATHERED, b.gather_twj());
        assertEquals(GATHERED, b.gather_completableFuture());
        assertEquals(GATHERED, b.gather_guava());
        assertEquals(GATHERED, b.gather_async());
    }
}
