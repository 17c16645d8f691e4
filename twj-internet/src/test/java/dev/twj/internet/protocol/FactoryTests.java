package dev.twj.internet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.logger.CapturedLogs;
import dev.twj.logger.LogLevel;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.internet.test.test_protocol.FactoryTests}. */
class FactoryTests {
    /** Factory instances provide both IProtocolFactory and ILoggingContext. */
    @Test
    public void test_interfaces() {
        Object factory = new Factory();
        assertInstanceOf(IProtocolFactory.class, factory);
        assertInstanceOf(ILoggingContext.class, factory);
    }

    static class SomeKindOfFactory extends Factory {}

    /** Factory.logPrefix returns the name of the factory class. */
    @Test
    public void test_logPrefix() {
        assertEquals("SomeKindOfFactory", new SomeKindOfFactory().logPrefix());
    }

    static class SomeProtocol extends Protocol {}

    /**
     * buildProtocol by default constructs a protocol by calling its protocol attribute, and
     * attaches the factory to the result.
     */
    @Test
    public void test_defaultBuildProtocol() {
        Factory f = new Factory();
        f.protocol = SomeProtocol::new;
        Protocol protocol = f.buildProtocol(null);
        assertInstanceOf(SomeProtocol.class, protocol);
        assertSame(f, protocol.factory);
    }

    static class ArgTakingFactory extends Factory {
        final List<Object> args;
        final Map<String, Object> kwargs;

        ArgTakingFactory(List<Object> args, Map<String, Object> kwargs) {
            this.args = args;
            this.kwargs = kwargs;
        }
    }

    /**
     * forProtocol constructs a Factory, passing along any additional arguments, and sets its
     * protocol attribute to the given Protocol subclass. In Java the arguments travel in the
     * lambda that constructs the factory.
     */
    @Test
    public void test_forProtocol() {
        Supplier<Protocol> protocol = Protocol::new;
        ArgTakingFactory factory = Factory.forProtocol(
                protocol, () -> new ArgTakingFactory(List.of(1, 2), Map.of("foo", 12)));
        assertSame(protocol, factory.protocol);
        assertEquals(List.of(1, 2), factory.args);
        assertEquals(Map.of("foo", 12), factory.kwargs);
    }

    /** doStart logs that it is starting a factory, with the factory itself as a field. */
    @Test
    public void test_doStartLoggingStatement() {
        try (CapturedLogs logs = CapturedLogs.capture()) {
            Factory f = new Factory();
            f.doStart();
            Map<String, Object> event = logs.events().get(0);
            assertSame(f, event.get("factory"));
            assertEquals(LogLevel.info, event.get("log_level"));
            assertEquals("Starting factory {factory!r}", event.get("log_format"));
        }
    }

    static class MyFactory extends Factory {
        MyFactory() {
            numPorts = 1;
        }
    }

    /** doStop logs that it is stopping a factory, with the factory itself as a field. */
    @Test
    public void test_doStopLoggingStatement() {
        try (CapturedLogs logs = CapturedLogs.capture()) {
            Factory f = new MyFactory();
            f.doStop();
            Map<String, Object> event = logs.events().get(0);
            assertSame(f, event.get("factory"));
            assertEquals(LogLevel.info, event.get("log_level"));
            assertEquals("Stopping factory {factory!r}", event.get("log_format"));
        }
    }
}
