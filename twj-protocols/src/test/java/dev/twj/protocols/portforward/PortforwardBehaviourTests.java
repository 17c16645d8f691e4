package dev.twj.protocols.portforward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.testing.MemoryReactor;
import dev.twj.internet.testing.StringTransport;
import dev.twj.protocols.portforward.PortforwardTestSupport.Link;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Flow control of the port forwarder, on in-memory links. */
class PortforwardBehaviourTests {
    /** Records what it receives. */
    static final class Recorder extends Protocol {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();

        @Override
        public void dataReceived(byte[] bytes) {
            data.writeBytes(bytes);
        }

        String text() {
            return data.toString(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    public void clientBytesWaitUntilTheBackendConnectionIsMadeAndAPausedBackendPausesTheClient() {
        MemoryReactor reactor = new MemoryReactor();
        IPv4Address addr = new IPv4Address("TCP", "127.0.0.1", 1);
        ProxyServer proxyServer = (ProxyServer) new ProxyFactory("backend", 7).buildProtocol(addr);
        proxyServer.reactor = reactor;
        Recorder client = new Recorder();
        StringTransport clientTransport = new StringTransport();
        StringTransport proxyServerTransport = new StringTransport();
        Link front = new Link(client, clientTransport, proxyServer, proxyServerTransport);
        client.makeConnection(clientTransport);
        proxyServer.makeConnection(proxyServerTransport);

        // Nothing is read from the client until the backend is connected.
        clientTransport.write(b("early"));
        PortforwardTestSupport.pumpAll(front);
        assertEquals("paused", proxyServerTransport.producerState);
        assertEquals("early", new String(clientTransport.value(), StandardCharsets.US_ASCII));

        Protocol proxyClient = ((ProxyClientFactory) reactor.tcpClients.get(0).factory()).buildProtocol(addr);
        Recorder backend = new Recorder();
        StringTransport proxyClientTransport = new StringTransport();
        StringTransport backendTransport = new StringTransport();
        Link back = new Link(proxyClient, proxyClientTransport, backend, backendTransport);
        proxyClient.makeConnection(proxyClientTransport);
        backend.makeConnection(backendTransport);
        PortforwardTestSupport.pumpAll(front, back);
        assertEquals("early", backend.text());

        // The backend side's transport, whose buffer is full, pauses its producer: the client side.
        ((IPushProducer) proxyClientTransport.producer).pauseProducing();
        assertEquals("paused", proxyServerTransport.producerState);
        clientTransport.write(b(" late"));
        PortforwardTestSupport.pumpAll(front, back);
        assertEquals("early", backend.text());

        ((IPushProducer) proxyClientTransport.producer).resumeProducing();
        PortforwardTestSupport.pumpAll(front, back);
        assertEquals("early late", backend.text());

        // And the other way round.
        backendTransport.write(b("reply"));
        ((IPushProducer) proxyServerTransport.producer).pauseProducing();
        PortforwardTestSupport.pumpAll(front, back);
        assertEquals("", client.text());
        ((IPushProducer) proxyServerTransport.producer).resumeProducing();
        PortforwardTestSupport.pumpAll(front, back);
        assertTrue(client.text().equals("reply"), client.text());
    }

    @Test
    public void losingOneSideLosesTheOther() {
        MemoryReactor reactor = new MemoryReactor();
        IPv4Address addr = new IPv4Address("TCP", "127.0.0.1", 1);
        ProxyServer proxyServer = (ProxyServer) new ProxyFactory("backend", 7).buildProtocol(addr);
        proxyServer.reactor = reactor;
        StringTransport proxyServerTransport = new StringTransport();
        proxyServer.makeConnection(proxyServerTransport);
        Protocol proxyClient = ((ProxyClientFactory) reactor.tcpClients.get(0).factory()).buildProtocol(addr);
        StringTransport proxyClientTransport = new StringTransport();
        proxyClient.makeConnection(proxyClientTransport);

        proxyClient.connectionLost(Protocol.connectionDone());

        assertTrue(proxyServerTransport.disconnecting);
    }
}
