package dev.twj.internet.interfaces;

import dev.twj.python.failure.Failure;

/**
 * The interface of a protocol: the events of one connection. Port of
 * {@code twisted.internet.interfaces.IProtocol}.
 */
public interface IProtocol {
    /**
     * Called whenever data is received. The data arrives in chunks of any size: a protocol
     * parses it as it comes, since the chunking has nothing to do with its messages.
     */
    void dataReceived(byte[] data);

    /**
     * Called when the connection is shut down.
     *
     * @param reason a Failure wrapping {@code ConnectionDone} for a clean close, or
     *     {@code ConnectionLost}, {@code ConnectionAborted} and the like otherwise
     */
    void connectionLost(Failure reason);

    /** Makes a connection to a transport and a server: sets the transport, then connectionMade. */
    void makeConnection(ITransport transport);

    /** Called when a connection is made. */
    void connectionMade();
}
