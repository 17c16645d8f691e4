package dev.twj.protocols.amp;

import dev.twj.internet.protocol.BaseProtocol;

/**
 * An {@link AmpBox} that, upon being sent, terminates the connection.
 *
 * <p>Port of {@code twisted.protocols.amp.QuitBox}.
 */
public class QuitBox extends AmpBox {
    /** Creates an empty quit box. */
    public QuitBox() {}

    @Override
    protected AmpBox newEmpty() {
        return new QuitBox();
    }

    /** Sends this box, then calls {@code loseConnection} on the sender's transport. */
    @Override
    public void sendTo(IBoxSender proto) {
        super.sendTo(proto);
        if (proto instanceof BaseProtocol p && p.transport != null) {
            p.transport.loseConnection();
        }
    }

    @Override
    public String toString() {
        return "QuitBox(**" + entriesRepr() + ")";
    }
}
