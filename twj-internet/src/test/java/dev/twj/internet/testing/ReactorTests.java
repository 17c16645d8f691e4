package dev.twj.internet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IFileDescriptor;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IReactorSSL;
import dev.twj.internet.interfaces.IReactorTCP;
import dev.twj.internet.interfaces.IReactorUNIX;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.internet.interfaces.IWriteDescriptor;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Factory;
import dev.twj.python.failure.Failure;
import java.nio.channels.SelectableChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.internet.test.test_testing.ReactorTests}. */
class ReactorTests {
    /** MemoryReactor provides the interfaces it advertises. */
    @Test
    public void test_memoryReactorProvides() {
        Object memoryReactor = new MemoryReactor();
        assertInstanceOf(IReactorTCP.class, memoryReactor);
        assertInstanceOf(IReactorSSL.class, memoryReactor);
        assertInstanceOf(IReactorUNIX.class, memoryReactor);
    }

    /** RaisingMemoryReactor provides the interfaces it advertises, and its methods raise. */
    @Test
    public void test_raisingReactorProvides() {
        RuntimeException listen = new IllegalStateException("listen");
        RuntimeException connect = new IllegalStateException("connect");
        RaisingMemoryReactor raisingReactor = new RaisingMemoryReactor(listen, connect);
        Object r = raisingReactor;
        assertInstanceOf(IReactorTCP.class, r);
        assertInstanceOf(IReactorSSL.class, r);
        assertInstanceOf(IReactorUNIX.class, r);
        assertSame(listen, assertThrows(
                IllegalStateException.class, () -> raisingReactor.listenTCP(1, new Factory())));
        assertSame(connect, assertThrows(
                IllegalStateException.class,
                () -> raisingReactor.connectTCP("h", 1, new ClientFactory())));
    }

    /**
     * connectTCP, connectSSL and connectUNIX return an IConnector whose getDestination reflects
     * the values passed.
     */
    @Test
    public void test_connectDestination() {
        MemoryReactor memoryReactor = new MemoryReactor();
        for (IConnector connector : List.of(
                memoryReactor.connectTCP("test.example.com", 8321, new ClientFactory()),
                memoryReactor.connectSSL("test.example.com", 8321, new ClientFactory(), null, 30, null))) {
            IPv4Address address = assertInstanceOf(IPv4Address.class, connector.getDestination());
            assertEquals("test.example.com", address.host());
            assertEquals(8321, address.port());
        }
        IConnector connector = memoryReactor.connectUNIX("/fake/path", new ClientFactory(), 30, false);
        UNIXAddress address = assertInstanceOf(UNIXAddress.class, connector.getDestination());
        assertEquals("/fake/path", address.name());
    }

    /**
     * listenTCP and listenSSL listen on 0.0.0.0 and the port passed; listenUNIX on the path
     * passed.
     */
    @Test
    public void test_listenDefaultHost() {
        MemoryReactor memoryReactor = new MemoryReactor();
        for (IListeningPort port : List.of(
                memoryReactor.listenTCP(8242, new Factory()),
                memoryReactor.listenSSL(8242, new Factory(), null, 50, ""))) {
            IPv4Address address = assertInstanceOf(IPv4Address.class, port.getHost());
            assertEquals("0.0.0.0", address.host());
            assertEquals(8242, address.port());
        }
        IListeningPort port = memoryReactor.listenUNIX("/path/to/socket", new Factory(), 50, 0666, false);
        UNIXAddress address = assertInstanceOf(UNIXAddress.class, port.getHost());
        assertEquals("/path/to/socket", address.name());
    }

    private static final class Descriptor implements IReadDescriptor, IWriteDescriptor {
        @Override
        public Object doRead() {
            return null;
        }

        @Override
        public Object doWrite() {
            return null;
        }

        @Override
        public SelectableChannel fileno() {
            return null;
        }

        @Override
        public void connectionLost(Failure reason) {}

        @Override
        public String logPrefix() {
            return "Descriptor";
        }
    }

    /** Adding, removing, and listing readers works. */
    @Test
    public void test_readers() {
        Descriptor reader = new Descriptor();
        MemoryReactor reactor = new MemoryReactor();
        reactor.addReader(reader);
        reactor.addReader(reader);
        assertEquals(List.<IReadDescriptor>of(reader), reactor.getReaders());
        reactor.removeReader(reader);
        assertEquals(List.of(), reactor.getReaders());
    }

    /** Adding, removing, and listing writers works. */
    @Test
    public void test_writers() {
        Descriptor writer = new Descriptor();
        MemoryReactor reactor = new MemoryReactor();
        reactor.addWriter(writer);
        reactor.addWriter(writer);
        assertEquals(List.<IWriteDescriptor>of(writer), reactor.getWriters());
        reactor.removeWriter(writer);
        assertEquals(List.of(), reactor.getWriters());
        reactor.addReader(writer);
        reactor.addWriter(writer);
        assertEquals(List.<IFileDescriptor>of(writer), reactor.removeAll());
    }
}
