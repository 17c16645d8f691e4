"""
A real Twisted AMP server that answers StartTLS, for twj's AMP TLS interop tests
(AmpTLSTwistedInteropBehaviourTests). Logs go to stderr.

Usage: python3 tls_amp_peer.py tls-serve SERVER_PEM [CLIENT_CA_PEM]
    Listens on 127.0.0.1, port 0, prints "port N" on stdout, serves one connection and exits
    when it is lost. StartTLS is answered with the certificate and key of SERVER_PEM (or, if it
    is "-", Twisted's default: a temporary self-signed certificate), verifying the client
    against CLIENT_CA_PEM if given. SecuredPing answers only over TLS, with the subject of the
    client's certificate ("" if none).
"""
import sys

from twisted.internet import protocol, reactor, ssl
from twisted.internet.interfaces import ISSLTransport
from twisted.protocols import amp
from twisted.python import log


class SecuredPing(amp.Command):
    response = [(b"pinged", amp.Boolean()), (b"peer", amp.Unicode())]


class Server(amp.AMP):
    serverPEM = None
    clientCA = None

    @amp.StartTLS.responder
    def getTLSVars(self):
        result = {}
        if self.serverPEM is not None:
            result["tls_localCertificate"] = ssl.PrivateCertificate.loadPEM(self.serverPEM)
        if self.clientCA is not None:
            result["tls_verifyAuthorities"] = [ssl.Certificate.loadPEM(self.clientCA)]
        return result

    @SecuredPing.responder
    def ping(self):
        if not ISSLTransport.providedBy(self.transport):
            raise RuntimeError("only send secure pings over secure channels")
        peer = self.transport.getPeerCertificate()
        subject = "" if peer is None else peer.get_subject().CN or ""
        return {"pinged": True, "peer": subject}

    def connectionLost(self, reason):
        log.msg("connection lost: %s" % (reason.value,))
        amp.AMP.connectionLost(self, reason)
        reactor.callLater(0, reactor.stop)


def call(port, clientPEM, serverCA):
    def report(line):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    def connected(proto):
        d = proto.callRemote(
            amp.StartTLS,
            tls_localCertificate=ssl.PrivateCertificate.loadPEM(clientPEM),
            tls_verifyAuthorities=[ssl.Certificate.loadPEM(serverCA)],
        )
        d.addCallback(lambda _: proto.callRemote(SecuredPing))

        def pinged(result):
            peer = proto.transport.getPeerCertificate().get_subject().CN
            report("result %s %s" % (result["pinged"], peer))
            proto.transport.loseConnection()

        d.addCallback(pinged)
        d.addErrback(lambda f: report("error %s" % (f.value,)))
        d.addBoth(lambda _: reactor.callLater(0.5, reactor.stop))

    protocol.ClientCreator(reactor, amp.AMP).connectTCP("127.0.0.1", port).addCallback(connected)
    reactor.callLater(60, reactor.stop)
    reactor.run()


def main():
    log.startLogging(sys.stderr, setStdout=False)
    mode = sys.argv[1]
    if mode == "tls-call":
        with open(sys.argv[3], "rb") as f:
            clientPEM = f.read()
        with open(sys.argv[4], "rb") as f:
            serverCA = f.read()
        call(int(sys.argv[2]), clientPEM, serverCA)
        return
    if mode != "tls-serve":
        raise SystemExit("unknown mode " + mode)
    if sys.argv[2] != "-":
        with open(sys.argv[2], "rb") as f:
            Server.serverPEM = f.read()
    if len(sys.argv) > 3:
        with open(sys.argv[3], "rb") as f:
            Server.clientCA = f.read()
    factory = protocol.ServerFactory.forProtocol(Server)
    port = reactor.listenTCP(0, factory, interface="127.0.0.1")
    sys.stdout.write("port %d\n" % (port.getHost().port,))
    sys.stdout.flush()
    reactor.callLater(60, reactor.stop)
    reactor.run()


if __name__ == "__main__":
    main()
