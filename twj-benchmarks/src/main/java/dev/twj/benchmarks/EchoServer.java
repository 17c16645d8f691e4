package dev.twj.benchmarks;

import dev.twj.internet.Reactor;
import dev.twj.internet.interfaces.ITCPTransport;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;

/**
 * The twj server of the loopback echo benchmark ({@code /work/shared/bench}, docs/performance.md, "Network"):
 * a Protocol whose {@code dataReceived} writes the data back, on the default reactor, as the
 * harness's {@code echo_twisted.py}.
 *
 * <p>Usage: {@code java -cp ... dev.twj.benchmarks.EchoServer [--no-nodelay] PORT} (the port comes
 * last, as the harness's {@code CUSTOM_CMD} passes it). Listens on 127.0.0.1 with a backlog of
 * 1024 and prints {@code port=PORT} once listening. TCP_NODELAY is set on each connection, as the
 * Netty and plain-NIO servers of the harness do, unless {@code --no-nodelay} is given.
 */
public final class EchoServer {
    private EchoServer() {}

    /** Writes back what it receives. */
    public static class Echo extends Protocol {
        /** Creates the protocol. */
        public Echo() {}

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    /** {@link Echo} that sets TCP_NODELAY when connected. */
    public static final class NoDelayEcho extends Echo {
        /** Creates the protocol. */
        public NoDelayEcho() {}

        @Override
        public void connectionMade() {
            ((ITCPTransport) transport).setTcpNoDelay(true);
        }
    }

    /** Listens on 127.0.0.1 at the port given last and runs the reactor. */
    public static void main(String[] args) {
        boolean nodelay = true;
        int port = 9005;
        for (String a : args) {
            if (a.equals("--no-nodelay")) {
                nodelay = false;
            } else {
                port = Integer.parseInt(a);
            }
        }
        Factory factory = Factory.forProtocol(nodelay ? NoDelayEcho::new : Echo::new);
        factory.noisy = false;
        SelectReactor reactor = Reactor.reactor();
        reactor.listenTCP(port, factory, 1024, "127.0.0.1");
        System.out.println("twj EchoServer java " + Runtime.version() + " pid=" + ProcessHandle.current().pid()
                + " nodelay=" + nodelay + " port=" + port);
        System.out.flush();
        reactor.run();
    }
}
