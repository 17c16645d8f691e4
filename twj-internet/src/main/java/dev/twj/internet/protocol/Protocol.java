package dev.twj.internet.protocol;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.internal.ClassNames;
import dev.twj.python.failure.Failure;

/**
 * The base class for streaming connection-oriented protocols. Port of
 * {@code twisted.internet.protocol.Protocol}.
 *
 * <p>If you are going to write a new connection-oriented protocol, start here. Implement
 * {@link #dataReceived} to handle input; send output through {@link #transport}; override
 * {@link #connectionLost} to be told when the connection ends:
 *
 * <pre>{@code
 * class Echo extends Protocol {
 *     @Override
 *     public void dataReceived(byte[] data) {
 *         transport.write(data);
 *     }
 * }
 * reactor.listenTCP(8000, Factory.forProtocol(Echo::new));
 * }</pre>
 *
 * <h2>Contract</h2>
 * <p>All methods are called on the reactor thread, one at a time. An exception thrown from
 * {@code dataReceived} or {@code connectionMade} is logged and closes this connection only.
 */
public class Protocol extends BaseProtocol implements IProtocol, ILoggingContext {
    /** The factory that built this protocol, set by {@link Factory#buildProtocol}; may be null. */
    public Factory factory;

    /** Creates a protocol with no transport. */
    public Protocol() {}

    /**
     * Returns a new Failure wrapping {@link ConnectionDone}: the reason of a clean close, Twisted's
     * {@code connectionDone}.
     */
    public static Failure connectionDone() {
        return new Failure(new ConnectionDone());
    }

    /**
     * Returns a prefix identifying this protocol in log messages: its class's simple name, or for
     * an anonymous class its binary name after the package ({@code ChatServer$1}).
     */
    @Override
    public String logPrefix() {
        return ClassNames.nameOf(getClass());
    }

    /**
     * Called whenever data is received.
     *
     * <p>Use this method to translate to a higher-level message. Usually, some callback will be
     * made upon the receipt of each complete protocol message. Keep in mind that the data comes
     * in chunks of any length: unit tests of protocols should call this with differing chunk
     * sizes, down to one byte at a time.
     */
    @Override
    public void dataReceived(byte[] data) {}

    /**
     * Called when the connection is shut down. Clear any references to this protocol here.
     *
     * @param reason why: {@link ConnectionDone} for a clean close
     */
    @Override
    public void connectionLost(Failure reason) {}
}
