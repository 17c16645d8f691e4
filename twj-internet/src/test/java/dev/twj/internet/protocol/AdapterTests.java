package dev.twj.internet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.internet.test.test_protocol.AdapterTests}. Twisted adapts with
 * {@code IConsumer(p)} through zope's registry; Java constructs the adapter explicitly.
 */
class AdapterTests {
    /** IProtocol providers can be adapted to IConsumer providers using ProtocolToConsumerAdapter. */
    @Test
    public void test_protocolToConsumer() {
        List<String> result = new ArrayList<>();
        Protocol p = new Protocol() {
            @Override
            public void dataReceived(byte[] data) {
                result.add(new String(data));
            }
        };
        IConsumer consumer = new ProtocolToConsumerAdapter(p);
        consumer.write("hello".getBytes());
        assertEquals(List.of("hello"), result);
        assertInstanceOf(ProtocolToConsumerAdapter.class, consumer);
    }

    /** IConsumer providers can be adapted to IProtocol providers using ConsumerToProtocolAdapter. */
    @Test
    public void test_consumerToProtocol() {
        List<String> result = new ArrayList<>();
        class Consumer implements IConsumer {
            @Override
            public void write(byte[] d) {
                result.add(new String(d));
            }

            @Override
            public void registerProducer(IProducer producer, boolean streaming) {}

            @Override
            public void unregisterProducer() {}
        }
        Consumer c = new Consumer();
        IProtocol protocol = new ConsumerToProtocolAdapter(c);
        protocol.dataReceived("hello".getBytes());
        assertEquals(List.of("hello"), result);
        assertInstanceOf(ConsumerToProtocolAdapter.class, protocol);
    }
}
