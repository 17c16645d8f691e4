package dev.twj.protocols.loopback;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.task.Clock;
import dev.twj.python.failure.Failure;
import java.nio.charset.StandardCharsets;

/** Helpers for the loopback tests: bytes, and running a Deferred to its result on a Clock. */
final class LoopbackTestSupport {
    private LoopbackTestSupport() {}

    private static final Object NOTHING = new Object();

    /** Python's {@code b"..."}. */
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bytes as a string (null stays null), for assertEquals. */
    static String s(byte[] data) {
        return data == null ? null : new String(data, StandardCharsets.ISO_8859_1);
    }

    /**
     * Advances {@code clock} by zero until {@code d} has a result, as trial's reactor would run
     * until a returned Deferred fires, and returns it; rethrows a failure's exception.
     */
    static Object run(Clock clock, Deferred<?> d) {
        Object[] box = {NOTHING};
        d.addBoth(r -> {
            box[0] = r;
            return null;
        });
        for (int i = 0; i < 10_000 && box[0] == NOTHING; i++) {
            clock.advance(0);
        }
        if (box[0] == NOTHING) {
            fail("Deferred did not fire: " + d + "; pending calls: " + clock.getDelayedCalls());
        }
        if (box[0] instanceof Failure f) {
            Throwable t = f.value();
            if (t instanceof Error e) {
                throw e;
            }
            if (t instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(t);
        }
        return box[0];
    }
}
