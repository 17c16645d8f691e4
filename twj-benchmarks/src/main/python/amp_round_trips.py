"""
AMP round trips over one TCP connection on 127.0.0.1 with Twisted's AMP: the Twisted figure for
twj's dev.twj.benchmarks.AmpRoundTrips (same command, same shape: both ends in one process on one
reactor, IN_FLIGHT calls outstanding, each answer sends the next call).

Usage: python3 amp_round_trips.py [in_flight=100] [warmup=2] [measure=5] [port]
       python3 amp_round_trips.py serve [port]   -- only a server (prints its port)
"""
import sys
import time

from twisted.internet import error, protocol, reactor
from twisted.protocols import amp


class Sum(amp.Command):
    commandName = b"sum"
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class Server(amp.AMP):
    @Sum.responder
    def sum(self, a, b):
        return {"total": a + b}


class Caller(amp.AMP):
    def __init__(self, in_flight):
        amp.AMP.__init__(self)
        self.in_flight = in_flight
        self.answers = 0
        self.next = 0

    def connectionMade(self):
        amp.AMP.connectionMade(self)
        for _ in range(self.in_flight):
            self.call()

    def call(self):
        a = self.next
        self.next += 1
        self.callRemote(Sum, a=a, b=1).addCallback(self.answered, a).addErrback(self.lost)

    def answered(self, result, a):
        if result["total"] != a + 1:
            raise AssertionError(result)
        self.answers += 1
        self.call()

    def lost(self, failure):
        # The calls in flight when the reactor stops.
        failure.trap(error.ConnectionLost, error.ConnectionDone)


def main(argv):
    if argv and argv[0] == "serve":
        port = reactor.listenTCP(int(argv[1]) if len(argv) > 1 else 0,
                                 protocol.Factory.forProtocol(Server), interface="127.0.0.1")
        print("port", port.getHost().port, flush=True)
        reactor.run()
        return
    in_flight = int(argv[0]) if argv else 100
    warmup = float(argv[1]) if len(argv) > 1 else 2
    measure = float(argv[2]) if len(argv) > 2 else 5
    if len(argv) > 3:
        port = int(argv[3])
        where = "server elsewhere on port %d" % port
    else:
        port = reactor.listenTCP(0, protocol.Factory.forProtocol(Server),
                                 interface="127.0.0.1").getHost().port
        where = "server in this process, same reactor"
    caller = Caller(in_flight)
    protocol.ClientCreator(reactor, lambda: caller).connectTCP("127.0.0.1", port)
    start = []

    def begin():
        start[:] = [time.perf_counter(), caller.answers, time.thread_time()]

    def end():
        seconds = time.perf_counter() - start[0]
        cpu = time.thread_time() - start[2]
        n = caller.answers - start[1]
        print("Twisted AMP (%s): %d calls in flight, %s: %d answers in %.2f s = %.0f calls/s;"
              " reactor thread CPU %.2f s = %.0f calls per CPU-second"
              % (sys.version.split()[0], in_flight, where, n, seconds, n / seconds, cpu, n / cpu))
        reactor.stop()

    reactor.callLater(warmup, begin)
    reactor.callLater(warmup + measure, end)
    reactor.run()


if __name__ == "__main__":
    main(sys.argv[1:])
