package dev.twj.protocols.policies;

import dev.twj.internet.interfaces.IProtocol;
import dev.twj.logger.Logger;

/**
 * A wrapper that logs every chunk received and sent. Port of
 * {@code twisted.protocols.policies.SpewingProtocol}.
 */
public class SpewingProtocol extends ProtocolWrapper {
    private static final Logger log = new Logger(SpewingProtocol.class);

    /** Creates a wrapper of {@code wrappedProtocol} built by {@code factory}. */
    public SpewingProtocol(WrappingFactory factory, IProtocol wrappedProtocol) {
        super(factory, wrappedProtocol);
    }

    /** Logs {@code "Received: b'...'"} and passes the data on. */
    @Override
    public void dataReceived(byte[] data) {
        log.info("Received: {data!r}", "data", data);
        super.dataReceived(data);
    }

    /** Logs {@code "Sending: b'...'"} and writes the data. */
    @Override
    public void write(byte[] data) {
        log.info("Sending: {data!r}", "data", data);
        super.write(data);
    }
}
