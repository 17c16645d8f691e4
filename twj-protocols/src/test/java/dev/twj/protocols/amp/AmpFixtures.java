package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.Command.arg;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The commands, protocols and errors test_amp.py defines at module level, as nested classes. */
final class AmpFixtures {
    private AmpFixtures() {}

    static final byte[] SWITCH_CLIENT_DATA = b("Success!");
    static final byte[] SWITCH_SERVER_DATA = b("No, really.  Success.");
    static final byte[] THING_I_DONT_UNDERSTAND = b("gwebol nargo");

    /** A trivial protocol for use in testing where a Protocol is expected. */
    static class TestProto extends Protocol {
        static int instanceCount = 0;
        final Deferred<List<byte[]>> onConnLost;
        final byte[] dataToSend;
        final int instanceId;
        List<byte[]> data;

        TestProto(Deferred<List<byte[]>> onConnLost, byte[] dataToSend) {
            this.onConnLost = onConnLost;
            this.dataToSend = dataToSend;
            this.instanceId = instanceCount++;
        }

        @Override
        public void connectionMade() {
            data = new ArrayList<>();
            transport.write(dataToSend);
        }

        @Override
        public void dataReceived(byte[] bytes) {
            data.add(bytes);
        }

        @Override
        public void connectionLost(Failure reason) {
            onConnLost.callback(data);
        }

        @Override
        public String toString() {
            return "<TestProto #" + instanceId + ">";
        }
    }

    /** An AMP that says hello with the low-level string API. */
    static class SimpleSymmetricProtocol extends AMP {
        Deferred<AmpBox> sendHello(byte[] text) {
            return callRemoteString("hello", new AmpBox().put("hello", text));
        }

        public AmpBox amp_HELLO(AmpBox box) {
            return new AmpBox().put("hello", box.get("hello"));
        }
    }

