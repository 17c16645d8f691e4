package dev.twj.internet.threads;

import dev.twj.internet.Reactor;
import dev.twj.internet.selectreactor.SelectReactor;

/**
 * The child program of {@link StartupBehaviorTests}: Twisted's {@code _callBeforeStartupProgram}.
 * It gives the global reactor a threaded call, never runs the reactor, and exits.
 */
public final class CallBeforeStartupProgram {
    private CallBeforeStartupProgram() {}

    /** Runs the program. */
    public static void main(String[] args) {
        SelectReactor reactor = Reactor.reactor();
        reactor.callInThread(() -> System.out.println("threaded call"));
        // Spin very briefly to try to give the thread a chance to run, if it is going to.
        for (int i = 0; i < 100; i++) {
            Thread.yield();
        }
    }
}
