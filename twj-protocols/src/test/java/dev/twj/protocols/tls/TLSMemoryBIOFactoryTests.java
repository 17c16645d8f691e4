package dev.twj.protocols.tls;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.logger.CapturedLogs;
import dev.twj.trial.unittest.SynchronousTestCase;

/** Port of {@code TLSMemoryBIOFactoryTests}: TLSMemoryBIOFactory logging acts correctly. */
class TLSMemoryBIOFactoryTests extends SynchronousTestCase {
    private static Object serverTLSContext() {
        return TLSTestSupport.certificatesForAuthorityAndServer().server().options();
    }

    /** {@code doStart} and {@code doStop} do not log any messages. */
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
            assertEqual(logs.events(), java.util.List.of());
        }
    }

    /**
     * {@code logPrefix} amends the wrapped factory's log prefix with a short string ("TLS")
     * indicating the wrapping, rather than its full class name.
     */
    public void test_logPrefix() {
        TLSMemoryBIOFactory factory = new TLSMemoryBIOFactory(serverTLSContext(), false, new ServerFactory());
        assertEqual(factory.logPrefix(), "ServerFactory (TLS)");
    }

    /** If the wrapped factory does not provide ILoggingContext, its class name is used. */
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
        assertEqual(factory.logPrefix(), "NoFactory (TLS)");
    }
}
