package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.DeferredList.Outcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.test.test_defer.DeferredListEmptyTests}. */
class DeferredListEmptyTests {
    private boolean callbackRan;

    @BeforeEach
    public void setUp() {
        callbackRan = false;
    }

    /** Testing empty DeferredList. */
    @Test
    public void testDeferredListEmpty() {
        DeferredList<Object, List<Outcome<Object>>> dl = DeferredList.of(List.<Deferred<Object>>of());
        dl.addCallback(this::cb_empty);
    }

    private Void cb_empty(List<Outcome<Object>> res) {
        callbackRan = true;
        assertEquals(List.of(), res);
        return null;
    }

    @AfterEach
    public void tearDown() {
        assertTrue(callbackRan, "Callback was never run.");
    }
}
