package dev.twj.protocols.policies;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITCPTransport;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.python.failure.Failure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * Wraps a protocol and acts as its transport as well. Port of
 * {@code twisted.protocols.policies.ProtocolWrapper}.
 *
 * <pre>
 *   real transport  --dataReceived-->  ProtocolWrapper  --dataReceived-->  wrappedProtocol
 *   real transport  <----write-------  ProtocolWrapper  <----write-------  wrappedProtocol
 *                                      (= wrappedProtocol.transport)
 * </pre>
 *
 * <p>{@link #makeConnection} registers the wrapper with its factory, keeps the real transport in
 * {@link #transport}, and connects the wrapped protocol to this wrapper so that every transport
 * call it makes passes through here; {@link #connectionLost} unregisters it and drops the
 * reference to the wrapped protocol.
 *
 * <p>Differences from Twisted: Twisted's wrapper {@code directlyProvides} every interface of the
 * real transport and forwards any other attribute with {@code __getattr__}. Java cannot add
 * interfaces at run time, so this wrapper always implements {@link ITCPTransport},
 * {@link IConsumer} and {@link IPushProducer}; a call that the real transport does not support
 * throws {@link UnsupportedOperationException} (Twisted's {@code AttributeError}).
 * {@link #stopConsuming} forwards to a public no-argument {@code stopConsuming} method of the
 * transport, looked up by reflection, as no twj interface declares it.
 */
public class ProtocolWrapper extends Protocol implements ITCPTransport, IConsumer, IPushProducer {
    /**
     * The registry a wrapper tells of its connection and its loss: Twisted's duck-typed
     * {@code factory.registerProtocol} and {@code factory.unregisterProtocol}.
     */
    public interface Registry {
        /** Called by a wrapper when its connection is made. */
        void registerProtocol(ProtocolWrapper p);

        /** Called by a wrapper when its connection is lost. */
        void unregisterProtocol(ProtocolWrapper p);
    }

    /** True once {@link #loseConnection} has been called. */
    public boolean disconnecting;

    /** Returns the {@code disconnecting} field. */
    @Override
    public boolean disconnecting() {
        return disconnecting;
    }

    /**
     * The protocol to which protocol calls on this wrapper are proxied; null once the
     * connection is lost (to break the reference cycle, as in Twisted).
     */
    public IProtocol wrappedProtocol;

    private final Registry registry;

    /**
     * Creates a wrapper of {@code wrappedProtocol} built by {@code factory}, a
     * {@link WrappingFactory} or any factory that keeps track of its wrappers.
     *
     * @param factory the factory, which becomes this wrapper's {@link #factory}; may be null only
     *     if this wrapper is never connected
     */
    public <F extends Factory & Registry> ProtocolWrapper(F factory, IProtocol wrappedProtocol) {
        this.factory = factory;
        this.registry = factory;
        this.wrappedProtocol = wrappedProtocol;
    }

    /** Mentions both the wrapped protocol and this wrapper, e.g. {@code "Echo (ProtocolWrapper)"}. */
    @Override
    public String logPrefix() {
        return wrappedLogPrefix(this, wrappedProtocol);
    }

    /**
     * Computes a log prefix for a wrapper and the object it wraps: Twisted's
     * {@code _wrappedLogPrefix}.
     */
    static String wrappedLogPrefix(Object wrapper, Object wrapped) {
        String logPrefix;
        if (wrapped instanceof ILoggingContext context) {
            logPrefix = context.logPrefix();
        } else {
            logPrefix = wrapped == null ? "NoneType" : wrapped.getClass().getSimpleName();
        }
        return logPrefix + " (" + wrapper.getClass().getSimpleName() + ")";
    }

    /**
     * When a connection is made, registers this wrapper with its factory, saves the real
     * transport, and connects the wrapped protocol to this wrapper to intercept any transport
     * calls it makes.
     */
    @Override
    public void makeConnection(ITransport transport) {
        super.makeConnection(transport);
        registry.registerProtocol(this);
        wrappedProtocol.makeConnection(this);
    }

    // Transport relaying

    /** Writes {@code data} to the real transport. */
    @Override
    public void write(byte[] data) {
        transport.write(data);
    }

    /** Writes {@code data} to the real transport. */
    @Override
    public void writeSequence(Iterable<byte[]> data) {
        transport.writeSequence(data);
    }

    /** Sets {@link #disconnecting} and closes the real transport. */
    @Override
    public void loseConnection() {
        disconnecting = true;
        transport.loseConnection();
    }

    /** Returns the real transport's peer. */
    @Override
    public IAddress getPeer() {
        return transport.getPeer();
    }

    /** Returns the real transport's host. */
    @Override
    public IAddress getHost() {
        return transport.getHost();
    }

    /** Registers {@code producer} with the real transport. */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        consumer().registerProducer(producer, streaming);
    }

    /** Unregisters the producer of the real transport. */
    @Override
    public void unregisterProducer() {
        consumer().unregisterProducer();
    }

    /**
     * Calls {@code stopConsuming} on the real transport.
     *
     * @throws UnsupportedOperationException if the transport has no public {@code stopConsuming()}
     */
    public void stopConsuming() {
        Method method;
        try {
            method = transport.getClass().getMethod("stopConsuming");
        } catch (NoSuchMethodException e) {
            throw unsupported("stopConsuming");
        }
        try {
            method.invoke(transport);
        } catch (IllegalAccessException e) {
            throw unsupported("stopConsuming");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Pauses the real transport, which must be an {@link IPushProducer}. */
    @Override
    public void pauseProducing() {
        pushProducer("pauseProducing").pauseProducing();
    }

    /** Resumes the real transport, which must be an {@link IPushProducer}. */
    @Override
    public void resumeProducing() {
        pushProducer("resumeProducing").resumeProducing();
    }

    /** Stops the real transport, which must be an {@link IProducer}. */
    @Override
    public void stopProducing() {
        if (!(transport instanceof IProducer producer)) {
            throw unsupported("stopProducing");
        }
        producer.stopProducing();
    }

    /** Half-closes the real transport, which must be an {@link ITCPTransport}. */
    @Override
    public void loseWriteConnection() {
        tcp("loseWriteConnection").loseWriteConnection();
    }

    /** Aborts the real transport, which must be an {@link ITCPTransport}. */
    @Override
    public void abortConnection() {
        tcp("abortConnection").abortConnection();
    }

    /** Forwards to the real transport, which must be an {@link ITCPTransport}. */
    @Override
    public boolean getTcpNoDelay() {
        return tcp("getTcpNoDelay").getTcpNoDelay();
    }

    /** Forwards to the real transport, which must be an {@link ITCPTransport}. */
    @Override
    public void setTcpNoDelay(boolean enabled) {
        tcp("setTcpNoDelay").setTcpNoDelay(enabled);
    }

    /** Forwards to the real transport, which must be an {@link ITCPTransport}. */
    @Override
    public boolean getTcpKeepAlive() {
        return tcp("getTcpKeepAlive").getTcpKeepAlive();
    }

    /** Forwards to the real transport, which must be an {@link ITCPTransport}. */
    @Override
    public void setTcpKeepAlive(boolean enabled) {
        tcp("setTcpKeepAlive").setTcpKeepAlive(enabled);
    }

    // Protocol relaying

    /** Passes {@code data} to the wrapped protocol. */
    @Override
    public void dataReceived(byte[] data) {
        wrappedProtocol.dataReceived(data);
    }

    /**
     * Unregisters this wrapper from its factory, tells the wrapped protocol, and drops the
     * reference to it.
     */
    @Override
    public void connectionLost(Failure reason) {
        registry.unregisterProtocol(this);
        wrappedProtocol.connectionLost(reason);
        // Breaking reference cycle between this and wrappedProtocol.
        wrappedProtocol = null;
    }

    private IConsumer consumer() {
        if (!(transport instanceof IConsumer consumer)) {
            throw unsupported("an IConsumer method");
        }
        return consumer;
    }

    private IPushProducer pushProducer(String name) {
        if (!(transport instanceof IPushProducer producer)) {
            throw unsupported(name);
        }
        return producer;
    }

    private ITCPTransport tcp(String name) {
        if (!(transport instanceof ITCPTransport tcp)) {
            throw unsupported(name);
        }
        return tcp;
    }

    private UnsupportedOperationException unsupported(String name) {
        return new UnsupportedOperationException(
                "transport " + Objects.toString(transport) + " does not support " + name);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{wrapping " + wrappedProtocol + "}";
    }
}
