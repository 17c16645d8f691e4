package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import java.io.DataInputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Java-only: a TCP write goes to the socket at once when nothing is queued, and registers write
 * interest only for what the socket did not take (Twisted registers it around every write).
 */
class TCPWriteBehaviourTests {
    private SelectReactor reactor;
    private Thread loop;

    @BeforeEach
    public void start() {
        reactor = new SelectReactor();
    }

    @AfterEach
    public void stop() throws Exception {
        if (loop != null) {
            reactor.callFromThread(reactor::stop);
            loop.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(loop.isAlive(), "reactor thread did not stop");
        }
    }

    /** What the server's connectionMade saw right after its write. */
    record AfterWrite(boolean writeInterest, long buffered) {}

    private int listen(byte[] data, CompletableFuture<AfterWrite> seen) {
        Factory f = Factory.forProtocol(() -> new Protocol() {
            @Override
            public void connectionMade() {
                transport.write(data);
                FileDescriptor fd = (FileDescriptor) transport;
                seen.complete(new AfterWrite(reactor.getWriters().contains(fd), fd.bufferedBytes()));
            }
        });
        f.noisy = false;
        IListeningPort port = reactor.listenTCP(0, f, 50, "127.0.0.1");
        loop = new Thread(() -> reactor.run(false), "write-behaviour-reactor");
        loop.setDaemon(true);
        loop.start();
        return ((IPv4Address) port.getHost()).port();
    }

    /** A small write is sent at once: no write interest, nothing buffered, the peer gets it. */
    @Test
    public void test_smallWriteGoesOutAtOnce() throws Exception {
        CompletableFuture<AfterWrite> seen = new CompletableFuture<>();
        byte[] hello = "hello".getBytes();
        int port = listen(hello, seen);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            byte[] got = new byte[hello.length];
            new DataInputStream(s.getInputStream()).readFully(got);
            assertArrayEquals(hello, got);
            assertEquals(new AfterWrite(false, 0), seen.get(10, TimeUnit.SECONDS));
        }
    }

    /**
     * A write larger than the socket takes queues the rest and registers write interest; all of
     * it arrives, in order, once the peer reads.
     */
    @Test
    public void test_partialWriteQueuesTheRest() throws Exception {
        CompletableFuture<AfterWrite> seen = new CompletableFuture<>();
        byte[] big = new byte[64 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >>> 16));
        }
        int port = listen(big, seen);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            AfterWrite after = seen.get(10, TimeUnit.SECONDS);
            assertTrue(after.writeInterest(), "write interest registered");
            assertTrue(after.buffered() > 0 && after.buffered() < big.length, "buffered " + after.buffered());
            byte[] got = new byte[big.length];
            new DataInputStream(s.getInputStream()).readFully(got);
            assertArrayEquals(big, got);
        }
    }

    /**
     * Writes queued behind a partial one, small and larger than the 64 KiB a single send takes,
     * are sent together (several per system call, one split over several) and arrive complete
     * and in order.
     */
    @Test
    public void test_queuedWritesArriveInOrder() throws Exception {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        java.util.List<byte[]> writes = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(1234);
        writes.add(new byte[8 << 20]);
        for (int i = 0; i < 3000; i++) {
            int size = i % 500 == 0 ? 100_000 + random.nextInt(200_000) : 1 + random.nextInt(3000);
            writes.add(new byte[size]);
        }
        for (byte[] w : writes) {
            random.nextBytes(w);
            all.write(w);
        }
        byte[] expected = all.toByteArray();
        CompletableFuture<AfterWrite> seen = new CompletableFuture<>();
        Factory f = Factory.forProtocol(() -> new Protocol() {
            @Override
            public void connectionMade() {
                for (byte[] w : writes) {
                    transport.write(w);
                }
                FileDescriptor fd = (FileDescriptor) transport;
                seen.complete(new AfterWrite(reactor.getWriters().contains(fd), fd.bufferedBytes()));
            }
        });
        f.noisy = false;
        IListeningPort port = reactor.listenTCP(0, f, 50, "127.0.0.1");
        loop = new Thread(() -> reactor.run(false), "write-behaviour-reactor");
        loop.setDaemon(true);
        loop.start();
        try (Socket s = new Socket("127.0.0.1", ((IPv4Address) port.getHost()).port())) {
            s.setSoTimeout(30_000);
            AfterWrite after = seen.get(10, TimeUnit.SECONDS);
            assertTrue(after.writeInterest(), "write interest registered");
            assertTrue(after.buffered() > 0, "buffered " + after.buffered());
            byte[] got = new byte[expected.length];
            new DataInputStream(s.getInputStream()).readFully(got);
            assertArrayEquals(expected, got);
        }
    }
}
