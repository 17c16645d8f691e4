package dev.twj.internet.tcp;

import dev.twj.internet.base.BaseConnector;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.error.ConnectError;
import dev.twj.internet.error.UserError;
import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.protocol.Protocol;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.function.Supplier;

/**
 * What the client connections of stream sockets share: a non-blocking connect that completes when
 * the socket becomes writable, then the protocol built by the connector; a failure before that goes
 * to the connector's {@code connectionFailed}. Port of Twisted's {@code twisted.internet.tcp.BaseClient},
 * which {@link Client} (TCP) and {@code dev.twj.internet.unix.Client} extend.
 */
public abstract class BaseClient extends Connection implements BaseConnector.Transport {
    private BaseConnector connector;
    /** True while a non-blocking connect is under way (write interest registered for it). */
    protected boolean connecting;
    private String logstr = "Uninitialized";

    /** A client connection for {@code connector}, on {@code reactor}; the subclass opens the socket. */
    protected BaseClient(BaseConnector connector, ReactorBase reactor) {
        super(null, null, reactor);
        this.connector = connector;
    }

    /** Returns the connector of this client; null once the attempt failed. */
    protected final BaseConnector baseConnector() {
        return connector;
    }

    /** Maps an exception of {@code connect} or {@code finishConnect} to Twisted's connect error. */
    protected abstract Throwable connectError(Exception e);

    /**
     * Starts connecting {@code socket} to the address {@code address} gives: Twisted's
     * {@code doConnect}. Completes at once if the socket connects at once, else when it becomes
     * writable; fails the attempt with {@link #connectError} if making the address or connecting
     * throws. Does nothing once the attempt was stopped.
     */
    protected final void connectTo(Supplier<? extends SocketAddress> address) {
        if (connector == null) {
            return;
        }
        try {
            if (socket.connect(address.get())) {
                connectDone();
            } else {
                connecting = true;
                startWriting();
            }
        } catch (IOException | RuntimeException e) {
            failIfNotConnected(connectError(e));
        }
    }

    @Override
    public Object doWrite() {
        if (connecting) {
            if (connector == null) {
                return null;
            }
            try {
                if (!socket.finishConnect()) {
                    return null;
                }
            } catch (IOException | RuntimeException e) {
                failIfNotConnected(connectError(e));
                return null;
            }
            connecting = false;
            stopWriting();
            connectDone();
            return null;
        }
        return super.doWrite();
    }

    /** Twisted's {@code logstr}: "Uninitialized" until connected, then {@code "<protocol prefix>,client"}. */
    public String logstr() {
        return logstr;
    }

    private void connectDone() {
        IProtocol p = connector.buildProtocol(getPeer());
        connected = true;
        if (p == null) {
            // Factory.buildProtocol may return null: dispose of the connection quickly.
            protocol = new Protocol();
            loseConnection();
        } else {
            protocol = p;
            logstr = (p instanceof ILoggingContext c ? c.logPrefix() : dev.twj.internet.internal.ClassNames.nameOf(p.getClass()))
                    + ",client";
            startReading();
            p.makeConnection(this);
        }
    }

    /**
     * Fails the connection attempt with {@code err}: closes the socket and tells the connector.
     * Does nothing once connected.
     */
    @Override
    public void failIfNotConnected(Throwable err) {
        if (connected || disconnected || connector == null) {
            return;
        }
        stopReading();
        stopWriting();
        if (socket != null) {
            closeSocket(true);
        }
        BaseConnector c = connector;
        connector = null;
        c.connectionFailed(new Failure(err));
    }

    /** Stops the connection attempt, failing it with {@link UserError}. */
    public void stopConnecting() {
        failIfNotConnected(new UserError());
    }

    @Override
    public void connectionLost(Failure reason) {
        if (!connected) {
            failIfNotConnected(new ConnectError(null, String.valueOf(reason.value())));
        } else if (!disconnected) {
            super.connectionLost(reason);
            connector.connectionLost(reason);
        }
    }

    /** A connecting transport is the TLS client of {@code startTLS}: Twisted's {@code _tlsClientDefault}. */
    @Override
    protected boolean tlsClientDefault() {
        return true;
    }

    /** {@code "<ClassName> to <where>"} and the state, as Twisted's repr of a client. */
    protected final String describe(Object where) {
        return "<" + getClass().getSimpleName() + " to " + where
                + (connected ? " at connected" : connecting ? " connecting" : "") + ">";
    }
}
