package dev.twj.protocols.policies;

import dev.twj.internet.Reactor;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.protocol.Protocol;

/**
 * A wrapping factory whose protocols disconnect when idle: the factory for
 * {@link TimeoutProtocol}. Port of {@code twisted.protocols.policies.TimeoutFactory}.
 *
 * <p>Difference from Twisted: {@link #callLater} uses {@link #clock} when set, else the global
 * reactor ({@link Reactor#reactor()}), where Twisted always uses the global reactor.
 */
public class TimeoutFactory extends WrappingFactory {
    /** The idle time, in seconds, after which a connection is closed; null for none. */
    public Double timeoutPeriod;

    /** The clock that schedules the timeouts, or null for the global reactor. */
    public IReactorTime clock;

    /** Creates a factory with a 30 minute timeout. */
    public TimeoutFactory(IProtocolFactory wrappedFactory) {
        this(wrappedFactory, 30.0 * 60);
    }

    /** Creates a factory closing connections idle for {@code timeoutPeriod} seconds (null: never). */
    public TimeoutFactory(IProtocolFactory wrappedFactory, Double timeoutPeriod) {
        super(wrappedFactory);
        this.timeoutPeriod = timeoutPeriod;
    }

    /** Wraps the protocol in a {@link TimeoutProtocol} with this factory's period. */
    @Override
    protected Protocol wrapProtocol(IProtocol wrappedProtocol) {
        return new TimeoutProtocol(this, wrappedProtocol, timeoutPeriod);
    }

    /**
     * Calls {@code func} after {@code period} seconds on {@link #clock}, or on the global reactor
     * when no clock is set. Override or set {@code clock} for tests.
     */
    public IDelayedCall callLater(double period, Runnable func) {
        IReactorTime c = clock != null ? clock : Reactor.reactor();
        return c.callLater(period, func);
    }
}
