package dev.twj.protocols.wire;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.protocol.Protocol;
import java.nio.charset.StandardCharsets;

/**
 * Generates repeating noise (RFC 864): registers itself with its transport as a pull producer
 * and writes {@link #noise} each time it is asked for more. Port of {@code wire.Chargen}.
 */
public class Chargen extends Protocol implements IPullProducer {
    /** The bytes written on each {@link #resumeProducing}, as Twisted's. */
    public static final byte[] noise =
            "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ !\"#$%&?"
                    .getBytes(StandardCharsets.US_ASCII);

    /** Creates the protocol. */
    public Chargen() {}

    /**
     * Registers this protocol as a pull producer of its transport.
     *
     * @throws IllegalStateException if the transport is not an {@link IConsumer}
     */
    @Override
    public void connectionMade() {
        if (!(transport instanceof IConsumer consumer)) {
            throw new IllegalStateException("Chargen needs a transport that is an IConsumer: " + transport);
        }
        consumer.registerProducer(this, false);
    }

    @Override
    public void resumeProducing() {
        transport.write(noise.clone());
    }

    /** Does nothing, as Twisted's. */
    public void pauseProducing() {}

    /** Does nothing, as Twisted's. */
    @Override
    public void stopProducing() {}
}
