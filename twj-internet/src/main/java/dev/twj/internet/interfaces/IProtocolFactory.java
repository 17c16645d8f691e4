package dev.twj.internet.interfaces;

/**
 * Builds protocols for connections. Port of {@code twisted.internet.interfaces.IProtocolFactory}.
 */
public interface IProtocolFactory {
    /**
     * Called when a connection has been established to {@code addr}.
     *
     * @return a protocol for the connection, or null to refuse it (the connection is closed)
     */
    IProtocol buildProtocol(IAddress addr);

    /** Called before the factory is used by a port or connector (counted; see Factory). */
    void doStart();

    /** Called after the factory is no longer used by a port or connector. */
    void doStop();
}
