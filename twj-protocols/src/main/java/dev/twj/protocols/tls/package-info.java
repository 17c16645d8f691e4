/**
 * TLS as a protocol wrapper: {@link dev.twj.protocols.tls.TLSMemoryBIOProtocol} runs a JSSE
 * {@link javax.net.ssl.SSLEngine} over any transport. Port of {@code twisted.protocols.tls}; the
 * reactor's {@code startTLS}, {@code listenSSL} and {@code connectSSL} are built on it.
 */
package dev.twj.protocols.tls;
