package dev.twj.internet.base;

import dev.twj.internet.Reactor;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.selectreactor.SelectReactor;
import java.util.List;

/**
 * The child program of {@link ResolveTests}: Twisted's {@code resolve_helper}. Resolves
 * {@code localhost} once the global reactor runs and prints {@code done <result>}, or
 * {@code failed} after 3 seconds.
 */
public final class ResolveHelperProgram {
    private final SelectReactor reactor = Reactor.reactor();
    private IDelayedCall timer;

    private ResolveHelperProgram() {
        reactor.callWhenRunning(this::start);
        timer = reactor.callLater(3, this::failed);
    }

    private void start() {
        reactor.resolve("localhost", List.of()).addBoth(res -> {
            done(res);
            return null;
        });
    }

    private void done(Object res) {
        System.out.println("done " + res);
        reactor.stop();
    }

    private void failed() {
        System.out.println("failed");
        timer = null;
        reactor.stop();
    }

    /** Runs the program. */
    public static void main(String[] args) {
        new ResolveHelperProgram();
        Reactor.reactor().run();
    }
}
