package dev.twj.internet.interfaces;

import dev.twj.internet.defer.Deferred;

/**
 * A listening port. Port of {@code twisted.internet.interfaces.IListeningPort}.
 */
public interface IListeningPort {
    /**
     * Starts listening on this port.
     *
     * @throws RuntimeException {@code CannotListenError} if the port cannot be bound
     */
    void startListening();

    /**
     * Stops listening on this port: no new connections are accepted.
     *
     * @return a Deferred that fires when the port has stopped listening
     */
    Deferred<Void> stopListening();

    /** Returns the address this port listens on (with the real port number, when 0 was asked). */
    IAddress getHost();
}
