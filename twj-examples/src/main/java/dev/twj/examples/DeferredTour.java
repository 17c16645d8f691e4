package dev.twj.examples;

import static dev.twj.internet.defer.Defer.succeed;

import dev.twj.internet.defer.Deferred;

/**
 * A tour of Deferred, run by the README's first command: callbacks, errbacks and chaining.
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
    }
}
