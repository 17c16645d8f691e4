package dev.twj.benchmarks;

import static dev.twj.protocols.amp.Command.arg;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.protocols.amp.AMP;
import dev.twj.protocols.amp.Command;
import dev.twj.protocols.amp.IntegerArgument;
import java.util.Map;

/**
 * AMP round trips over one TCP connection on 127.0.0.1 (issue 5): a twj {@link AMP} client calls
 * {@code sum(a, b)} on a twj {@link AMP} server, both on one {@link SelectReactor} in one thread,
 * keeping {@code inFlight} calls outstanding (each answer sends the next call). It counts the
 * answers in a {@code measure}-second window after a {@code warmup}-second one and prints
 * calls/s, and calls per CPU-second of the reactor thread (less sensitive to a loaded machine). The Twisted figure comes from {@code src/main/python/amp_round_trips.py}, which does
 * the same with Twisted's AMP.
 *
 * <p>Run: {@code java -cp "$(cat cp.txt):twj-benchmarks/target/classes" dev.twj.benchmarks.AmpRoundTrips
 * [inFlight=100] [warmup=2] [measure=5] [port]}; with a port it is only a client of a server
 * already listening there (a second JVM: {@code AmpRoundTrips --serve}, or Twisted's script
 * {@code serve}).
 */
public final class AmpRoundTrips {
    private AmpRoundTrips() {}

    /** {@code sum(a, b) -> total}, the command of amp_peer.py. */
    public static final class Sum extends Command {
        /** The command's schema. */
        public Sum() {
            commandName("sum");
            arguments(arg("a", new IntegerArgument()), arg("b", new IntegerArgument()));
            response(arg("total", new IntegerArgument()));
        }
    }

    /** A server protocol answering {@link Sum}. */
    static AMP server() {
        AMP amp = new AMP();
        amp.register(Sum.class, a -> Map.of("total", (Long) a.get("a") + (Long) a.get("b")));
        return amp;
    }

    /** The client: keeps {@code inFlight} calls outstanding and counts answers. */
    static final class Caller extends AMP {
        final int inFlight;
        long answers;
        long next;

        Caller(int inFlight) {
            this.inFlight = inFlight;
        }

        @Override
        public void connectionMade() {
            super.connectionMade();
            for (int i = 0; i < inFlight; i++) {
                call();
            }
        }

        void call() {
            long a = next++;
            callRemote(Sum.class, Map.of("a", a, "b", 1L)).addCallback(r -> {
                if ((Long) r.get("total") != a + 1) {
                    throw new AssertionError("wrong total " + r);
                }
                answers++;
                call();
                return null;
            });
        }
    }

    /**
     * Runs the benchmark, or with {@code --serve [port]} only a server.
     *
     * @param args {@code [inFlight] [warmup s] [measure s] [port]} or {@code --serve [port]}
     */
    public static void main(String[] args) {
        SelectReactor reactor = new SelectReactor();
        if (args.length > 0 && args[0].equals("--serve")) {
            ServerFactory f = new ServerFactory();
            f.protocol = AmpRoundTrips::server;
            IListeningPort port = reactor.listenTCP(args.length > 1 ? Integer.parseInt(args[1]) : 0, f, 50, "127.0.0.1");
            System.out.println("port " + ((IPv4Address) port.getHost()).port());
            System.out.flush();
            reactor.run(false);
            return;
        }
        int inFlight = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        double measure = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        int port;
        String where;
        if (args.length > 3) {
            port = Integer.parseInt(args[3]);
            where = "server elsewhere on port " + port;
        } else {
            ServerFactory f = new ServerFactory();
            f.protocol = AmpRoundTrips::server;
            port = ((IPv4Address) reactor.listenTCP(0, f, 50, "127.0.0.1").getHost()).port();
            where = "server in this JVM, same reactor";
        }
        Caller caller = new Caller(inFlight);
        ClientFactory cf = new ClientFactory();
        cf.protocol = () -> caller;
        reactor.connectTCP("127.0.0.1", port, cf, 30, null);
        long[] start = new long[3];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        reactor.callLater(warmup, () -> {
            start[0] = System.nanoTime();
            start[1] = caller.answers;
            start[2] = threads.getCurrentThreadCpuTime();
        });
        reactor.callLater(warmup + measure, () -> {
            double seconds = (System.nanoTime() - start[0]) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - start[2]) / 1e9;
            long n = caller.answers - start[1];
            System.out.printf("twj AMP: %d calls in flight, %s: %d answers in %.2f s = %.0f calls/s;"
                    + " reactor thread CPU %.2f s = %.0f calls per CPU-second%n",
                    inFlight, where, n, seconds, n / seconds, cpu, n / cpu);
            reactor.stop();
        });
        reactor.run(false);
    }
}
