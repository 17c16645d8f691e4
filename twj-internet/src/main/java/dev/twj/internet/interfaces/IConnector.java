package dev.twj.internet.interfaces;

/**
 * An object used to interface between connections and protocols: each {@code IConnector} manages
 * one connection. Port of {@code twisted.internet.interfaces.IConnector}.
 */
public interface IConnector {
    /** Stops attempting to connect. */
    void stopConnecting();

    /** Disconnects the current connection if connected, or stops trying if connecting. */
    void disconnect();

    /** Connects again: after the connection failed or was lost, tries once more. */
    void connect();

    /** Returns the address this connector connects to. */
    IAddress getDestination();
}
