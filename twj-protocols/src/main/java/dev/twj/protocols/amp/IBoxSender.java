package dev.twj.protocols.amp;

import dev.twj.python.failure.Failure;

/**
 * A transmitter for {@link AmpBox}es. Port of {@code twisted.protocols.amp.IBoxSender}.
 */
public interface IBoxSender {
    /**
     * Sends a box.
     *
     * @throws ProtocolSwitched if the protocol has been switched
     * @throws dev.twj.internet.error.ConnectionLost if the connection has been lost
     */
    void sendBox(AmpBox box);

    /** An unhandled error occurred in response to a box: log it and drop the connection. */
    void unhandledError(Failure failure);
}
