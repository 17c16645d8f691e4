"""
A real Twisted AMP peer speaking over stdin/stdout, for twj's wire-compatibility tests
(AmpTwistedInteropTests). Logs go to stderr.

Usage: python3 amp_peer.py serve      -- answer the Java side's commands
       python3 amp_peer.py call-java  -- also call the Java side's commands, then send
                                         Report(ok, detail) with what was checked
       python3 amp_peer.py tcp-serve  -- serve over TCP: listen on 127.0.0.1, port 0, print
                                         "port N" on stdout (AmpTcpInteropBehaviourTests)
       python3 amp_peer.py tcp-call-java PORT -- call-java over TCP to 127.0.0.1:PORT
"""
import datetime
import decimal
import sys

from twisted.internet import defer, protocol, reactor, stdio
from twisted.protocols import amp
from twisted.python import filepath, log


class MyError(Exception):
    pass


class FatalError(Exception):
    pass


def everyType():
    return [
        (b"i", amp.Integer()),
        (b"big", amp.Integer()),
        (b"s", amp.String()),
        (b"u", amp.Unicode()),
        (b"b", amp.Boolean()),
        # not "f": Twisted passes arguments to maybeDeferred(f, **kw), which takes "f" itself
        (b"fl", amp.Float()),
        (b"d", amp.Decimal()),
        (b"dt", amp.DateTime()),
        (b"l", amp.ListOf(amp.Integer())),
        (b"lf", amp.ListOf(amp.Float())),
        (b"ld", amp.ListOf(amp.Decimal())),
        (b"ldt", amp.ListOf(amp.DateTime())),
        (b"lu", amp.ListOf(amp.Unicode())),
        (b"al", amp.AmpList([(b"x", amp.Integer()), (b"y", amp.Unicode(optional=True))])),
        (b"p", amp.Path()),
        (b"opt", amp.Unicode(optional=True)),
        (b"dash-arg", amp.String()),
    ]


class Echo(amp.Command):
    commandName = b"echo"
    arguments = everyType()
    response = everyType() + [(b"types", amp.Unicode())]


class Fail(amp.Command):
    commandName = b"fail"
    arguments = [(b"kind", amp.Unicode())]
    response = []
    errors = {MyError: b"MY_ERROR"}
    fatalErrors = {FatalError: b"FATAL"}


class Notify(amp.Command):
    commandName = b"notify"
    arguments = [(b"text", amp.Unicode())]
    response = []
    requiresAnswer = False


class Notes(amp.Command):
    commandName = b"notes"
    arguments = []
    response = [(b"notes", amp.ListOf(amp.Unicode()))]


class Sum(amp.Command):
    commandName = b"sum"
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class Divide(amp.Command):
    commandName = b"divide"
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"quotient", amp.Integer())]
    errors = {ZeroDivisionError: b"ZERO"}


class Reprs(amp.Command):
    commandName = b"reprs"
    arguments = [(b"floats", amp.ListOf(amp.Float())), (b"decimals", amp.ListOf(amp.Decimal()))]
    response = [(b"floats", amp.ListOf(amp.Unicode())), (b"decimals", amp.ListOf(amp.Unicode()))]


class Report(amp.Command):
    commandName = b"report"
    arguments = [(b"ok", amp.Boolean()), (b"detail", amp.Unicode())]
    response = []


def typeNames(kw):
    names = []
    for name, _ in everyType():
        value = kw[amp._wireNameToPythonIdentifier(name)]
        if isinstance(value, list) and value:
            names.append("list[%s]" % type(value[0]).__name__)
        else:
            names.append(type(value).__name__)
    return ",".join(names)


