package dev.twj.trial.unittest;

import dev.twj.internet.defer.Deferred;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unit test whose test methods, {@code setUp}, {@code tearDown} and cleanups may return a
 * {@link Deferred}: the runner waits for it and takes its failure, if any, as the method's error.
 * Port of {@code twisted.trial.unittest.TestCase}; adds {@link #assertFailure}.
 *
 * <pre>{@code
 * final class FetchTests extends TestCase {
 *     public Deferred<String> setUp() { return client.connect(); }
 *
 *     public Deferred<?> test_missing() {
 *         return assertFailure(client.fetch("nope"), NotFound.class);
 *     }
 * }
 * }</pre>
 *
 * <p>Known limitation of this first version: twj has no reactor yet, so the runner cannot spin
 * one while it waits. A returned Deferred that has already fired when the method returns is
 * handled as trial handles it; one that has not fired makes the method an error, with a message
 * saying so, instead of waiting for it (trial runs the reactor until it fires or the 120 s
 * timeout). The reactor-driven {@code TestCase}, with {@code timeout} and the dirty-reactor
 * checks, arrives with the reactor.
 *
 * <p>As in trial, a {@code FailTest} raised by {@code setUp} or {@code tearDown} of a
 * {@code TestCase} is reported as an error (a {@code SynchronousTestCase} reports it as a
 * failure).
 */
public class TestCase extends SynchronousTestCase {
    /** Creates a test case for the no-op {@link #runTest} method. */
    public TestCase() {}

    /**
     * Fails if {@code deferred} does not errback with one of {@code expectedFailures} (with any
     * exception if none are given). Returns the Deferred with callbacks added, whose result is the
     * exception: return it from the test so that the runner checks it.
     */
    public final <T> Deferred<Throwable> assertFailure(
            Deferred<T> deferred, Class<?>... expectedFailures) {
        return deferred.addCallbacks(
                ignore -> {
                    throw new FailTest("did not catch an error, instead got " + repr(ignore));
                },
                failure -> {
                    if (expectedFailures.length == 0 || failure.check(expectedFailures) != null) {
                        return failure.value();
                    }
                    throw new FailTest("\nExpected: " + Arrays.toString(expectedFailures)
                            + "\nGot:\n" + failure);
                });
    }

    @Override
    boolean fixtureFailuresAreErrors() {
        return true;
    }

    /**
     * Waits for a returned Deferred: its failure is thrown as the method's error; a Deferred that
     * has not fired yet is an error until the reactor arrives (see the class documentation).
     */
    @Override
    void waitFor(String what, Object returned) throws Throwable {
        if (!(returned instanceof Deferred<?> d)) {
            return;
        }
        List<Object> results = new ArrayList<>(1);
        d.addBoth(r -> {
            results.add(r);
            return null;
        });
        if (results.isEmpty()) {
            throw new IllegalStateException(this + " (" + what + ") returned " + d
                    + ", which has not fired. twj-trial cannot wait for it yet: the"
                    + " reactor-driven TestCase arrives with the reactor; until then a TestCase"
                    + " may only return Deferreds that have already fired");
        }
        if (results.get(0) instanceof Failure f) {
            throw f.value();
        }
    }
}
