package dev.twj.protocols.tls;

import dev.twj.trial.unittest.SkipTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;

/**
 * Port of Twisted's {@code TCP6ClientTestsBuilder}: {@link TCPClientTestsBase} over IPv6 on
 * {@code ::1}; skipped when IPv6 is not available.
 */
class TCP6ClientTestsBuilderTests extends TCPClientTestsBase {
    /** Skips the test if ::1 cannot be bound here (Twisted's ipv6Skip). */
    void setUp() {
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        } catch (IOException | RuntimeException e) {
            throw new SkipTest("IPv6 not available");
        }
    }

    @Override
    String interface_() {
        return "::1";
    }
}
