package dev.twj.internet.testing;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;

/**
 * A fake connector that records whether it was told to stop connecting. Port of Twisted's
 * {@code twisted.internet.testing._FakeConnector}.
 */
public final class FakeConnector implements IConnector {
    /** Whether {@link #stopConnecting} has been called. */
    public boolean stoppedConnecting;

    /** Whether {@link #disconnect} has been called. */
    public boolean disconnected;

    private final IAddress address;

    /** Creates a connector whose destination is {@code address}. */
    public FakeConnector(IAddress address) {
        this.address = address;
    }

    @Override
    public void stopConnecting() {
        stoppedConnecting = true;
    }

    @Override
    public void disconnect() {
        disconnected = true;
    }

    /** Does nothing. */
    @Override
    public void connect() {}

    @Override
    public IAddress getDestination() {
        return address;
    }
}
