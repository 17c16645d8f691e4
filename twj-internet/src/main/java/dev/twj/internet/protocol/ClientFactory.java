package dev.twj.internet.protocol;

import dev.twj.internet.interfaces.IConnector;
import dev.twj.python.failure.Failure;
import java.util.function.Supplier;

/**
 * A protocol factory for clients, told of a connection attempt's progress. Port of
 * {@code twisted.internet.protocol.ClientFactory}.
 */
public class ClientFactory extends Factory {
    /** Creates a factory; set {@link #protocol} or override {@link #buildProtocol}. */
    public ClientFactory() {}

    /** Creates a client factory for the given protocol. */
    public static ClientFactory forProtocol(Supplier<? extends Protocol> protocol) {
        ClientFactory factory = new ClientFactory();
        factory.protocol = protocol;
        return factory;
    }

    /** Called when a connection has been started; call {@code connector.stopConnecting()} to stop it. */
    public void startedConnecting(IConnector connector) {}

    /**
     * Called when a connection has failed to connect. It may be useful to call
     * {@code connector.connect()}: this will reconnect.
     */
    public void clientConnectionFailed(IConnector connector, Failure reason) {}

    /**
     * Called when an established connection is lost. It may be useful to call
     * {@code connector.connect()}: this will reconnect.
     */
    public void clientConnectionLost(IConnector connector, Failure reason) {}
}
