"""
The Twisted side of twj's interop tests (dev.twj.protocols.interop).

One connection per process, as a TCP server on 127.0.0.1 (port 0: the chosen port is
printed as "PORT <n>") or as a client of --port.  The peer speaks --proto (line,
netstring or int32) with Twisted's own receivers and either sends the messages of
--messages (one hex string per line, "-" for an empty message) and hangs up once they all
came back ("sender"), or echoes every message it receives ("echoer").  Every frame is
written in pieces whose sizes cycle through --chunks, one piece every --delay seconds.

Events are printed one per line: "MSG <hex>", "EXCEEDED" (the receiver's limit hook
ran), "LOST <exception class>"; "DONE" when the process ends.
"""

import argparse
import binascii
import sys

from twisted.internet import protocol, reactor
from twisted.protocols import basic


def emit(*parts):
    print(" ".join(str(p) for p in parts), flush=True)


def hexOf(data):
    return binascii.hexlify(data).decode("ascii") or "-"


class Peer:
    """The behaviour shared by the three receivers (a mixin)."""

    def connectionMade(self):
        self.queue = []
        self.writing = False
        self.received = 0
        if self.options.behaviour == "sender":
            for message in self.options.messageList:
                self.sendFrame(message)

    def sendFrame(self, message):
        self.queue.append(self.frame(message))
        if not self.writing:
            self.writing = True
            self.piece = 0
            self.writeSome()

    def writeSome(self):
        if not self.queue or not self.connected or self.transport.disconnecting:
            self.writing = False
            return
        sizes = self.options.chunkList
        size = sizes[self.piece % len(sizes)]
        self.piece += 1
        head = self.queue[0]
        self.transport.write(head[:size])
        if len(head) > size:
            self.queue[0] = head[size:]
        else:
            self.queue.pop(0)
        reactor.callLater(self.options.delay, self.writeSome)

    def messageReceived(self, message):
        emit("MSG", hexOf(message))
        self.received += 1
        if self.options.behaviour == "echoer":
            self.sendFrame(message)
        elif self.received == len(self.options.messageList):
            self.transport.loseConnection()

    def connectionLost(self, reason):
        emit("LOST", reason.type.__name__)
        if reactor.running:
            reactor.stop()


class LinePeer(Peer, basic.LineReceiver):
    def frame(self, message):
        return message + self.delimiter

    def lineReceived(self, line):
        self.messageReceived(line)

    def lineLengthExceeded(self, line):
        emit("EXCEEDED")
        return basic.LineReceiver.lineLengthExceeded(self, line)


class NetstringPeer(Peer, basic.NetstringReceiver):
    def frame(self, message):
        return b"%d:%s," % (len(message), message)

    def stringReceived(self, string):
        self.messageReceived(string)

    def _handleParseError(self):
        emit("EXCEEDED")
        basic.NetstringReceiver._handleParseError(self)


class Int32Peer(Peer, basic.Int32StringReceiver):
    def frame(self, message):
        return len(message).to_bytes(4, "big") + message

    def stringReceived(self, string):
        self.messageReceived(string)

    def lengthLimitExceeded(self, length):
        emit("EXCEEDED", length)
        basic.Int32StringReceiver.lengthLimitExceeded(self, length)


PROTOCOLS = {"line": LinePeer, "netstring": NetstringPeer, "int32": Int32Peer}


class PeerFactory(protocol.ClientFactory):
    noisy = False

    def __init__(self, options):
        self.options = options
        self.built = False

    def buildProtocol(self, addr):
        if self.built:
            return None
        self.built = True
        p = PROTOCOLS[self.options.proto]()
        p.options = self.options
        p.factory = self
        return p

    def clientConnectionFailed(self, connector, reason):
        emit("FAILED", reason.type.__name__)
        reactor.stop()


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", choices=["server", "client"], required=True)
    parser.add_argument("--proto", choices=sorted(PROTOCOLS), required=True)
    parser.add_argument("--behaviour", choices=["sender", "echoer"], required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--messages", default=None)
    parser.add_argument("--chunks", default="65536")
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--timeout", type=float, default=30.0)
    options = parser.parse_args(argv)
    options.chunkList = [int(c) for c in options.chunks.split(",")]
    options.messageList = []
    if options.messages:
        with open(options.messages) as f:
            for line in f:
                line = line.strip()
                if line:
                    options.messageList.append(
                        b"" if line == "-" else binascii.unhexlify(line)
                    )

    factory = PeerFactory(options)
    if options.role == "server":
        port = reactor.listenTCP(0, factory, interface="127.0.0.1")
        emit("PORT", port.getHost().port)
    else:
        reactor.connectTCP("127.0.0.1", options.port, factory)
    reactor.callLater(options.timeout, reactor.stop)
    reactor.run()
    emit("DONE")


if __name__ == "__main__":
    main(sys.argv[1:])
