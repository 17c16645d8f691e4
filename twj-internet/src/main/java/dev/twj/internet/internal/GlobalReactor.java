package dev.twj.internet.internal;

import dev.twj.internet.interfaces.IReactorTime;

/**
 * Holds the global reactor, twj's form of the module attribute {@code twisted.internet.reactor},
 * for the code that Twisted lets default to it ({@code LoopingCall.clock}, the global
 * {@code Cooperator}).
 *
 * <p>twj has no reactor yet, so nothing installs one by default: until the reactor installs itself
 * here, {@link #get()} throws. Tests install a {@code Clock} and restore the previous value.
 */
public final class GlobalReactor {
    private static volatile IReactorTime reactor;

    private GlobalReactor() {}

    /**
     * Returns the installed reactor.
     *
     * @throws IllegalStateException if none is installed
     */
    public static IReactorTime get() {
        IReactorTime r = reactor;
        if (r == null) {
            throw new IllegalStateException(
                    "no global reactor is installed; pass a clock explicitly (e.g. setClock)");
        }
        return r;
    }

    /** Returns the installed reactor, or null if none is. */
    public static IReactorTime getOrNull() {
        return reactor;
    }

    /**
     * Installs {@code r} as the global reactor (null uninstalls), and returns the one installed
     * before, or null.
     */
    public static IReactorTime install(IReactorTime r) {
        IReactorTime previous = reactor;
        reactor = r;
        return previous;
    }
}
