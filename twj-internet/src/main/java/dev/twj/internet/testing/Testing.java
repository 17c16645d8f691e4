package dev.twj.internet.testing;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.BaseProtocol;
import dev.twj.internet.task.LoopingCall;
import java.util.List;
import java.util.function.Predicate;

/**
 * The module functions of {@code twisted.internet.testing}, named after the module as
 * {@code Defer} is after {@code twisted.internet.defer}. Its classes ({@link StringTransport},
 * {@link MemoryReactor} ...) are in this package.
 */
public final class Testing {
    private Testing() {}

    /**
     * Takes a list of disconnecting protocols and returns a Deferred that fires when they are all
     * done, that is when none of their transports is connected any more. Port of
     * {@code twisted.internet.testing.waitUntilAllDisconnected}.
     *
     * <p>This is a hack to make some older tests less flaky, as {@link ITransport#loseConnection}
     * is not atomic on all reactors (for example, the CoreFoundation, which sometimes takes a
     * reactor turn for CFSocket to realise). New tests should either not use real sockets in
     * testing, or take the advice in
     * <a href="https://jml.io/pages/how-to-disconnect-in-twisted-really.html">how to disconnect in
     * Twisted, really</a> to heart.
     *
     * <p>The protocols are checked at once and then every 0.01 seconds of {@code reactor} time,
     * by a {@link LoopingCall}. Twisted reads the Python attribute {@code transport.connected};
     * Java transports have no common accessor for it, so this overload knows
     * {@link StringTransport#connected} and {@link FakeTransport#connected}; for other transports
     * pass the predicate yourself with {@link #waitUntilAllDisconnected(IReactorTime, List,
     * Predicate)}.
     *
     * @param reactor the reactor to schedule the checks on
     * @param protocols the protocols to wait for disconnecting
     * @return a Deferred that fires with the loop when no transport is connected
     * @throws IllegalArgumentException (from a check) if a transport is neither a StringTransport
     *     nor a FakeTransport; the Deferred fails with it if a later check finds one
     */
    public static Deferred<LoopingCall> waitUntilAllDisconnected(
            IReactorTime reactor, List<? extends BaseProtocol> protocols) {
        return waitUntilAllDisconnected(reactor, protocols, Testing::transportConnected);
    }

    /**
     * As {@link #waitUntilAllDisconnected(IReactorTime, List)}, telling whether a transport is
     * connected with {@code connected}.
     *
     * @param reactor the reactor to schedule the checks on
     * @param protocols the protocols to wait for disconnecting
     * @param connected tells whether a protocol's transport is still connected
     * @return a Deferred that fires with the loop when no transport is connected, or fails if
     *     {@code connected} throws
     */
    public static Deferred<LoopingCall> waitUntilAllDisconnected(
            IReactorTime reactor, List<? extends BaseProtocol> protocols, Predicate<? super ITransport> connected) {
        LoopingCall[] lc = new LoopingCall[1];
        lc[0] = new LoopingCall(() -> {
            for (BaseProtocol x : protocols) {
                if (connected.test(x.transport)) {
                    return;
                }
            }
            lc[0].stop();
        });
        lc[0].setClock(reactor);
        return lc[0].start(0.01, true);
    }

    private static boolean transportConnected(ITransport transport) {
        if (transport instanceof StringTransport t) {
            return t.connected;
        }
        if (transport instanceof FakeTransport t) {
            return t.connected;
        }
        throw new IllegalArgumentException("cannot tell whether transport " + transport
                + " is connected: pass a Predicate<ITransport> to waitUntilAllDisconnected");
    }
}