    /** Greeting was insufficiently kind. */
    static class UnfriendlyGreeting extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnfriendlyGreeting(String message) {
            super(message);
        }
    }

    /** Greeting was insufficiently kind. */
    static class DeathThreat extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeathThreat(String message) {
            super(message);
        }
    }

    /** Asked to switch to the wrong protocol. */
    static class UnknownProtocol extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownProtocol(String message) {
            super(message);
        }
    }

    static class ThingIDontUnderstandError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ThingIDontUnderstandError() {}
    }

    /** Gets a variable from the protocol rather than the wire: the transport's peer. */
    static class TransportPeer extends Argument {
        TransportPeer(boolean optional) {
            super(optional);
        }

        @Override
        public void fromBox(String name, AmpBox strings, Map<String, Object> objects, Object proto) {
            objects.put(Amp.wireNameToPythonIdentifier(name), ((AMP) proto).transport.getPeer());
        }

        @Override
        public void toBox(String name, AmpBox strings, Map<String, Object> objects, Object proto) {}
    }

    static class Hello extends Command {
        Hello() {
            commandName("hello");
            arguments(
                    arg("hello", new StringArgument()),
                    arg("optional", new BooleanArgument(true)),
                    arg("print", new UnicodeArgument(true)),
                    arg("from", new TransportPeer(true)),
                    arg("mixedCase", new StringArgument(true)),
                    arg("dash-arg", new StringArgument(true)),
                    arg("underscore_arg", new StringArgument(true)));
            response(arg("hello", new StringArgument()), arg("print", new UnicodeArgument(true)));
            errors(UnfriendlyGreeting.class, "UNFRIENDLY");
            fatalErrors(DeathThreat.class, "DEAD");
        }
    }

    static class NoAnswerHello extends Hello {
        NoAnswerHello() {
            requiresAnswer(false);
        }
    }

    static class FutureHello extends Command {
        FutureHello() {
            commandName("hello");
            arguments(
                    arg("hello", new StringArgument()),
                    arg("optional", new BooleanArgument(true)),
                    arg("print", new UnicodeArgument(true)),
                    arg("from", new TransportPeer(true)),
                    arg("bonus", new StringArgument(true)));
            response(arg("hello", new StringArgument()), arg("print", new UnicodeArgument(true)));
            errors(UnfriendlyGreeting.class, "UNFRIENDLY");
        }
    }

    /** An example of an invalid command. */
    static class WTF extends Command {}

    /** A perfectly good command, but the handler is going to return null. */
    static class BrokenReturn extends Command {
        BrokenReturn() {
            commandName("broken_return");
        }
    }

    /** commandName left blank on purpose: this tests implicit command names. */
    static class Goodbye extends Command {
        Goodbye() {
            response(arg("goodbye", new StringArgument()));
            responseType(QuitBox::new);
        }
    }

    static class WaitForever extends Command {
        WaitForever() {
            commandName("wait_forever");
        }
    }

    static class GetList extends Command {
        GetList() {
            commandName("getlist");
            arguments(arg("length", new IntegerArgument()));
            response(arg("body", new AmpList(List.of(arg("x", new IntegerArgument())))));
        }
    }

    static class DontRejectMe extends Command {
        DontRejectMe() {
            commandName("dontrejectme");
            arguments(arg("magicWord", new UnicodeArgument()),
                    arg("list", new AmpList(List.of(arg("name", new UnicodeArgument())), true)));
            response(arg("response", new UnicodeArgument()));
        }
    }

    static class TestSwitchProto extends ProtocolSwitchCommand {
        TestSwitchProto() {
            this(null);
        }

        TestSwitchProto(ClientFactory factory) {
            super(factory);
            commandName("Switch-Proto");
            arguments(arg("name", new StringArgument()));
            errors(UnknownProtocol.class, "UNKNOWN");
        }
    }

    static class SingleUseFactory extends ClientFactory {
        Protocol proto;
        Failure reasonFailed;

        SingleUseFactory(Protocol proto) {
            this.proto = proto;
            proto.factory = this;
        }

        @Override
        public Protocol buildProtocol(IAddress addr) {
            Protocol p = proto;
            proto = null;
            return p;
        }

        @Override
        public void clientConnectionFailed(IConnector connector, Failure reason) {
            reasonFailed = reason;
        }
    }

    static class SimpleSymmetricCommandProtocol extends AMP {
        Object maybeLater;
        final Deferred<List<byte[]>> onConnLost;
        boolean greeted;
        Deferred<Object> waiting;

        SimpleSymmetricCommandProtocol() {
            this(null);
        }

        SimpleSymmetricCommandProtocol(Deferred<List<byte[]>> onConnLost) {
            this.onConnLost = onConnLost;
        }

        Deferred<Map<String, Object>> sendHello(byte[] text) {
            return callRemote(Hello.class, Map.of("hello", text));
        }

        Deferred<Map<String, Object>> sendUnicodeHello(byte[] text, String translation) {
            return callRemote(Hello.class, Map.of("hello", text, "Print", translation));
        }

        @Responder(Hello.class)
        Map<String, Object> cmdHello(Map<String, Object> a) {
            if (!a.get("From").equals(transport.getPeer())) {
                throw new AssertionError("From " + a.get("From"));
            }
            byte[] hello = (byte[]) a.get("hello");
            if (Arrays.equals(hello, THING_I_DONT_UNDERSTAND)) {
                throw new ThingIDontUnderstandError();
            }
            if (AmpTestSupport.s(hello).startsWith("fuck")) {
                throw new UnfriendlyGreeting("Don't be a dick.");
            }
            if (AmpTestSupport.s(hello).equals("die")) {
                throw new DeathThreat("aieeeeeeeee");
            }
            Map<String, Object> result = new HashMap<>();
            result.put("hello", hello);
            if (a.get("Print") != null) {
                result.put("Print", a.get("Print"));
            }
            greeted = true;
            return result;
        }

        @Responder(GetList.class)
        Map<String, Object> cmdGetlist(Map<String, Object> a) {
            long length = (Long) a.get("length");
            return Map.of("body", Collections.nCopies((int) length, Map.of("x", 1L)));
        }

        @Responder(DontRejectMe.class)
        Map<String, Object> okiwont(Map<String, Object> a) {
            String response;
            if (a.get("list") == null) {
                response = "list omitted";
            } else {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) a.get("list");
                response = list.get(0).get("name") + " accepted";
            }
            return Map.of("response", response);
        }

        @Responder(WaitForever.class)
        Deferred<Object> waitforit() {
            waiting = new Deferred<>();
            return waiting;
        }

        @Responder(Goodbye.class)
        Map<String, Object> saybye() {
            return Map.of("goodbye", b("everyone"));
        }

        Deferred<Object> switchToTestProtocol(boolean fail) {
            byte[] name = fail ? b("no-proto") : b("test-proto");
            TestProto p = new TestProto(onConnLost, SWITCH_CLIENT_DATA);
            return callRemote(new TestSwitchProto(new SingleUseFactory(p)), Map.of("name", name))
                    .addCallback(ign -> p);
        }

        Deferred<Object> switchToTestProtocol() {
            return switchToTestProtocol(false);
        }

        @Responder(TestSwitchProto.class)
        Object switchit(Map<String, Object> a) {
            byte[] name = (byte[]) a.get("name");
            if (AmpTestSupport.s(name).equals("test-proto")) {
                return new TestProto(onConnLost, SWITCH_SERVER_DATA);
            }
            throw new UnknownProtocol(AmpTestSupport.s(name));
        }

        @Responder(BrokenReturn.class)
        Object donothing() {
            return null;
        }
    }

    static class DeferredSymmetricCommandProtocol extends SimpleSymmetricCommandProtocol {
        TestProto maybeLaterProto;

        DeferredSymmetricCommandProtocol(Deferred<List<byte[]>> onConnLost) {
            super(onConnLost);
        }

        @Override
        @Responder(TestSwitchProto.class)
        Object switchit(Map<String, Object> a) {
            if (AmpTestSupport.s((byte[]) a.get("name")).equals("test-proto")) {
                maybeLaterProto = new TestProto(onConnLost, SWITCH_SERVER_DATA);
                Deferred<Object> d = new Deferred<>();
                maybeLater = d;
                return d;
            }
            return null;
        }
    }

    static class BadNoAnswerCommandProtocol extends SimpleSymmetricCommandProtocol {
        /** This responder does nothing and forgets to return a dictionary. */
        @Responder(NoAnswerHello.class)
        Object badResponder(Map<String, Object> a) {
            return null;
        }
    }

    static class NoAnswerCommandProtocol extends SimpleSymmetricCommandProtocol {
        @Responder(NoAnswerHello.class)
        Map<String, Object> goodNoAnswerResponder(Map<String, Object> a) {
            return Map.of("hello", AmpTestSupport.concat((byte[]) a.get("hello"), b("-noanswer")));
        }
    }

    static class TotallyDumbProtocol extends Protocol {
        byte[] buf = new byte[0];

        @Override
        public void dataReceived(byte[] data) {
            buf = AmpTestSupport.concat(buf, data);
        }
    }

    static class LiteralAmp extends AMP {
        final List<AmpBox> boxes = new ArrayList<>();

        @Override
        public void ampBoxReceived(AmpBox box) {
            boxes.add(box);
        }
    }

    /** A very simple greeting command that uses a few basic argument types. */
    static class SimpleGreeting extends Command {
        SimpleGreeting() {
            commandName("simple");
            arguments(arg("greeting", new UnicodeArgument()), arg("cookie", new IntegerArgument()));
            response(arg("cookieplus", new IntegerArgument()));
        }
    }

    /** A locator which implements a responder to the 'simple' command. */
    static class TestLocator extends CommandLocator {
        final List<List<Object>> greetings = new ArrayList<>();

        @Responder(SimpleGreeting.class)
        Map<String, Object> greetingResponder(Map<String, Object> a) {
            greetings.add(List.of(a.get("greeting"), a.get("cookie")));
            return Map.of("cookieplus", (Long) a.get("cookie") + 3);
        }
    }

    /** A locator which overrides the responder to the 'simple' command. */
    static class OverridingLocator extends TestLocator {
        /** Return a different cookieplus than TestLocator.greetingResponder. */
        @Override
        @Responder(SimpleGreeting.class)
        Map<String, Object> greetingResponder(Map<String, Object> a) {
            greetings.add(List.of(a.get("greeting"), a.get("cookie")));
            return Map.of("cookieplus", (Long) a.get("cookie") + 4);
        }
    }

    /** This locator should inherit the responder from OverridingLocator. */
    static class InheritingLocator extends OverridingLocator {}

    /** This error is used to check inheritance. */
    static class InheritedError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InheritedError() {}
    }

    /** This is a distinct error for checking inheritance. */
    static class OtherInheritedError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OtherInheritedError() {}
    }

    /** This provides a command that will be subclassed. */
    static class BaseCommand extends Command {
        BaseCommand() {
            errors(InheritedError.class, "INHERITED_ERROR");
        }
    }

    /** A command which subclasses another command but does not override anything. */
    static class InheritedCommand extends BaseCommand {}

    /** A command which subclasses another command but adds errors to the list. */
    static class AddErrorsCommand extends BaseCommand {
        AddErrorsCommand() {
            arguments(arg("other", new BooleanArgument()));
            errors(OtherInheritedError.class, "OTHER_INHERITED_ERROR");
        }
    }

    static class NormalCommandProtocol extends AMP {
        @Responder(BaseCommand.class)
        Object resp() {
            throw new InheritedError();
        }
    }

    static class InheritedCommandProtocol extends AMP {
        @Responder(InheritedCommand.class)
        Object resp() {
            throw new InheritedError();
        }
    }

    static class AddedCommandProtocol extends AMP {
        @Responder(AddErrorsCommand.class)
        Object resp(Map<String, Object> a) {
            if ((Boolean) a.get("other")) {
                throw new OtherInheritedError();
            }
            throw new InheritedError();
        }
    }

    /** Encodes its parser and serializer arguments, including the protocol, into its forms. */
    static class ProtocolIncludingArgument extends Argument {
        @Override
        public Object fromStringProto(byte[] string, Object protocol) {
            return List.of(string, protocol);
        }

        @Override
        public byte[] toStringProto(Object obj, Object protocol) {
            return b(System.identityHashCode(obj) + ":" + System.identityHashCode(protocol));
        }
    }

    static class ProtocolIncludingCommand extends Command {
        ProtocolIncludingCommand() {
            arguments(arg("weird", new ProtocolIncludingArgument()));
            response(arg("weird", new ProtocolIncludingArgument()));
        }
    }

    /** A unique AmpBox subclass (Twisted: a unique dict subclass). */
    static class MyBox extends AmpBox {}

    static class ProtocolIncludingCommandWithDifferentCommandType extends ProtocolIncludingCommand {
        ProtocolIncludingCommandWithDifferentCommandType() {
            commandType(MyBox::new);
        }
    }
}
