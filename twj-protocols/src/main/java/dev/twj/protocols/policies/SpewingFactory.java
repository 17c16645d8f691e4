package dev.twj.protocols.policies;

import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.Protocol;

/**
 * A wrapping factory whose protocols log all their traffic. Port of
 * {@code twisted.protocols.policies.SpewingFactory}.
 */
public class SpewingFactory extends WrappingFactory {
    /** Creates a factory that wraps the protocols of {@code wrappedFactory} in spewers. */
    public SpewingFactory(IProtocolFactory wrappedFactory) {
        super(wrappedFactory);
    }

    /** Wraps the protocol in a {@link SpewingProtocol}. */
    @Override
    protected Protocol wrapProtocol(IProtocol wrappedProtocol) {
        return new SpewingProtocol(this, wrappedProtocol);
    }
}
