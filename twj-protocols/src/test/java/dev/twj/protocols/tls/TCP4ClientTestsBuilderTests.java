package dev.twj.protocols.tls;

/** Port of Twisted's {@code TCP4ClientTestsBuilder}: {@link TCPClientTestsBase} over IPv4. */
class TCP4ClientTestsBuilderTests extends TCPClientTestsBase {
    @Override
    String interface_() {
        return "127.0.0.1";
    }
}
