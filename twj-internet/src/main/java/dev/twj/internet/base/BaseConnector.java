package dev.twj.internet.base;

import dev.twj.internet.error.NotConnectingError;
import dev.twj.internet.error.TimeoutError;
import dev.twj.internet.error.UserError;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.python.failure.Failure;
import dev.twj.internet.interfaces.IAddress;

/**
 * Basic implementation of a connector: connects a client factory's protocol, tells the factory
 * of each step, and fails the attempt after a timeout. Port of Twisted's
 * {@code twisted.internet.base.BaseConnector}.
 *
 * <p>States: {@code "disconnected"} -> {@link #connect} -> {@code "connecting"} -> (the
 * transport connects) {@link #buildProtocol} -> {@code "connected"} -> {@link #connectionLost} ->
 * {@code "disconnected"}; or {@code "connecting"} -> {@link #connectionFailed} ->
 * {@code "disconnected"}. The factory is started ({@code doStart}) on the first connect and
 * stopped ({@code doStop}) when an attempt fails or a connection is lost and the factory's
 * callback did not reconnect. The {@link ClientFactory} callbacks are called if the factory is
 * one.
 */
public abstract class BaseConnector implements IConnector {
    /** The transport of the current attempt or connection; the subclass's type. */
    public interface Transport {
        /** Fails the connection attempt with {@code error} unless already connected. */
        void failIfNotConnected(Throwable error);

        /** Closes the connection cleanly. */
        void loseConnection();
    }

    /** The factory building the protocol. */
    public final IProtocolFactory factory;
    /** Seconds before a connection attempt fails with TimeoutError; null for none. */
    public final Double timeout;
    /** The reactor. */
    protected final IReactorTime reactor;
    /** {@code "disconnected"}, {@code "connecting"} or {@code "connected"}. */
    public String state = "disconnected";
    /** The transport of the current attempt, or null. */
    public Transport transport;

    private boolean factoryStarted;
    private IDelayedCall timeoutID;

    /** Creates a connector; {@link #connect} starts it. */
    protected BaseConnector(IProtocolFactory factory, Double timeout, IReactorTime reactor) {
        this.factory = factory;
        this.timeout = timeout;
        this.reactor = reactor;
    }

    /** Makes the transport of a new connection attempt. */
    protected abstract Transport makeTransport();

    /** Disconnects whatever our state is. */
    @Override
    public void disconnect() {
        if ("connecting".equals(state)) {
            stopConnecting();
        } else if ("connected".equals(state)) {
            transport.loseConnection();
        }
    }

    /**
     * Starts a connection attempt.
     *
     * @throws IllegalStateException if not disconnected
     */
    @Override
    public void connect() {
        if (!"disconnected".equals(state)) {
            throw new IllegalStateException("can't connect in this state: " + state);
        }
        state = "connecting";
        if (!factoryStarted) {
            factory.doStart();
            factoryStarted = true;
        }
        Transport t = makeTransport();
        transport = t;
        if (timeout != null) {
            timeoutID = reactor.callLater(timeout, () -> t.failIfNotConnected(new TimeoutError()));
        }
        if (factory instanceof ClientFactory cf) {
            cf.startedConnecting(this);
        }
    }

    /**
     * Stops attempting to connect; the factory's clientConnectionFailed gets a UserError.
     *
     * @throws NotConnectingError if not connecting
     */
    @Override
    public void stopConnecting() {
        if (!"connecting".equals(state)) {
            throw new NotConnectingError("we're not trying to connect");
        }
        state = "disconnected";
        Transport t = transport;
        transport = null;
        t.failIfNotConnected(new UserError());
    }

    /** Cancels the connection timeout, if any. */
    public void cancelTimeout() {
        if (timeoutID != null) {
            if (timeoutID.active()) {
                timeoutID.cancel();
            }
            timeoutID = null;
        }
    }

    /** Called by the transport once connected: builds the protocol. */
    public IProtocol buildProtocol(IAddress addr) {
        state = "connected";
        cancelTimeout();
        return factory.buildProtocol(addr);
    }

    /** Called by the transport when the attempt failed. */
    public void connectionFailed(Failure reason) {
        cancelTimeout();
        transport = null;
        state = "disconnected";
        if (factory instanceof ClientFactory cf) {
            cf.clientConnectionFailed(this, reason);
        }
        if ("disconnected".equals(state)) {
            // The factory hasn't called connect() again.
            factory.doStop();
            factoryStarted = false;
        }
    }

    /** Called by the transport when an established connection is lost. */
    public void connectionLost(Failure reason) {
        state = "disconnected";
        if (factory instanceof ClientFactory cf) {
            cf.clientConnectionLost(this, reason);
        }
        if ("disconnected".equals(state)) {
            factory.doStop();
            factoryStarted = false;
        }
    }
}
