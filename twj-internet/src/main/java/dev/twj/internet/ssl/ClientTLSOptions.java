package dev.twj.internet.ssl;

import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Client TLS settings that check the server's certificate names {@code hostname}. Port of
 * {@code twisted.internet._sslverify.ClientTLSOptions}; build it with
 * {@link Ssl#optionsForClientTLS}.
 *
 * <p>The engine sends {@code hostname} as SNI (unless it is an IP address) and verifies it with
 * the JDK's {@code "HTTPS"} endpoint identification (RFC 2818/6125: DNS names and IP addresses
 * in the subject alternative names), where Twisted uses {@code service_identity}.
 */
public final class ClientTLSOptions implements IOpenSSLClientConnectionCreator {
    private final String hostname;
    private final SSLContext context;

    /** Creates options that connect to {@code hostname} with {@code context}. */
    public ClientTLSOptions(String hostname, SSLContext context) {
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Returns the hostname the server's certificate must name. */
    public String hostname() {
        return hostname;
    }

    /** Creates a client-mode engine that verifies {@link #hostname()}. */
    @Override
    public SSLEngine clientConnectionForTLS(Object tlsProtocol) {
        SSLEngine engine = context.createSSLEngine(hostname, -1);
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIPAddress(hostname)) {
            params.setServerNames(List.of(new SNIHostName(hostname)));
        }
        engine.setSSLParameters(params);
        return engine;
    }

    static boolean isIPAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    @Override
    public String toString() {
        return "ClientTLSOptions{hostname=" + hostname + "}";
    }
}
