package dev.twj.examples;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.gatherResults;
import static dev.twj.internet.defer.Defer.inlineCallbacks;
import static dev.twj.internet.defer.Defer.succeed;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.task.Clock;
import java.util.List;

/**
 * A tour of Deferred, run by the README's first command: callbacks, errbacks, chaining,
 * gatherResults and inlineCallbacks, with time driven by a fake clock.
 */
public final class DeferredTour {
    private DeferredTour() {}

    /** Runs the tour, printing what each step does. */
    public static void main(String[] args) {
        // A Deferred is a result that is not there yet, and a chain of callbacks to run on it.
        Deferred<String> greeting = new Deferred<>();
        greeting.addCallback(name -> "Hello, " + name)
                .addCallback(text -> text + "!")
                .addCallback(text -> {
                    System.out.println("1. " + text);
                    return null;
                });
        greeting.callback("Twisted");

        // An exception moves the chain to the errback path; an errback that returns a value moves
        // it back.
        succeed("not a number")
                .addCallback(Integer::parseInt)
                .addErrback(failure -> {
                    failure.trap(NumberFormatException.class);
                    System.out.println("2. recovered from: " + failure.getErrorMessage());
                    return -1;
                })
                .addCallback(n -> {
                    System.out.println("2. went on with " + n);
                    return null;
                });

        // A callback that returns a Deferred pauses the chain until that Deferred fires.
        Deferred<Integer> lookup = new Deferred<>();
        Deferred<Integer> outer = succeed("user-42")
                .addCallbackDeferred(id -> lookup)
                .addCallback(age -> age + 1);
        System.out.println("3. waiting: " + outer);
        lookup.callback(41);
        System.out.println("3. fired:   " + outer);

        // gatherResults waits for several Deferreds; a Clock stands in for the reactor's time.
        Clock clock = new Clock();
        Deferred<String> slow = later(clock, 2, "slow");
        Deferred<String> fast = later(clock, 1, "fast");
        gatherResults(List.of(slow, fast)).addCallback(results -> {
            System.out.println("4. gathered " + results + " at t=" + clock.seconds());
            return null;
        });

        // inlineCallbacks: the body reads top to bottom; await suspends it (no thread is held)
        // until the Deferred fires, then it resumes where it stopped.
        Deferred<Integer> total = inlineCallbacks(() -> {
            int a = await(later(clock, 1, 20));
            int b = await(later(clock, 1, 22));
            return a + b;
        });
        total.addCallback(n -> {
            System.out.println("5. inlineCallbacks returned " + n + " at t=" + clock.seconds());
            return null;
        });
        System.out.println("5. suspended: " + total);
        clock.advance(1);
        clock.advance(1);
        clock.advance(1);
    }

    private static <T> Deferred<T> later(Clock clock, double seconds, T value) {
        Deferred<T> d = new Deferred<>();
        clock.callLater(seconds, () -> d.callback(value));
        return d;
    }
}
