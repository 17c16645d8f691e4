package dev.twj.internet;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionLost;

/**
 * Port of the constants of {@code twisted.internet.main}: the reasons a transport gives when a
 * connection ends.
 *
 * <p>As in Twisted, each is one shared exception: a clean close is not an error worth a stack
 * trace, and making one per closed connection cost about 2 KB of garbage. They have no stack
 * trace ({@code Failure.getTraceback("brief")} says "failure with no frames", as Twisted's
 * does), and accept no suppressed exceptions or cause, so one connection's handler cannot change
 * what another's sees.
 */
public final class Main {
    private Main() {}

    /** The reason of a connection closed cleanly: {@code twisted.internet.main.CONNECTION_DONE}. */
    public static final ConnectionDone CONNECTION_DONE = ConnectionDone.shared();

    /** A connection lost without detail: {@code twisted.internet.main.CONNECTION_LOST}. */
    public static final ConnectionLost CONNECTION_LOST = ConnectionLost.shared();
}
