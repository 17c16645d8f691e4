package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.norm;
import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.connectedServerAndClient;
import static dev.twj.protocols.amp.AmpTestSupport.dict;
import static dev.twj.protocols.amp.AmpTestSupport.s;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.protocols.amp.AmpFixtures.BadNoAnswerCommandProtocol;
import dev.twj.protocols.amp.AmpFixtures.BrokenReturn;
import dev.twj.protocols.amp.AmpFixtures.DeathThreat;
import dev.twj.protocols.amp.AmpFixtures.DeferredSymmetricCommandProtocol;
import dev.twj.protocols.amp.AmpFixtures.DontRejectMe;
import dev.twj.protocols.amp.AmpFixtures.FutureHello;
import dev.twj.protocols.amp.AmpFixtures.GetList;
import dev.twj.protocols.amp.AmpFixtures.Goodbye;
import dev.twj.protocols.amp.AmpFixtures.Hello;
import dev.twj.protocols.amp.AmpFixtures.NoAnswerCommandProtocol;
import dev.twj.protocols.amp.AmpFixtures.NoAnswerHello;
import dev.twj.protocols.amp.AmpFixtures.SimpleSymmetricCommandProtocol;
import dev.twj.protocols.amp.AmpFixtures.SimpleSymmetricProtocol;
import dev.twj.protocols.amp.AmpFixtures.TestProto;
import dev.twj.protocols.amp.AmpFixtures.ThingIDontUnderstandError;
import dev.twj.protocols.amp.AmpFixtures.UnfriendlyGreeting;
import dev.twj.protocols.amp.AmpFixtures.UnknownProtocol;
import dev.twj.protocols.amp.AmpFixtures.WTF;
import dev.twj.protocols.amp.AmpFixtures.WaitForever;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Port of {@code AMPTests}: two AMPs connected in memory. */
class AMPTests extends SynchronousTestCase {
    boolean testSucceeded;

