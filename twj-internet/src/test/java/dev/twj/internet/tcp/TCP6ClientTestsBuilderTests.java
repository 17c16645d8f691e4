package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.interfaces.IAddress;
import org.junit.jupiter.api.BeforeEach;

/**
 * Port of Twisted's {@code TCP6ClientTestsBuilder}: {@link TCPClientTestsBase} over IPv6 on
 * {@code ::1}; skipped when IPv6 is not available. As in Twisted, the "fake domain name" is the
 * IPv6 literal, since a resolver giving back an IPv6 address is not something the reactor handles.
 */
class TCP6ClientTestsBuilderTests extends TCPClientTestsBase {
    @BeforeEach
    void requireIPv6() {
        assumeTrue(ipv6Available(), "IPv6 not available");
    }

    @Override
    String interface_() {
        return "::1";
    }

    @Override
    String fakeDomainName() {
        return "::1";
    }

    @Override
    IAddress address(String host, int port) {
        return new IPv6Address("TCP", host, port);
    }
}
