/**
 * Certificates and TLS context factories over JSSE: what {@code startTLS}, {@code listenSSL},
 * {@code connectSSL} and AMP's {@code StartTLS} take. Port of {@code twisted.internet.ssl}
 * (with {@code twisted.internet._sslverify}), using {@link javax.net.ssl.SSLEngine} where Twisted
 * uses pyOpenSSL.
 */
package dev.twj.internet.ssl;