    private static Failure pop(List<Object> l) {
        return (Failure) l.remove(l.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> popMap(List<Object> l) {
        return (Map<String, Object>) l.remove(l.size() - 1);
    }

    /** The classes in the amp module implement the interfaces declared for their benefit. */
    public void test_interfaceDeclarations() {
        Object[][] pairs = {
            {IBoxSender.class, BinaryBoxProtocol.class},
            {IBoxReceiver.class, BoxDispatcher.class},
            {IResponderLocator.class, CommandLocator.class},
            {IResponderLocator.class, SimpleStringLocator.class},
            {IBoxSender.class, AMP.class},
            {IBoxReceiver.class, AMP.class},
            {IResponderLocator.class, AMP.class},
        };
        for (Object[] p : pairs) {
            assertTrue(((Class<?>) p[0]).isAssignableFrom((Class<?>) p[1]), p[1] + " does not implement " + p[0]);
        }
    }

    /** A simple command can be sent and its response received with the low-level string API. */
    public void test_helloWorld() {
        var csp = connectedServerAndClient();
        List<AmpBox> l = new ArrayList<>();
        byte[] hello = b("world");
        csp.c().sendHello(hello).addCallback(l::add);
        csp.p().flush();
        assertEqual(l.get(0).get("hello"), hello);
    }

    /** Mixed-case, underscored and dashed arguments are mapped to their names properly. */
    public void test_wireFormatRoundTrip() {
        var csp = connectedServerAndClient();
        List<AmpBox> l = new ArrayList<>();
        byte[] hello = b("world");
        csp.c().sendHello(hello).addCallback(l::add);
        csp.p().flush();
        assertEqual(l.get(0).get("hello"), hello);
    }

    /** Unicode arguments can be encoded and decoded. */
    public void test_helloWorldUnicode() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        List<Map<String, Object>> l = new ArrayList<>();
        byte[] hello = b("world");
        String helloUnicode = "wor\u1234ld";
        csp.c().sendUnicodeHello(hello, helloUnicode).addCallback(l::add);
        csp.p().flush();
        assertEqual((byte[]) l.get(0).get("hello"), hello);
        assertEqual(l.get(0).get("Print"), helloUnicode);
    }

    /** callRemoteString returns null if requiresAnswer is false. */
    public void test_callRemoteStringRequiresAnswerFalse() {
        var csp = connectedServerAndClient();
        assertIs(csp.c().callRemoteString("WTF", false, new AmpBox()), null);
    }

    /** Unknown commands using low-level APIs are rejected with an error, without disconnecting. */
    public void test_unknownCommandLow() {
        var csp = connectedServerAndClient();
        List<Object> l = new ArrayList<>();
        csp.c().callRemoteString("WTF", new AmpBox()).<Object>addCallback(x -> x).addErrback(e -> {
            e.trap(UnhandledCommand.class);
            return "OK";
        }).addCallback(l::add);
        csp.p().flush();
        assertEqual(l.remove(l.size() - 1), "OK");
        byte[] hello = b("world");
        csp.c().sendHello(hello).addCallback(l::add);
        csp.p().flush();
        assertEqual(((AmpBox) l.get(0)).get("hello"), hello);
    }

    /** Unknown commands using high-level APIs are rejected with an error, without disconnecting. */
    public void test_unknownCommandHigh() {
        var csp = connectedServerAndClient();
        List<Object> l = new ArrayList<>();
        csp.c().callRemote(WTF.class, Map.of()).<Object>addCallback(x -> x).addErrback(e -> {
            e.trap(UnhandledCommand.class);
            return "OK";
        }).addCallback(l::add);
        csp.p().flush();
        assertEqual(l.remove(l.size() - 1), "OK");
        byte[] hello = b("world");
        csp.c().sendHello(hello).addCallback(l::add);
        csp.p().flush();
        assertEqual(((AmpBox) l.get(0)).get("hello"), hello);
    }

    /** Returning null instead of a map from a responder logs a useful error. */
    public void test_brokenReturnValue() {
        List<Failure> l = new ArrayList<>();
        new SimpleSymmetricCommandProtocol()
                .dispatchCommand(AmpBox.of("_command", Command.of(BrokenReturn.class).commandName()))
                .addErrback(f -> {
                    l.add(f);
                    return null;
                });
        l.get(0).trap(BadLocalReturn.class);
        assertTrue(l.get(0).value().getMessage().contains("null"), l.get(0).value().getMessage());
    }

    /** Unknown arguments are ignored, and not passed to a function which can't accept them. */
    public void test_unknownArgument() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        List<Map<String, Object>> l = new ArrayList<>();
        byte[] hello = b("world");
        csp.c().callRemote(FutureHello.class, Map.of("hello", hello, "bonus", b("I'm not in the book!"))).addCallback(l::add);
        csp.p().flush();
        assertEqual((byte[]) l.get(0).get("hello"), hello);
    }

    /** The various Box objects repr properly, for debugging. */
    public void test_simpleReprs() {
        assertIsInstance(new ProtocolSwitchCommand.SwitchBox(new TestProto(null, b(""))).toString(), String.class);
        assertIsInstance(new QuitBox().toString(), String.class);
        assertIsInstance(new AmpBox().toString(), String.class);
        assertTrue(new AmpBox().toString().contains("AmpBox"));
    }

    /** AMP objects output their innerProtocol when set. */
    public void test_innerProtocolInRepr() {
        TestProto otherProto = new TestProto(null, b("outgoing data"));
        AMP a = new AMP();
        a.innerProtocol = otherProto;
        assertEqual(a.toString(), String.format("<AMP inner <TestProto #%d> at 0x%x>", otherProto.instanceId, System.identityHashCode(a)));
    }

    /** AMP objects do not output 'inner' when no innerProtocol is set. */
    public void test_innerProtocolNotInRepr() {
        AMP a = new AMP();
        assertEqual(a.toString(), String.format("<AMP at 0x%x>", System.identityHashCode(a)));
    }

    /** {@code _TLSBox.__repr__} ({@code StartTLS.TLSBox.toString}) returns a string. */
    public void test_simpleSSLRepr() {
        assertEqual(new StartTLS.TLSBox().toString().getClass(), String.class);
    }

