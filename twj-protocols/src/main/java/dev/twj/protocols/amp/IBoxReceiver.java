package dev.twj.protocols.amp;

import dev.twj.python.failure.Failure;

/**
 * An application object which can receive {@link AmpBox} objects and dispatch them
 * appropriately. Port of {@code twisted.protocols.amp.IBoxReceiver}.
 */
public interface IBoxReceiver {
    /** The {@code sender} is about to start calling {@link #ampBoxReceived} on this object. */
    void startReceivingBoxes(IBoxSender sender);

    /** A box was received from the transport. */
    void ampBoxReceived(AmpBox box);

    /** No further boxes will be received on this connection, because of {@code reason}. */
    void stopReceivingBoxes(Failure reason);
}
