package dev.twj.protocols.policies;

import dev.twj.internet.Reactor;
import dev.twj.internet.error.AlreadyCalled;
import dev.twj.internet.error.AlreadyCancelled;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.protocol.BaseProtocol;

/**
 * A single connection timeout for a protocol. Port of
 * {@code twisted.protocols.policies.TimeoutMixin}.
 *
 * <p>The protocol has a single timeout, set using {@link #setTimeout}. When the timeout is hit,
 * {@link #timeoutConnection} is called, which, by default, closes the connection.
 *
 * <p>Difference from Twisted: Java has no mixins, so a protocol holds a {@code TimeoutMixin}
 * (or an anonymous subclass overriding {@link #timeoutConnection} or {@link #callLater}) and
 * calls it:
 *
 * <pre>{@code
 * class Chatty extends LineReceiver {
 *     final TimeoutMixin timeout = new TimeoutMixin(this);
 *     public void connectionMade() { timeout.setTimeout(60); }
 *     public void lineReceived(byte[] line) { timeout.resetTimeout(); ... }
 *     public void connectionLost(Failure reason) { timeout.setTimeout(null); }
 * }
 * }</pre>
 *
 * {@link #callLater} uses {@link #clock} when set, else the global reactor
 * ({@link Reactor#reactor()}), where Twisted always uses the global reactor.
 */
public class TimeoutMixin {
    /** The number of seconds after which to time out the connection, or null for none. */
    public Double timeOut;

    /** The clock that schedules the timeout, or null for the global reactor. */
    public IReactorTime clock;

    private final BaseProtocol protocol;
    private IDelayedCall timeoutCall;

    /**
     * Creates a timeout for {@code protocol}, whose transport {@link #timeoutConnection} closes.
     *
     * @param protocol may be null if {@link #timeoutConnection} is overridden
     */
    public TimeoutMixin(BaseProtocol protocol) {
        this.protocol = protocol;
    }

    /**
     * Calls {@code func} after {@code period} seconds on {@link #clock}, or on the global reactor
     * when no clock is set. Override or set {@code clock} for tests.
     */
    public IDelayedCall callLater(double period, Runnable func) {
        IReactorTime c = clock != null ? clock : Reactor.reactor();
        return c.callLater(period, func);
    }

    /**
     * Resets the timeout count down.
     *
     * <p>If the connection has already timed out, then do nothing. If the timeout has been
     * cancelled (probably using {@code setTimeout(null)}), also do nothing.
     *
     * <p>It's often a good idea to call this when the protocol has received some meaningful input
     * from the other end of the connection. "I've got some data, they're still there, reset the
     * timeout".
     */
    public void resetTimeout() {
        if (timeoutCall != null && timeOut != null) {
            timeoutCall.reset(timeOut);
        }
    }

    /**
     * Changes the timeout period.
     *
     * @param period the period, in seconds, to change the timeout to, or null to disable the
     *     timeout
     * @return the previous period
     */
    public Double setTimeout(Double period) {
        Double prev = timeOut;
        timeOut = period;
        if (timeoutCall != null) {
            if (period == null) {
                try {
                    timeoutCall.cancel();
                } catch (AlreadyCancelled | AlreadyCalled e) {
                    // Do nothing if the call was already consumed.
                }
                timeoutCall = null;
            } else {
                timeoutCall.reset(period);
            }
        } else if (period != null) {
            timeoutCall = callLater(period, this::timedOut);
        }
        return prev;
    }

    /** Changes the timeout period to {@code period} seconds; returns the previous period. */
    public Double setTimeout(double period) {
        return setTimeout(Double.valueOf(period));
    }

    private void timedOut() {
        timeoutCall = null;
        timeoutConnection();
    }

    /**
     * Called when the connection times out. Override to define behavior other than dropping the
     * connection.
     */
    public void timeoutConnection() {
        protocol.transport.loseConnection();
    }
}
