package dev.twj.protocols.policies;

import dev.twj.internet.error.AlreadyCalled;
import dev.twj.internet.error.AlreadyCancelled;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.python.failure.Failure;

/**
 * A wrapper that disconnects when the connection is idle. Port of
 * {@code twisted.protocols.policies.TimeoutProtocol}.
 *
 * <p>Writes and received data reset the countdown; when it runs out, {@link #timeoutFunc} closes
 * the connection.
 */
public class TimeoutProtocol extends ProtocolWrapper {
    /** The pending timeout, or null. */
    public IDelayedCall timeoutCall;

    /** The number of seconds to wait for activity, or null when no timeout is set. */
    public Double timeoutPeriod;

    private final TimeoutFactory timeoutFactory;

    /**
     * Creates a wrapper and starts its timeout.
     *
     * @param factory a {@link TimeoutFactory}, whose {@code callLater} schedules the timeout
     * @param wrappedProtocol the protocol to wrap
     * @param timeoutPeriod the number of seconds to wait for activity before timing out, or null
     */
    @SuppressWarnings("this-escape") // setTimeout runs in the constructor, as in Twisted
    public TimeoutProtocol(TimeoutFactory factory, IProtocol wrappedProtocol, Double timeoutPeriod) {
        super(factory, wrappedProtocol);
        this.timeoutFactory = factory;
        setTimeout(timeoutPeriod);
    }

    /**
     * Sets a timeout. This will cancel any existing timeouts.
     *
     * @param timeoutPeriod if not null, change the timeout period; otherwise, use the existing
     *     value (Twisted's docstring; as in Twisted, null in fact leaves no timeout)
     */
    public void setTimeout(Double timeoutPeriod) {
        cancelTimeout();
        this.timeoutPeriod = timeoutPeriod;
        if (timeoutPeriod != null) {
            timeoutCall = timeoutFactory.callLater(timeoutPeriod, this::timeoutFunc);
        }
    }

    /** Sets a timeout of {@code timeoutPeriod} seconds, cancelling any existing one. */
    public void setTimeout(double timeoutPeriod) {
        setTimeout(Double.valueOf(timeoutPeriod));
    }

    /** Cancels the timeout. If the timeout was already cancelled, this does nothing. */
    public void cancelTimeout() {
        timeoutPeriod = null;
        if (timeoutCall != null) {
            try {
                timeoutCall.cancel();
            } catch (AlreadyCalled | AlreadyCancelled e) {
                // Nothing to cancel.
            }
            timeoutCall = null;
        }
    }

    /** Resets the timeout, usually because some activity just happened. */
    public void resetTimeout() {
        if (timeoutCall != null) {
            timeoutCall.reset(timeoutPeriod);
        }
    }

    /** Resets the timeout and writes. */
    @Override
    public void write(byte[] data) {
        resetTimeout();
        super.write(data);
    }

    /** Resets the timeout and writes. */
    @Override
    public void writeSequence(Iterable<byte[]> seq) {
        resetTimeout();
        super.writeSequence(seq);
    }

    /** Resets the timeout and passes the data on. */
    @Override
    public void dataReceived(byte[] data) {
        resetTimeout();
        super.dataReceived(data);
    }

    /** Cancels the timeout and passes the loss on. */
    @Override
    public void connectionLost(Failure reason) {
        cancelTimeout();
        super.connectionLost(reason);
    }

    /**
     * Called when the timeout is triggered. By default it calls {@link #loseConnection}. Override
     * this if you want something else to happen.
     */
    public void timeoutFunc() {
        loseConnection();
    }
}
