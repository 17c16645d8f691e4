package dev.twj.internet.testing;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.python.failure.Failure;

/**
 * A {@link StringTransport} that, on disconnection, calls {@code connectionLost} on its protocol.
 * Port of {@code twisted.internet.testing.StringTransportWithDisconnection}.
 */
public class StringTransportWithDisconnection extends StringTransport {
    /** The protocol told of the disconnection; set it before calling loseConnection. */
    public IProtocol protocol;

    /** Creates a transport with the default addresses. */
    public StringTransportWithDisconnection() {}

    @Override
    public void loseConnection() {
        if (connected) {
            connected = false;
            protocol.connectionLost(new Failure(new ConnectionDone("Bye.")));
        }
    }
}