    /** A key that is too long immediately raises a synchronous exception. */
    public void test_keyTooLong() {
        var csp = connectedServerAndClient();
        String x = "H".repeat(0xFF + 1);
        TooLong tl = assertRaises(TooLong.class, () -> csp.c().callRemoteString("Hello", new AmpBox().put(x, b("hi"))));
        assertTrue(tl.isKey);
        assertTrue(tl.isLocal);
        assertIs(tl.keyName, null);
        assertEqual(tl.value, b(x));
        assertTrue(tl.getMessage().contains(Integer.toString(x.length())));
        assertTrue(tl.getMessage().contains("key"));
    }

    /** Sending a value longer than 64k immediately raises an exception. */
    public void test_valueTooLong() {
        var csp = connectedServerAndClient();
        byte[] x = new byte[0xFFFF + 1];
        Arrays.fill(x, (byte) 'H');
        TooLong tl = assertRaises(TooLong.class, () -> csp.c().sendHello(x));
        csp.p().flush();
        assertFalse(tl.isKey);
        assertTrue(tl.isLocal);
        assertEqual(tl.keyName, "hello");
        assertIs(tl.value, x);
        assertTrue(tl.getMessage().contains(Integer.toString(x.length)));
        assertTrue(tl.getMessage().contains("value"));
        assertTrue(tl.getMessage().contains("hello"));
    }

