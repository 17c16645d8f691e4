package dev.twj.protocols.amp;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import java.util.Map;

/**
 * The command that starts TLS, as Twisted's {@code amp.StartTLS} behaves when TLS is not
 * available: twj has no TLS transport yet.
 *
 * <p>Port of {@code twisted.protocols.amp.StartTLS} with {@code ssl} missing: calling it fails
 * with a {@code RuntimeException("TLS not available.")}, and answering it (every {@link AMP} has
 * a default responder) sends the error code {@code TLS_ERROR} with description
 * {@code "TLS not available"}, exactly what a Twisted peer without TLS sends. The special
 * arguments {@code tls_localCertificate} and {@code tls_verifyAuthorities} are accepted and never
 * sent on the wire.
 */
public class StartTLS extends Command {
    /** Creates the command. */
    @SuppressWarnings("this-escape")
    public StartTLS() {
        commandName("StartTLS");
        arguments(arg("tls_localCertificate", new LocalArgument()), arg("tls_verifyAuthorities", new LocalArgument()));
        response(arg("tls_localCertificate", new LocalArgument()), arg("tls_verifyAuthorities", new LocalArgument()));
        responseType(TLSBox::new);
    }

    /** Fails: TLS is not available. */
    @Override
    public Deferred<Map<String, Object>> doCommand(ICommandSender proto, Map<String, ?> kw) {
        return Defer.fail(new RuntimeException("TLS not available."));
    }

    /** An argument that is never relayed across the wire. Port of {@code _LocalArgument}. */
    static final class LocalArgument extends Argument {
        LocalArgument() {
            super(true);
        }

        @Override
        public void fromBox(String name, AmpBox strings, Map<String, Object> objects, Object proto) {}

        @Override
        public void toBox(String name, AmpBox strings, Map<String, Object> objects, Object proto) {
            objects.remove(Amp.wireNameToPythonIdentifier(name));
        }
    }

    /** The answer box that would start TLS; without TLS, creating it fails. Port of {@code _TLSBox}. */
    static final class TLSBox extends AmpBox {
        TLSBox() {
            throw new RemoteAmpError("TLS_ERROR", "TLS not available");
        }
    }
}
