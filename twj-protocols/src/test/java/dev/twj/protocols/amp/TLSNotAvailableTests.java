package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.connectedServerAndClient;

import dev.twj.internet.testing.StringTransport;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Port of {@code TLSNotAvailableTests}: what happens when TLS is not available (Twisted sets
 * {@code amp.ssl} to None; twj clears {@code StartTLS.sslAvailable}).
 */
class TLSNotAvailableTests extends SynchronousTestCase {
    /** Disables TLS for the duration of the test. */
    public void setUp() {
        StartTLS.sslAvailable = false;
    }

    /** Restores TLS. */
    public void tearDown() {
        StartTLS.sslAvailable = true;
    }

    /** An AMP with a StartTLS responder returning its TLS variables. */
    static class SecurableProto extends AMP {
        final List<AmpBox> sent = new ArrayList<>();
        boolean recordSent;

        @Responder(StartTLS.class)
        Map<String, Object> getTLSVars() {
            return Map.of("tls_localCertificate", new Object(), "tls_verifyAuthorities", List.of(new Object()));
        }

        @Override
        public void sendBox(AmpBox box) {
            if (recordSent) {
                sent.add(box);
            } else {
                super.sendBox(box);
            }
        }
    }

    /** callRemote fails when called with StartTLS (Twisted: RuntimeError). */
    public void test_callRemoteError() {
        var csp = connectedServerAndClient(SecurableProto::new, SecurableProto::new);
        List<Failure> l = new ArrayList<>();
        csp.c().callRemote(StartTLS.class, Map.of("tls_localCertificate", new Object(),
                "tls_verifyAuthorities", List.of(new Object()))).addErrback(f -> {
                    l.add(f);
                    return null;
                });
        assertIs(l.get(0).value().getClass(), RuntimeException.class);
    }

    /** A server without TLS answers StartTLS with a meaningful error. */
    public void test_messageReceivedError() {
        SecurableProto svr = new SecurableProto();
        AmpBox box = new AmpBox().put("_command", "StartTLS").put("_ask", "1");
        svr.recordSent = true;
        svr.makeConnection(new StringTransport());
        svr.ampBoxReceived(box);
        assertEqual(svr.sent, List.of(AmpBox.of("_error_code", "TLS_ERROR", "_error", "1", "_error_description", "TLS not available")));
    }
}
