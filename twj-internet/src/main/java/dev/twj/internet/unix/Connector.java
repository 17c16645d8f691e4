package dev.twj.internet.unix;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.base.BaseConnector;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocolFactory;

/**
 * Connects a factory's protocol to a UNIX domain socket path. Port of
 * {@code twisted.internet.unix.Connector}.
 */
public final class Connector extends BaseConnector {
    private final String address;
    private final boolean checkPID;
    private final ReactorBase reactorBase;

    /** Creates a connector; {@link #connect} starts it. */
    public Connector(String address, IProtocolFactory factory, double timeout, boolean checkPID,
            ReactorBase reactor) {
        super(factory, timeout, reactor);
        this.address = address;
        this.checkPID = checkPID;
        this.reactorBase = reactor;
    }

    @Override
    protected Transport makeTransport() {
        return new Client(address, this, checkPID, reactorBase);
    }

    /** Returns the path connected to. */
    @Override
    public IAddress getDestination() {
        return new UNIXAddress(address);
    }

    @Override
    public String toString() {
        return "<UNIX Connector to " + address + " " + state + ">";
    }
}
