package dev.twj.protocols.amp;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.ssl.Certificate;
import dev.twj.internet.ssl.CertificateOptions;
import dev.twj.internet.ssl.PrivateCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Use, or subclass, this command to start TLS on an AMP connection. Port of
 * {@code twisted.protocols.amp.StartTLS}.
 *
 * <p>Callers of StartTLS may pass two special arguments, which affect the TLS negotiation and
 * are never sent on the wire:
 * <ul>
 *   <li>{@code tls_localCertificate}: a {@link PrivateCertificate} that secures the side of the
 *       connection it is given on. Without one a client is anonymous and a server presents a
 *       temporary self-signed certificate ({@code _NoCertificate}).
 *   <li>{@code tls_verifyAuthorities}: a {@code List} of {@link Certificate}s, the authorities
 *       against which the peer's certificate is verified (and required). Without them the peer
 *       is not verified.
 * </ul>
 * Each of those may also be a key of the responder's result, for the answering side.
 *
 * <pre>
 *   client                                   server
 *   callRemote(StartTLS) --StartTLS box-->   responder returns its certificate/authorities
 *   (later boxes buffered)  <--answer box--  answer sent in clear, then transport.startTLS
 *   transport.startTLS; buffered boxes sent  ... TLS handshake ... then boxes flow encrypted
 * </pre>
 *
 * <p>The transport must be an {@link dev.twj.internet.interfaces.ITLSTransport} (a TCP or UNIX
 * connection of the reactor). TLS may be started only once per connection ({@link OnlyOneTLS}).
 */
public class StartTLS extends Command {
    /**
     * Whether TLS is available: Twisted's {@code amp.ssl} being importable. Always true in twj,
     * whose TLS is part of this module; tests set it false to see what a peer without TLS does.
     */
    static volatile boolean sslAvailable = true;

    /** Creates the command. */
    @SuppressWarnings("this-escape")
    public StartTLS() {
        commandName("StartTLS");
        arguments(arg("tls_localCertificate", new LocalArgument()), arg("tls_verifyAuthorities", new LocalArgument()));
        response(arg("tls_localCertificate", new LocalArgument()), arg("tls_verifyAuthorities", new LocalArgument()));
        responseType(TLSBox::new);
    }

    /**
     * Sends the command and prepares to start TLS, but doesn't actually do it: boxes sent
     * meanwhile are buffered; the TLS handshake starts when the answer arrives. Port of
     * {@code StartTLS._doCommand}.
     *
     * @throws OnlyOneTLS if TLS was already started on this connection (after the command went out,
     *     as in Twisted)
     */
    @Override
    public Deferred<Map<String, Object>> doCommand(ICommandSender proto, Map<String, ?> kw) {
        if (!sslAvailable) {
            return Defer.fail(new RuntimeException("TLS not available."));
        }
        Object certificate = kw.get("tls_localCertificate");
        Object certificateOrNone = certificate == null ? new NoCertificate(true) : certificate;
        List<?> authorities = (List<?>) kw.get("tls_verifyAuthorities");
        Deferred<Map<String, Object>> d = super.doCommand(proto, kw);
        BinaryBoxProtocol box = binaryBoxProtocol(proto);
        box._prepareTLS(certificateOrNone, authorities);
        // Before we get back to user code we are going to start TLS.
        return d.addCallback(response -> {
            box._startTLS(certificateOrNone, authorities);
            return response;
        });
    }

    private static BinaryBoxProtocol binaryBoxProtocol(Object proto) {
        if (!(proto instanceof BinaryBoxProtocol b)) {
            throw new IllegalArgumentException("StartTLS needs a BinaryBoxProtocol (an AMP), got " + proto);
        }
        return b;
    }

    /**
     * Returns the TLS options of {@code certificate} (a {@link PrivateCertificate} or the
     * internal no-certificate stand-in) verifying the peer against {@code authorities}.
     */
    static CertificateOptions options(Object certificate, List<?> authorities) {
        List<Certificate> auths = new ArrayList<>();
        if (authorities != null) {
            for (Object a : authorities) {
                if (!(a instanceof Certificate c)) {
                    throw new IllegalArgumentException("tls_verifyAuthorities holds " + a + ", not a Certificate");
                }
                auths.add(c);
            }
        }
        Certificate[] array = auths.toArray(Certificate[]::new);
        if (certificate instanceof PrivateCertificate pc) {
            return pc.options(array);
        }
        if (certificate instanceof NoCertificate nc) {
            return nc.options(array);
        }
        throw new IllegalArgumentException("tls_localCertificate is " + certificate + ", not a PrivateCertificate");
    }

    /**
     * An argument that is never relayed across the wire: it only carries a local object to the
     * {@link TLSBox} of the answer. Port of {@code _LocalArgument}.
     */
    static final class LocalArgument extends Argument {
        LocalArgument() {
            super(true);
        }

        @Override
        public void fromBox(String name, AmpBox strings, Map<String, Object> objects, Object proto) {}

        @Override
        public void toBox(String name, AmpBox strings, Map<String, Object> objects, Object proto) {
            Object value = objects.remove(Amp.wireNameToPythonIdentifier(name));
            if (strings instanceof TLSBox box && value != null) {
                if (name.equals("tls_localCertificate")) {
                    box.certificate = value;
                } else {
                    box.verify = (List<?>) value;
                }
            }
        }
    }

    /**
     * The answer box that, once sent, starts TLS on the answering side. Port of {@code _TLSBox}:
     * Twisted keeps the local objects in the box itself and drops them before sending; twj keeps
     * them in fields.
     */
    static final class TLSBox extends AmpBox {
        Object certificate;
        List<?> verify;

        TLSBox() {
            if (!sslAvailable) {
                throw new RemoteAmpError("TLS_ERROR", "TLS not available");
            }
        }

        /** The local certificate, or a temporary one (this is the server side). */
        Object certificate() {
            return certificate == null ? new NoCertificate(false) : certificate;
        }

        /** Sends the answer in clear text, then starts TLS. */
        @Override
        public void sendTo(IBoxSender proto) {
            super.sendTo(proto);
            binaryBoxProtocol(proto)._startTLS(certificate(), verify);
        }
    }
}
