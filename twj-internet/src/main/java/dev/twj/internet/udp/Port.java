package dev.twj.internet.udp;

import dev.twj.internet.Abstract;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.CannotListenError;
import dev.twj.internet.error.InvalidAddressError;
import dev.twj.internet.error.MessageLengthError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IReactorFDSet;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.internet.interfaces.IUDPTransport;
import dev.twj.internet.protocol.DatagramProtocol;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.util.Arrays;

/**
 * A UDP port, listening for datagrams: the transport of a {@link DatagramProtocol}.
 *
 * <p>Port of {@code twisted.internet.udp.Port}. {@link #doRead} receives up to
 * {@link #maxThroughput} bytes per reactor iteration and hands each datagram to
 * {@code datagramReceived(data, IPv4Address("UDP", host, port))} (an {@link IPv6Address} on an
 * IPv6 port); an exception from the protocol is logged and the port keeps listening. After
 * {@link #connect}, the port only talks to that address, and an ICMP port-unreachable reported by
 * the system calls the protocol's {@code connectionRefused}.
 *
 * <p>Where twj differs: addresses are {@link IAddress}es where Twisted passes {@code (host, port)}
 * tuples; {@link #write(byte[], IAddress)} needs an IP literal (Twisted warns about host names
 * and resolves them). Multicast ({@code IReactorMulticast}) is not implemented.
 */
public final class Port implements IUDPTransport, IListeningPort, IReadDescriptor {
    private static final Logger log = new Logger(Port.class);

    /** Bytes read per reactor iteration before yielding to other descriptors. */
    public int maxThroughput = 256 * 1024;

    private final int port;
    private final DatagramProtocol protocol;
    private final String interface_;
    private final int maxPacketSize;
    private final ReactorBase reactor;
    private final IReactorFDSet fds;
    private final boolean v6;

    private DatagramChannel socket;
    private IAddress connectedAddr;
    private IAddress host;
    private boolean connected;
    private Deferred<Void> deferred;

    /** Creates a port; {@link #startListening} binds it. */
    public Port(int port, DatagramProtocol protocol, String interface_, int maxPacketSize, ReactorBase reactor) {
        this.port = port;
        this.protocol = protocol;
        this.interface_ = interface_ == null ? "" : interface_;
        this.maxPacketSize = maxPacketSize;
        this.reactor = reactor;
        this.fds = (IReactorFDSet) reactor;
        this.v6 = Abstract.isIPv6Address(this.interface_);
    }

    @Override
    public SelectableChannel fileno() {
        return socket;
    }