    /** A simple command can be sent and its response received with the high-level API. */
    public void test_helloWorldCommand() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        List<Map<String, Object>> l = new ArrayList<>();
        byte[] hello = b("world");
        csp.c().sendHello(hello).addCallback(l::add);
        csp.p().flush();
        assertEqual((byte[]) l.get(0).get("hello"), hello);
    }

    /** A known error is relayed to the other end and translated into an exception; nothing logged. */
    public void test_helloErrorHandling() {
        List<Object> l = new ArrayList<>();
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        csp.c().sendHello(b("fuck you")).addErrback(f -> {
            l.add(f);
            return null;
        });
        csp.p().flush();
        Failure f = (Failure) l.get(0);
        f.trap(UnfriendlyGreeting.class);
        assertEqual(f.getErrorMessage(), "Don't be a dick.");
    }

    /** A known fatal error is relayed and translated, and the connection is terminated. */
    public void test_helloFatalErrorHandling() {
        List<Object> l = new ArrayList<>();
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        byte[] hello = b("die");
        csp.c().sendHello(hello).addErrback(f -> {
            l.add(f);
            return null;
        });
        csp.p().flush();
        pop(l).trap(DeathThreat.class);
        csp.c().sendHello(hello).addErrback(f -> {
            l.add(f);
            return null;
        });
        csp.p().flush();
        pop(l).trap(ConnectionDone.class);
    }

    /** An unknown error is relayed as UnknownRemoteError, logged, and the connection dropped. */
    public void test_helloNoErrorHandling() {
        List<Object> l = new ArrayList<>();
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        byte[] hello = AmpFixtures.THING_I_DONT_UNDERSTAND;
        csp.c().sendHello(hello).addErrback(f -> {
            l.add(f);
            return null;
        });
        csp.p().flush();
        pop(l).trap(UnknownRemoteError.class);
        csp.c().sendHello(hello).addErrback(f -> {
            l.add(f);
            return null;
        });
        pop(l).trap(ConnectionDone.class);
        // The exception should have been logged.
        assertFalse(flushLoggedErrors(ThingIDontUnderstandError.class).isEmpty());
    }

    /** A command answered only after the connection terminates causes no errors. */
    public void test_lateAnswer() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        List<Object> l = new ArrayList<>();
        csp.c().callRemote(WaitForever.class, Map.of()).addErrback(f -> {
            l.add(f);
            return null;
        });
        csp.p().flush();
        assertEqual(l, List.of());
        csp.s().transport.loseConnection();
        csp.p().flush();
        pop(l).trap(ConnectionDone.class);
        // Just make sure that it doesn't error...
        csp.s().waiting.callback(Map.of());
        assertFalse(csp.s().waiting.result() instanceof Failure, String.valueOf(csp.s().waiting.result()));
    }

    /** A command that requires no answer is run. */
    public void test_requiresNoAnswer() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        csp.c().callRemote(NoAnswerHello.class, Map.of("hello", b("world")));
        csp.p().flush();
        assertTrue(csp.s().greeted);
    }

    /** Commands sent after a failed no-answer request do not complete. */
    public void test_requiresNoAnswerFail() {
        List<Object> l = new ArrayList<>();
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        csp.c().callRemote(NoAnswerHello.class, Map.of("hello", b("fuck you")));
        csp.p().flush();
        // This should be logged locally.
        assertFalse(flushLoggedErrors(RemoteAmpError.class).isEmpty());
        csp.c().callRemote(Hello.class, Map.of("hello", b("world"))).addErrback(f -> {
            l.add(f);
            return null;
        });
        csp.p().flush();
        pop(l).trap(ConnectionDone.class);
        assertFalse(csp.s().greeted);
    }

    /** No-answer commands sent after the connection has been torn down return no Deferred. */
    public void test_requiresNoAnswerAfterFail() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        csp.c().transport.loseConnection();
        csp.p().flush();
        assertIs(csp.c().callRemote(NoAnswerHello.class, Map.of("hello", b("ignored"))), null);
    }

    /** Responders of requiresAnswer=false commands have to return a map anyway. */
    public void test_noAnswerResponderBadAnswer() {
        var csp = connectedServerAndClient(BadNoAnswerCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        csp.c().callRemote(NoAnswerHello.class, Map.of("hello", b("hello")));
        csp.p().flush();
        assertEqual(flushLoggedErrors(BadLocalReturn.class).size(), 1);
    }

    /** requiresAnswer is a hint honored only by the client: the server answers if asked. */
    public void test_noAnswerResponderAskedForAnswer() {
        var csp = connectedServerAndClient(NoAnswerCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        List<Object> l = new ArrayList<>();
        csp.c().callRemote(Hello.class, Map.of("hello", b("Hello!"))).addCallback(l::add);
        csp.p().flush();
        assertEqual(l.size(), 1);
        assertEqual(norm(l), norm(List.of(dict("hello", b("Hello!-noanswer"), "Print", null))));
    }

    /** Encoding of an argument that uses the AmpList encoding. */
    public void test_ampListCommand() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        List<Object> l = new ArrayList<>();
        csp.c().callRemote(GetList.class, Map.of("length", 10)).addCallback(l::add);
        csp.p().flush();
        Object values = popMap(l).get("body");
        assertEqual(values, Collections.nCopies(10, Map.of("x", 1L)));
    }

    /** An omitted optional AmpList argument does not raise InvalidSignature. */
    public void test_optionalAmpListOmitted() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        List<Object> l = new ArrayList<>();
        csp.c().callRemote(DontRejectMe.class, Map.of("magicWord", "please")).addCallback(l::add);
        csp.p().flush();
        assertEqual(popMap(l).get("response"), "list omitted");
    }

    /** Optional AmpList arguments are processed normally when present. */
    public void test_optionalAmpListPresent() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        List<Object> l = new ArrayList<>();
        csp.c().callRemote(DontRejectMe.class, Map.of("magicWord", "please", "list", List.of(Map.of("name", "foo"))))
                .addCallback(l::add);
        csp.p().flush();
        assertEqual(popMap(l).get("response"), "foo accepted");
    }

    /** An invalid argument list (omitting an argument) raises an exception. */
    public void test_failEarlyOnArgSending() {
        assertRaises(InvalidSignature.class, () -> Command.of(Hello.class).checkSignature(Map.of()));
        Deferred<Map<String, Object>> d = new AMP().callRemote(Hello.class, Map.of());
        assertIsInstance(((Failure) d.result()).value(), InvalidSignature.class);
        d.addErrback(f -> null);
    }

    /** Switching a protocol that is already switched raises ProtocolSwitched. */
    public void test_doubleProtocolSwitch() {
        Deferred<List<byte[]>> serverDeferred = new Deferred<>();
        SimpleSymmetricCommandProtocol serverProto = new SimpleSymmetricCommandProtocol(serverDeferred);
        Deferred<List<byte[]>> clientDeferred = new Deferred<>();
        SimpleSymmetricCommandProtocol clientProto = new SimpleSymmetricCommandProtocol(clientDeferred);
        var csp = connectedServerAndClient(() -> serverProto, () -> clientProto);
        csp.c().switchToTestProtocol().addCallback(result -> {
            assertRaises(ProtocolSwitched.class, () -> csp.c().switchToTestProtocol());
            testSucceeded = true;
            return null;
        });
        csp.p().flush();
        assertTrue(testSucceeded);
    }

    /** It is possible to switch to another protocol mid-connection and send data to it. */
    public void test_protocolSwitch() {
        protocolSwitch(SimpleSymmetricCommandProtocol::new, false, false);
    }

    private void protocolSwitch(Function<Deferred<List<byte[]>>, SimpleSymmetricCommandProtocol> switcher,
            boolean spuriousTraffic, boolean spuriousError) {
        testSucceeded = false;
        Deferred<List<byte[]>> serverDeferred = new Deferred<>();
        SimpleSymmetricCommandProtocol serverProto = switcher.apply(serverDeferred);
        Deferred<List<byte[]>> clientDeferred = new Deferred<>();
        SimpleSymmetricCommandProtocol clientProto = switcher.apply(clientDeferred);
        var csp = connectedServerAndClient(() -> serverProto, () -> clientProto);
        List<Object> wfdr = new ArrayList<>();
        if (spuriousTraffic) {
            csp.c().callRemote(WaitForever.class, Map.of()).addErrback(f -> {
                wfdr.add(f);
                return null;
            });
        }
        Deferred<Object> switchDeferred = csp.c().switchToTestProtocol();
        if (spuriousTraffic) {
            assertRaises(ProtocolSwitched.class, () -> csp.c().sendHello(b("world")));
        }
        List<List<byte[]>> serverData = new ArrayList<>();
        List<List<byte[]>> clientData = new ArrayList<>();
        switchDeferred.addCallback(proto -> {
            serverDeferred.addCallback(serverData::add);
            clientDeferred.addCallback(clientData::add);
            return null;
        });
        csp.p().flush();
        if (serverProto.maybeLater != null) {
            @SuppressWarnings("unchecked")
            Deferred<Object> later = (Deferred<Object>) serverProto.maybeLater;
            later.callback(((DeferredSymmetricCommandProtocol) serverProto).maybeLaterProto);
            csp.p().flush();
        }
        if (spuriousTraffic) {
            // The switch is done here; do this here to make sure that if we're going to corrupt
            // the connection, we do it before it's closed.
            if (spuriousError) {
                csp.s().waiting.errback(new RemoteAmpError("SPURIOUS", "Here's some traffic in the form of an error."));
            } else {
                csp.s().waiting.callback(Map.of());
            }
            csp.p().flush();
        }
        csp.c().transport.loseConnection(); // close it
        csp.p().flush();
        assertEqual(serverData.size(), 1);
        assertEqual(clientData.size(), 1);
        assertEqual(s(AmpTestSupport.concat(serverData.get(0).toArray(new byte[0][]))), s(AmpFixtures.SWITCH_CLIENT_DATA));
        assertEqual(s(AmpTestSupport.concat(clientData.get(0).toArray(new byte[0][]))), s(AmpFixtures.SWITCH_SERVER_DATA));
    }

    /** Protocol switching works if the value returned from the switch command is deferred. */
    public void test_protocolSwitchDeferred() {
        protocolSwitch(DeferredSymmetricCommandProtocol::new, false, false);
    }

    /** If switching fails, the connection stays up and we can go back to speaking AMP. */
    public void test_protocolSwitchFail() {
        testSucceeded = false;
        Deferred<List<byte[]>> serverDeferred = new Deferred<>();
        SimpleSymmetricCommandProtocol serverProto = new SimpleSymmetricCommandProtocol(serverDeferred);
        Deferred<List<byte[]>> clientDeferred = new Deferred<>();
        SimpleSymmetricCommandProtocol clientProto = new SimpleSymmetricCommandProtocol(clientDeferred);
        var csp = connectedServerAndClient(() -> serverProto, () -> clientProto);
        List<Object> l = new ArrayList<>();
        csp.c().switchToTestProtocol(true).addErrback(f -> {
            l.add(f);
            return null;
        });
        csp.p().flush();
        pop(l).trap(UnknownProtocol.class);
        assertFalse(testSucceeded);
        // It's a known error, so let's send a "hello" on the same connection; it should work.
        csp.c().sendHello(b("world")).addCallback(l::add);
        csp.p().flush();
        assertEqual((byte[]) popMap(l).get("hello"), b("world"));
    }

    /** Attempts to send traffic after a switch do not corrupt the nested protocol. */
    public void test_trafficAfterSwitch() {
        protocolSwitch(SimpleSymmetricCommandProtocol::new, true, false);
    }

    /** Returning an error after a protocol switch records the underlying error. */
    public void test_errorAfterSwitch() {
        protocolSwitch(SimpleSymmetricCommandProtocol::new, true, true);
    }

    /** Commands with a responseType of QuitBox terminate the connection. */
    public void test_quitBoxQuits() {
        var csp = connectedServerAndClient(SimpleSymmetricCommandProtocol::new, SimpleSymmetricCommandProtocol::new);
        List<Object> l = new ArrayList<>();
        byte[] hello = b("world");
        csp.c().sendHello(hello).addCallback(l::add);
        csp.p().flush();
        assertEqual((byte[]) popMap(l).get("hello"), hello);
        csp.c().callRemote(Goodbye.class, Map.of()).addCallback(l::add);
        csp.p().flush();
        assertEqual((byte[]) popMap(l).get("goodbye"), b("everyone"));
        csp.c().sendHello(hello).addErrback(f -> {
            l.add(f);
            return null;
        });
        pop(l).trap(ConnectionDone.class);
    }

    /** The command boxes for a callRemote look correct after being serialized and parsed. */
    public void test_basicLiteralEmit() {
        List<AmpBox> l = new ArrayList<>();
        var csp = connectedServerAndClient(() -> new SimpleSymmetricProtocol() {
            @Override
            public void ampBoxReceived(AmpBox box) {
                l.add(box);
            }
        }, SimpleSymmetricProtocol::new);
        csp.c().callRemote(Hello.class, Map.of("hello", b("hello test"), "mixedCase", b("mixed case arg test"),
                "dash_arg", b("x"), "underscore_arg", b("y")));
        csp.p().flush();
        assertEqual(l.size(), 1);
        String[][] expected = {
            {"_command", "hello"},
            {"hello", "hello test"},
            {"mixedCase", "mixed case arg test"},
            {"dash-arg", "x"},
            {"underscore_arg", "y"},
        };
        AmpBox last = l.get(l.size() - 1);
        for (String[] kv : expected) {
            assertEqual(s(last.remove(kv[0])), kv[1]);
        }
        last.remove("_ask");
        assertEqual(last, new AmpBox());
    }

    /** High-level quoting and argument names are handled properly on the responder side. */
    public void test_basicStructuredEmit() {
        List<Object> l = new ArrayList<>();
        class StructuredHello extends AMP {
            @Responder(Hello.class)
            Map<String, Object> h(Map<String, Object> k) {
                l.add(k);
                return Map.of("hello", b("aaa"));
            }
        }
        var csp = connectedServerAndClient(StructuredHello::new, SimpleSymmetricProtocol::new);
        csp.c().callRemote(Hello.class, Map.of("hello", b("hello test"), "mixedCase", b("mixed case arg test"),
                "dash_arg", b("x"), "underscore_arg", b("y"))).addCallback(l::add);
        csp.p().flush();
        assertEqual(l.size(), 2);
        assertEqual(norm(l.get(0)), norm(dict("hello", b("hello test"), "mixedCase", b("mixed case arg test"), "dash_arg", b("x"),
                "underscore_arg", b("y"), "From", csp.s().transport.getPeer(), "Print", null, "optional", null)));
        assertEqual(norm(l.get(1)), norm(dict("Print", null, "hello", b("aaa"))));
    }
}
