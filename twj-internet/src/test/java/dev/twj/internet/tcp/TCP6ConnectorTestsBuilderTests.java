package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** Port of Twisted's {@code TCP6ConnectorTestsBuilder}: {@link TCPConnectorTestsBuilder} over IPv6 on ::1. */
class TCP6ConnectorTestsBuilderTests extends TCPConnectorTestsBuilder {
    @BeforeEach
    void requireIPv6() {
        assumeTrue(ipv6Available(), "IPv6 not available");
    }

    @Override
    String interface_() {
        return "::1";
    }
}
