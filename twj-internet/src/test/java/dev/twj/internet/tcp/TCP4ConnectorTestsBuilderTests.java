package dev.twj.internet.tcp;

/** Port of Twisted's {@code TCP4ConnectorTestsBuilder}: {@link TCPConnectorTestsBuilder} over IPv4. */
class TCP4ConnectorTestsBuilderTests extends TCPConnectorTestsBuilder {}
