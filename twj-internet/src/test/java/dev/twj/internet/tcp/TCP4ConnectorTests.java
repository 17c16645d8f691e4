package dev.twj.internet.tcp;

/** Port of Twisted's {@code TCP4ConnectorTestsBuilder}: {@link TCPConnectorTestsBase} over IPv4. */
class TCP4ConnectorTests extends TCPConnectorTestsBase {}
