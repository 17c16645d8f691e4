package dev.twj.internet.protocol;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.internal.ClassNames;
import dev.twj.logger.Logger;
import java.util.function.Supplier;

/**
 * A factory which produces protocols. Port of {@code twisted.internet.protocol.Factory}.
 *
 * <p>By default {@link #buildProtocol} calls the supplier in {@link #protocol} and sets the new
 * protocol's {@code factory} field. {@link #doStart} and {@link #doStop} count the ports and
 * connectors using this factory and call {@link #startFactory} before the first and
 * {@link #stopFactory} after the last, logging "Starting factory" / "Stopping factory" when
 * {@link #noisy}.
 */
public class Factory implements IProtocolFactory, ILoggingContext {
    /** Builds this factory's protocols: Twisted's {@code protocol} class attribute. */
    public Supplier<? extends Protocol> protocol;

    /** How many ports and connectors use this factory. */
    public int numPorts;

    /** Whether starting and stopping is logged. */
    public boolean noisy = true;

    /** Creates a factory; set {@link #protocol} or override {@link #buildProtocol}. */
    public Factory() {}

    /**
     * Creates a factory for the given protocol: Twisted's {@code Factory.forProtocol}.
     *
     * @param protocol builds one protocol per connection, e.g. {@code Echo::new}
     */
    public static Factory forProtocol(Supplier<? extends Protocol> protocol) {
        Factory factory = new Factory();
        factory.protocol = protocol;
        return factory;
    }

    /**
     * Creates a factory with {@code factory} and sets its {@link #protocol}: Twisted's
     * {@code SomeFactory.forProtocol(protocol, *args)}, where the arguments go in the lambda.
     *
     * <pre>{@code MyFactory f = Factory.forProtocol(Echo::new, () -> new MyFactory(1, 2));}</pre>
     */
    public static <F extends Factory> F forProtocol(
            Supplier<? extends Protocol> protocol, Supplier<F> factory) {
        F f = factory.get();
        f.protocol = protocol;
        return f;
    }

    /**
     * Describes this factory for log messages: its class's simple name, or for an anonymous class
     * its binary name after the package ({@code ChatServer$1}).
     */
    @Override
    public String logPrefix() {
        return ClassNames.nameOf(getClass());
    }

    /** Makes sure {@link #startFactory} is called once. Users should not call this themselves. */
    @Override
    public void doStart() {
        if (numPorts == 0) {
            if (noisy) {
                new Logger(getClass()).info("Starting factory {factory!r}", "factory", this);
            }
            startFactory();
        }
        numPorts++;
    }

    /** Makes sure {@link #stopFactory} is called once. Users should not call this themselves. */
    @Override
    public void doStop() {
        if (numPorts == 0) {
            // As in Twisted: this shouldn't happen, but does sometimes, and is better than failing.
            return;
        }
        numPorts--;
        if (numPorts == 0) {
            if (noisy) {
                new Logger(getClass()).info("Stopping factory {factory!r}", "factory", this);
            }
            stopFactory();
        }
    }

    /**
     * Called before the factory begins listening on a port or connector, once, even if it is
     * used by several ports. Use it for work best put off until things run, such as connecting
     * to a database.
     */
    public void startFactory() {}

    /** Called after the factory stops listening on all ports and connectors. */
    public void stopFactory() {}

    /**
     * Creates a protocol for a connection from {@code addr} and sets its {@code factory}.
     * Override to build protocols differently; return null to close the new connection at once.
     *
     * @throws IllegalStateException if {@link #protocol} is not set
     */
    @Override
    public Protocol buildProtocol(IAddress addr) {
        if (protocol == null) {
            throw new IllegalStateException(
                    "Factory.protocol is null: set it, use Factory.forProtocol, or override buildProtocol");
        }
        Protocol p = protocol.get();
        p.factory = this;
        return p;
    }

    @Override
    public String toString() {
        return "<" + getClass().getName() + " object at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