class Peer(amp.AMP):
    def __init__(self, mode):
        amp.AMP.__init__(self)
        self.mode = mode
        self.notes = []

    def connectionMade(self):
        if self.mode == "call-java":
            self.callJava().addErrback(log.err)

    def connectionLost(self, reason):
        amp.AMP.connectionLost(self, reason)
        if reactor.running:
            reactor.stop()

    @Echo.responder
    def echo(self, **kw):
        result = dict(kw)
        result["types"] = typeNames(kw)
        return result

    @Fail.responder
    def fail(self, kind):
        if kind == "my":
            raise MyError("declared error from Python")
        if kind == "fatal":
            raise FatalError("fatal error from Python")
        raise ValueError("undeclared error from Python")

    @Notify.responder
    def notify(self, text):
        self.notes.append(text)
        return {}

    @Notes.responder
    def getNotes(self):
        return {"notes": self.notes}

    @Reprs.responder
    def reprs(self, floats, decimals):
        return {"floats": [repr(x) for x in floats], "decimals": [str(x) for x in decimals]}

    @Sum.responder
    def sum(self, a, b):
        return {"total": a + b}

    @defer.inlineCallbacks
    def callJava(self):
        checks = []

        def check(name, ok):
            checks.append((name, bool(ok)))

        result = yield self.callRemote(Sum, a=13, b=81)
        check("sum", result["total"] == 94)

        sent = dict(
            i=-7,
            big=2**100,
            s=b"\x00\xffbytes",
            u="snow \N{SNOWMAN} man",
            b=True,
            fl=0.1,
            d=decimal.Decimal("-1.50E-7"),
            dt=datetime.datetime(2010, 12, 25, 1, 2, 3, 456789,
                                 tzinfo=amp._FixedOffsetTZInfo.fromSignHoursMinutes("+", 5, 30)),
            l=[1, -2, 3],
            lf=[float("inf"), float("-inf"), 1e-05, 1e16, -0.0],
            ld=[decimal.Decimal("Infinity"), decimal.Decimal("-Infinity"), decimal.Decimal("1E+3"),
                decimal.Decimal("0.000001")],
            ldt=[datetime.datetime(1999, 1, 1, tzinfo=amp.utc)],
            lu=["a", "\N{SNOWMAN}", ""],
            al=[dict(x=1, y="one"), dict(x=2)],
            p=filepath.FilePath("/tmp/some dir/\N{SNOWMAN}"),
            dash_arg=b"dash",
        )
        result = yield self.callRemote(Echo, **sent)
        for key, value in sent.items():
            got = result[key]
            if key == "al":
                value = [dict(x=1, y="one"), dict(x=2, y=None)]
            if key == "lf":
                check(key, [repr(x) for x in got] == [repr(x) for x in value])
            else:
                check(key, got == value and type(got) == type(value))
        check("opt", result["opt"] is None)
        result = yield self.callRemote(Echo, **dict(sent, fl=float("nan"), opt="here"))
        check("nan", result["fl"] != result["fl"] and result["opt"] == "here")

        try:
            yield self.callRemote(Divide, a=1, b=0)
        except ZeroDivisionError as e:
            check("declared error", str(e) == "/ by zero")
        else:
            check("declared error", False)

        try:
            yield self.callRemoteString(b"nope")
        except amp.UnhandledCommand:
            check("unhandled", True)
        else:
            check("unhandled", False)

        self.callRemote(Notify, text="no answer wanted")
        result = yield self.callRemote(Sum, a=1, b=1)
        check("after notify", result["total"] == 2)

        failed = [name for name, ok in checks if not ok]
        detail = "%d checks; failed: %s" % (len(checks), ",".join(failed) or "none")
        log.msg(detail)
        yield self.callRemote(Report, ok=not failed, detail=detail)


def main():
    log.startLogging(sys.stderr)
    mode = sys.argv[1] if len(sys.argv) > 1 else "serve"
    if mode == "tcp-serve":
        factory = protocol.Factory.forProtocol(lambda: Peer("serve"))
        port = reactor.listenTCP(0, factory, interface="127.0.0.1")
        # startLogging redirected sys.stdout into the log
        sys.__stdout__.write("port %d\n" % port.getHost().port)
        sys.__stdout__.flush()
    elif mode == "tcp-call-java":
        protocol.ClientCreator(reactor, Peer, "call-java").connectTCP("127.0.0.1", int(sys.argv[2]))
    else:
        stdio.StandardIO(Peer(mode))
    reactor.callLater(60, reactor.stop)  # never outlive a test that forgot us
    reactor.run()


if __name__ == "__main__":
    main()
