package dev.twj.internet.protocol;

import java.util.function.Supplier;

/**
 * A factory for server protocols. Port of {@code twisted.internet.protocol.ServerFactory}.
 */
public class ServerFactory extends Factory {
    /** Creates a factory; set {@link #protocol} or override {@link #buildProtocol}. */
    public ServerFactory() {}

    /** Creates a server factory for the given protocol. */
    public static ServerFactory forProtocol(Supplier<? extends Protocol> protocol) {
        ServerFactory factory = new ServerFactory();
        factory.protocol = protocol;
        return factory;
    }
}