    /**
     * Binds the socket, connects the protocol and begins reading.
     *
     * @throws CannotListenError if the port cannot be bound
     */
    @Override
    public void startListening() {
        DatagramChannel skt = null;
        try {
            skt = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            InetAddress address = interface_.isEmpty()
                    ? InetAddress.getByName("0.0.0.0")
                    : InetAddress.getByName(interface_);
            skt.bind(new InetSocketAddress(address, port));
            skt.configureBlocking(false);
            host = toAddress(skt.getLocalAddress());
        } catch (IOException | RuntimeException e) {
            if (skt != null) {
                try {
                    skt.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
            throw new CannotListenError(interface_, port, e);
        }
        socket = skt;
        log.info("{prefix} starting on {port}", "prefix", logPrefix(), "port", portNumber());
        connected = true;
        protocol.makeConnection(this);
        fds.addReader(this);
    }

    private int portNumber() {
        return host instanceof IPv4Address a ? a.port() : ((IPv6Address) host).port();
    }

    private static IAddress toAddress(SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        InetAddress ip = inet.getAddress();
        if (ip instanceof Inet6Address) {
            String h = ip.getHostAddress();
            int percent = h.indexOf('%');
            return new IPv6Address("UDP", percent >= 0 ? h.substring(0, percent) : h, inet.getPort());
        }
        return new IPv4Address("UDP", ip.getHostAddress(), inet.getPort());
    }

    private static InetSocketAddress toSocketAddress(IAddress address) {
        String h;
        int p;
        if (address instanceof IPv4Address a) {
            h = a.host();
            p = a.port();
        } else if (address instanceof IPv6Address a) {
            h = a.host();
            p = a.port();
        } else {
            throw new InvalidAddressError(String.valueOf(address), "not an IPv4Address or IPv6Address");
        }
        if ("<broadcast>".equals(h)) {
            h = "255.255.255.255";
        }
        if (!Abstract.isIPAddress(h) && !Abstract.isIPv6Address(h)) {
            throw new InvalidAddressError(h, "not an IPv4 or IPv6 address.");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(h), p);
        } catch (IOException e) {
            throw new InvalidAddressError(h, String.valueOf(e.getMessage()));
        }
    }

    /** Reads datagrams until none is left or {@link #maxThroughput} bytes were read. */
    @Override
    public Object doRead() {
        int read = 0;
        ByteBuffer buffer = ByteBuffer.allocate(maxPacketSize);
        while (read < maxThroughput && connected && socket != null) {
            buffer.clear();
            SocketAddress from;
            try {
                from = socket.receive(buffer);
            } catch (PortUnreachableException e) {
                if (connectedAddr != null) {
                    protocol.connectionRefused();
                }
                return null;
            } catch (IOException e) {
                return null;
            }
            if (from == null) {
                return null;
            }
            read += buffer.position();
            byte[] data = Arrays.copyOf(buffer.array(), buffer.position());
            try {
                protocol.datagramReceived(data, toAddress(from));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.failure("Unhandled Error in datagramReceived of {protocol}", new Failure(t),
                        "protocol", protocol);
            }
        }
        return null;
    }

    /** Writes a datagram to the connected address. */
    public void write(byte[] datagram) {
        write(datagram, null);
    }

    /**
     * Writes a datagram to {@code addr}, which must be null exactly when the port is connected.
     *
     * @throws MessageLengthError if the datagram is too long to send
     */
    @Override
    public void write(byte[] datagram, IAddress addr) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        if (connectedAddr != null) {
            if (addr != null && !addr.equals(connectedAddr)) {
                throw new IllegalArgumentException("connected port writes to " + connectedAddr + ", not " + addr);
            }
            try {
                socket.write(buffer);
            } catch (PortUnreachableException e) {
                protocol.connectionRefused();
            } catch (IOException e) {
                checkMessageLength(e);
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            if (addr == null) {
                throw new IllegalArgumentException("addr is null: the port is not connected");
            }
            try {
                socket.send(buffer, toSocketAddress(addr));
            } catch (IOException e) {
                checkMessageLength(e);
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static void checkMessageLength(IOException e) {
        if (String.valueOf(e.getMessage()).contains("too long")) {
            MessageLengthError error = new MessageLengthError("message too long");
            error.initCause(e);
            throw error;
        }
    }

    /** Writes the concatenation of {@code seq} as one datagram to {@code addr}. */
    public void writeSequence(Iterable<byte[]> seq, IAddress addr) {
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (byte[] chunk : seq) {
            joined.writeBytes(chunk);
        }
        write(joined.toByteArray(), addr);
    }

    /**
     * Connects to one address: from then on the port only sends to and receives from there.
     *
     * @throws IllegalStateException if already connected (Twisted's RuntimeError: reconnecting is
     *     not currently supported)
     * @throws InvalidAddressError if {@code host} is not an IP address
     */
    @Override
    public void connect(String host, int port) {
        if (connectedAddr != null) {
            throw new IllegalStateException("already connected, reconnecting is not currently supported");
        }
        if (!Abstract.isIPAddress(host) && !Abstract.isIPv6Address(host)) {
            throw new InvalidAddressError(host, "not an IPv4 or IPv6 address.");
        }
        IAddress target = Abstract.isIPv6Address(host) ? new IPv6Address("UDP", host, port)
                : new IPv4Address("UDP", host, port);
        try {
            socket.connect(toSocketAddress(target));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        connectedAddr = target;
    }

    /** Stops listening; the Deferred fires once the socket is closed and the protocol stopped. */
    @Override
    public Deferred<Void> stopListening() {
        if (deferred != null) {
            return deferred;
        }
        fds.removeReader(this);
        if (connected) {
            Deferred<Void> d = new Deferred<>();
            deferred = d;
            reactor.callLater(0, () -> {
                connectionLost(null);
            });
            return d;
        }
        return Defer.succeed(null);
    }

    /** Same as {@link #stopListening()}. */
    public Deferred<Void> loseConnection() {
        return stopListening();
    }

    /** Cleans up: stops the protocol, closes the socket and fires the stopListening Deferred. */
    @Override
    public void connectionLost(Failure reason) {
        if (!connected) {
            return;
        }
        log.info("(UDP Port {port} Closed)", "port", portNumber());
        connected = false;
        fds.removeReader(this);
        try {
            protocol.doStop();
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
            if (deferred != null) {
                deferred.callback(null);
            }
        }
    }

    /** Returns the bound address: an {@link IPv4Address} or {@link IPv6Address} of type UDP. */
    @Override
    public IAddress getHost() {
        return host;
    }

    /** Sets whether this port may send broadcast datagrams (SO_BROADCAST). */
    @Override
    public void setBroadcastAllowed(boolean enabled) {
        try {
            socket.setOption(StandardSocketOptions.SO_BROADCAST, enabled);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether this port may send broadcast datagrams. */
    @Override
    public boolean getBroadcastAllowed() {
        try {
            return socket.getOption(StandardSocketOptions.SO_BROADCAST);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String logPrefix() {
        return protocol.logPrefix() + " (UDP)";
    }

    @Override
    public String toString() {
        return host != null && connected ? "<" + protocol.getClass().getName() + " on " + portNumber() + ">"
                : "<" + protocol.getClass().getName() + " not connected>";
    }
}
