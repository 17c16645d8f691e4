package dev.twj.contextvars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Python's {@code contextvars} semantics, as {@code dev.twj.contextvars} ports them. */
class ContextVarsBehaviourTests {
    @Test
    public void getWithoutValueOrDefaultThrowsLookupError() {
        ContextVar<String> var = new ContextVar<>("v");
        assertThrows(NoSuchElementException.class, var::get);
        assertEquals("fallback", var.get("fallback"));
        assertEquals("d", new ContextVar<>("w", "d").get());
    }

    @Test
    public void runIsolatesChangesInTheGivenContext() {
        new Context().run(this::runIsolatesChangesInAFreshContext);
    }

    private void runIsolatesChangesInAFreshContext() {
        ContextVar<Integer> var = new ContextVar<>("v");
        var.set(1);
        Context copy = Context.copyContext();
        copy.run(() -> {
            assertEquals(1, var.get());
            var.set(2);
            assertEquals(2, var.get());
        });
        assertEquals(1, var.get());
        assertEquals(2, copy.get(var));
        assertTrue(copy.containsKey(var));
        assertEquals(1, copy.size());
    }

    @Test
    public void aCopyDoesNotSeeLaterChanges() {
        ContextVar<Integer> var = new ContextVar<>("v");
        var.set(1);
        Context copy = Context.copyContext();
        var.set(5);
        assertEquals(1, copy.get(var));
    }

    @Test
    public void resetRestoresThePreviousValueOrNone() {
        ContextVar<Integer> var = new ContextVar<>("v");
        new Context().run(() -> {
            Token<Integer> first = var.set(1);
            Token<Integer> second = var.set(2);
            assertEquals(1, second.oldValue());
            var.reset(second);
            assertEquals(1, var.get());
            assertThrows(IllegalStateException.class, () -> var.reset(second));
            var.reset(first);
            assertNull(var.get(null));
        });
    }

    @Test
    public void resetRejectsATokenFromAnotherContextOrVariable() {
        ContextVar<Integer> var = new ContextVar<>("v");
        ContextVar<Integer> other = new ContextVar<>("o");
        Token<Integer> token = var.set(1);
        new Context().run(() -> assertThrows(IllegalArgumentException.class, () -> var.reset(token)));
        assertThrows(IllegalArgumentException.class, () -> other.reset(token));
    }

    @Test
    public void enteringAnEnteredContextThrows() throws Exception {
        Context context = new Context();
        context.run(() -> assertThrows(IllegalStateException.class, () -> context.run(() -> {})));
        assertEquals(3, context.call(() -> 3));
        assertFalse(context.containsKey(new ContextVar<>("x")));
    }
}
