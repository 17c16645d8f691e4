package dev.twj.examples;

import dev.twj.internet.Reactor;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.protocols.basic.LineReceiver;
import dev.twj.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Twisted's front-page chat server: every line one client sends goes to all the others. Run by
 * the README's first command; talk to it with {@code nc 127.0.0.1 8123} from two terminals, stop
 * it with Ctrl-C.
 *
 * <p>The Python it ports:
 * <pre>
 * class PubProtocol(basic.LineReceiver):
 *     def connectionMade(self):
 *         self.factory.clients.add(self)
 *     def connectionLost(self, reason):
 *         self.factory.clients.remove(self)
 *     def lineReceived(self, line):
 *         for c in self.factory.clients:
 *             c.sendLine(...)
 * </pre>
 *
 * <p>The port is 8123 unless {@code -Dport=N} says otherwise ({@code -Dport=0} picks a free one).
 * Lines end with {@code "\n"}, and a {@code "\r"} before it is dropped, so both {@code nc} and
 * {@code telnet} work. The server's console shows who joins and leaves; on Ctrl-C (or SIGTERM)
 * it prints {@code stopped}, closes every connection and exits.
 */
public final class ChatServer {
    private ChatServer() {}

    /** One chat client: announces itself, relays its lines to the others. */
    public static final class ChatProtocol extends LineReceiver {
        private final ChatFactory chat;
        private String name = "?";

        /** Creates the protocol of one client of {@code chat}. */
        public ChatProtocol(ChatFactory chat) {
            this.chat = chat;
            this.delimiter = new byte[] {'\n'};
        }

        @Override
        public void connectionMade() {
            IAddress peer = transport.getPeer();
            name = peer instanceof IPv4Address a ? a.host() + ":" + a.port() : String.valueOf(peer);
            sendLine(("Welcome to the twj chat, " + name + ". " + chat.clients.size()
                    + " other(s) here. Type a line and press Enter.").getBytes(StandardCharsets.UTF_8));
            broadcast(("* " + name + " joined").getBytes(StandardCharsets.UTF_8));
            chat.clients.add(this);
            System.out.println("* " + name + " joined");
        }

        @Override
        public void connectionLost(Failure reason) {
            chat.clients.remove(this);
            broadcast(("* " + name + " left").getBytes(StandardCharsets.UTF_8));
            System.out.println("* " + name + " left");
        }

        @Override
        public void lineReceived(byte[] line) {
            if (line.length > 0 && line[line.length - 1] == '\r') {
                line = Arrays.copyOf(line, line.length - 1);
            }
            byte[] prefix = ("<" + name + "> ").getBytes(StandardCharsets.UTF_8);
            byte[] out = Arrays.copyOf(prefix, prefix.length + line.length);
            System.arraycopy(line, 0, out, prefix.length, line.length);
            broadcast(out);
        }

        private void broadcast(byte[] line) {
            for (ChatProtocol c : chat.clients) {
                if (c != this) {
                    c.sendLine(line);
                }
            }
        }
    }

    /** Builds a {@link ChatProtocol} per connection and keeps the set of connected clients. */
    public static final class ChatFactory extends Factory {
        /** The connected clients, in order of arrival. */
        public final Set<ChatProtocol> clients = new LinkedHashSet<>();

        /** Creates a factory with no clients. */
        public ChatFactory() {}

        @Override
        public Protocol buildProtocol(IAddress addr) {
            ChatProtocol p = new ChatProtocol(this);
            p.factory = this;
            return p;
        }
    }

    /** Listens on 127.0.0.1 ({@code -Dport}, default 8123) and runs the reactor until Ctrl-C. */
    public static void main(String[] args) {
        int port = Integer.getInteger("port", 8123);
        SelectReactor reactor = Reactor.reactor();
        IListeningPort listening = reactor.listenTCP(port, new ChatFactory(), 50, "127.0.0.1");
        IAddress host = listening.getHost();
        int actual = host instanceof IPv4Address a ? a.port() : port;
        reactor.addSystemEventTrigger("before", "shutdown", () -> {
            System.out.println("stopped");
            return null;
        });
        System.out.println("Chat server listening on 127.0.0.1:" + actual
                + "; connect with: nc 127.0.0.1 " + actual + "   (Ctrl-C stops it)");
        reactor.run();
    }
}
