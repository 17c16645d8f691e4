package dev.twj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.selectreactor.SelectReactor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ChatServer over real sockets: a reactor on its own thread, two blocking clients. */
class ChatServerTests {
    private SelectReactor reactor;
    private Thread loop;
    private int port;
    private ChatServer.ChatFactory factory;

    @BeforeEach
    public void startServer() throws Exception {
        reactor = new SelectReactor();
        factory = new ChatServer.ChatFactory();
        IListeningPort listening = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        port = ((IPv4Address) listening.getHost()).port();
        loop = new Thread(() -> reactor.run(false), "chat-reactor");
        loop.setDaemon(true);
        loop.start();
    }

    @AfterEach
    public void stopServer() throws Exception {
        reactor.callFromThread(reactor::stop);
        loop.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(!loop.isAlive(), "reactor thread did not stop");
    }

    private static BufferedReader reader(Socket s) throws Exception {
        s.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    /** A line from one client reaches the other, prefixed with the sender; not the sender itself. */
    @Test
    public void lineFromOneClientReachesTheOther() throws Exception {
        try (Socket a = new Socket("127.0.0.1", port); Socket b = new Socket("127.0.0.1", port)) {
            BufferedReader inA = reader(a);
            BufferedReader inB = reader(b);
            assertTrue(inA.readLine().startsWith("Welcome to the twj chat"));
            String greetingB = inB.readLine();
            assertTrue(greetingB.startsWith("Welcome to the twj chat"), greetingB);
            assertTrue(greetingB.contains("1 other(s) here"), greetingB);
            String bName = "127.0.0.1:" + b.getLocalPort();
            assertEquals("* " + bName + " joined", inA.readLine());

            OutputStream outB = b.getOutputStream();
            outB.write("hello from b\r\n".getBytes(StandardCharsets.UTF_8));
            outB.flush();
            assertEquals("<" + bName + "> hello from b", inA.readLine());

            OutputStream outA = a.getOutputStream();
            outA.write("and back\n".getBytes(StandardCharsets.UTF_8));
            outA.flush();
            assertEquals("<127.0.0.1:" + a.getLocalPort() + "> and back", inB.readLine());
        }
    }
}
