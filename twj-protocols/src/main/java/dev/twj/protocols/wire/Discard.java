package dev.twj.protocols.wire;

import dev.twj.internet.protocol.Protocol;

/** Discards any received data (RFC 863). Port of {@code wire.Discard}. */
public class Discard extends Protocol {
    /** Creates the protocol. */
    public Discard() {}

    @Override
    public void dataReceived(byte[] data) {
        // Ignored, as the RFC asks.
    }
}
