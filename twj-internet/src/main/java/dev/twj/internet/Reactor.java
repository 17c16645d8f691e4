package dev.twj.internet;

import dev.twj.internet.error.ReactorAlreadyInstalledError;
import dev.twj.internet.internal.GlobalReactor;
import dev.twj.internet.selectreactor.SelectReactor;

/**
 * The global reactor: twj's {@code from twisted.internet import reactor}.
 *
 * <p>{@link #reactor()} returns the installed reactor, installing the default
 * ({@link SelectReactor}) on first use, as importing {@code twisted.internet.reactor} does.
 * {@link #install} installs another one first. Every API that needs a reactor also takes one as
 * a parameter; tests pass a {@code Clock} or a {@code MemoryReactorClock} there instead.
 */
public final class Reactor {
    private static SelectReactor installed;

    private Reactor() {}

    /** Returns the global reactor, installing the default one if none is installed. */
    public static synchronized SelectReactor reactor() {
        if (installed == null) {
            install(new SelectReactor());
        }
        return installed;
    }

    /**
     * Installs {@code reactor} as the global reactor.
     *
     * @throws ReactorAlreadyInstalledError if one is already installed
     */
    public static synchronized void install(SelectReactor reactor) {
        if (installed != null) {
            throw new ReactorAlreadyInstalledError("reactor already installed");
        }
        installed = reactor;
        GlobalReactor.install(reactor);
    }
}
