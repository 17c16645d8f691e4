package dev.twj.protocols.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.logger.CapturedLogs;
import org.junit.jupiter.api.Test;

/** Port of {@code TLSMemoryBIOFactoryTests}: TLSMemoryBIOFactory logging acts correctly. */
class TLSMemoryBIOFactoryTests {
    private static Object serverTLSContext() {
        return TLSTestSupport.certificatesForAuthorityAndServer().server().options();
    }

    /** {@code doStart} and {@code doStop} do not log any messages. */
    @Test
    public void test_quiet() {
        // Disable logging on the wrapped factory:
        ServerFactory wrappedFactory = new ServerFactory() {
            @Override
            public void doStart() {}

            @Override
            public void doStop() {}
        };
        TLSMemoryBIOFactory factory = new TLSMemoryBIOFactory(serverTLSContext(), false, wrappedFactory);
        try (CapturedLogs logs = CapturedLogs.capture()) {
            factory.doStart();
            factory.doStop();
            assertEquals(java.util.List.of(), logs.events());
        }
    }

    /**
     * {@code logPrefix} amends the wrapped factory's log prefix with a short string ("TLS")
     * indicating the wrapping, rather than its full class name.
     */
    @Test
    public void test_logPrefix() {
        TLSMemoryBIOFactory factory = new TLSMemoryBIOFactory(serverTLSContext(), false, new ServerFactory());
        assertEquals("ServerFactory (TLS)", factory.logPrefix());
    }

    /** If the wrapped factory does not provide ILoggingContext, its class name is used. */
    @Test
    public void test_logPrefixFallback() {
        class NoFactory implements IProtocolFactory {
            @Override
            public IProtocol buildProtocol(IAddress addr) {
                return null;
            }

            @Override
            public void doStart() {}

            @Override
            public void doStop() {}
        }
        TLSMemoryBIOFactory factory = new TLSMemoryBIOFactory(serverTLSContext(), false, new NoFactory());
        assertEquals("NoFactory (TLS)", factory.logPrefix());
    }
}
