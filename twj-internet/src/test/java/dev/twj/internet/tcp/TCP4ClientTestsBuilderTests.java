package dev.twj.internet.tcp;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IAddress;

/** Port of Twisted's {@code TCP4ClientTestsBuilder}: {@link TCPClientTestsBase} over IPv4. */
class TCP4ClientTestsBuilderTests extends TCPClientTestsBase {
    @Override
    String fakeDomainName() {
        return "some-fake.domain.example.com";
    }

    @Override
    IAddress address(String host, int port) {
        return new IPv4Address("TCP", host, port);
    }
}
