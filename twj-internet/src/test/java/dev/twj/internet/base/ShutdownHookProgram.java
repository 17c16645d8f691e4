package dev.twj.internet.base;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.selectreactor.SelectReactor;

/**
 * The child program of {@link ShutdownHookBehaviourTests}: runs a reactor whose shutdown triggers
 * print lines, and prints {@code running} once it runs.
 *
 * <p>Modes (first argument): {@code hook} runs it with {@code run()}; {@code nohook} with
 * {@code run(false)}; {@code exitFromReactor} calls {@code System.exit(0)} in the reactor thread
 * once running; {@code exitFromThread} calls it from another thread.
 */
public final class ShutdownHookProgram {
    private ShutdownHookProgram() {}

    private static void println(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Runs the program. */
    public static void main(String[] args) {
        String mode = args[0];
        SelectReactor reactor = new SelectReactor();
        reactor.addSystemEventTrigger("before", "shutdown", () -> {
            println("before shutdown");
            Deferred<Void> d = new Deferred<>();
            reactor.callLater(0.2, () -> {
                println("before shutdown fired");
                d.callback(null);
            });
            return d;
        });
        reactor.addSystemEventTrigger("during", "shutdown", () -> {
            println("shutdown trigger ran");
            return null;
        });
        reactor.callWhenRunning(() -> {
            println("running");
            switch (mode) {
                case "exitFromReactor" -> reactor.callLater(0, () -> System.exit(0));
                case "exitFromThread" -> new Thread(() -> System.exit(0)).start();
                default -> {}
            }
        });
        reactor.run(!mode.equals("nohook"));
        println("run returned");
    }
}
