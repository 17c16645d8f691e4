package dev.twj.protocols.tls;

import dev.twj.internet.Reactor;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.ssl.PrivateCertificate;
import dev.twj.trial.unittest.TestCase;

/**
 * The TLS test of Twisted's {@code twisted.test.test_internet.PortStringificationTests} (the TCP
 * and UDP ones are ported in twj-internet's tests, which cannot use twj-protocols' TLS): a port's
 * string form holds its port number.
 */
class PortStringificationTests extends TestCase {
    /**
     * An SSL port's string form holds its port number. Twisted's context factory reads
     * {@code server.pem}; here the certificate is a generated self-signed one.
     */
    public Deferred<Void> testSSL() {
        PrivateCertificate pem = TLSTestSupport.selfSigned("localhost");
        IListeningPort p = Reactor.reactor().listenSSL(0, new ServerFactory(), pem.options(), 50, "");
        int portNo = ((IPv4Address) p.getHost()).port();
        assertNotEqual(p.toString().indexOf(String.valueOf(portNo)), -1, portNo + " not found in " + p);
        return p.stopListening();
    }
}
