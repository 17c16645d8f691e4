package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.Command.arg;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.protocols.amp.AmpFixtures.Hello;
import dev.twj.protocols.amp.AmpFixtures.MyBox;
import dev.twj.protocols.amp.AmpFixtures.ProtocolIncludingCommand;
import dev.twj.protocols.amp.AmpFixtures.ProtocolIncludingCommandWithDifferentCommandType;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Port of {@code CommandTests}: tests for Argument and Command.
 *
 * <p>Not ported: {@code test_argumentInterface} (there is no separate {@code IArgumentType}).
 * Adapted: the tests that Twisted's metaclass rejects non-bytes names check that names, codes
 * and argument names with characters above U+00FF (not byte strings) are rejected; the
 * "converted to dict" tests check that {@code errors()} is a map. The {@code MagicSchemaCommand}
 * tests pass byte values, since {@code makeArguments} must return a box in Java.
 */
class CommandTests extends SynchronousTestCase {
    /** A command which overrides parseResponse, parseArguments and makeArguments. */
    static class MagicSchemaCommand extends Command {
        MagicSchemaCommand() {
            arguments(arg("weird", new StringArgument()));
        }

        /** Jams the input box and protocol onto {@code protocol.parseResponseArguments}. */
        @Override
        public Map<String, Object> parseResponse(AmpBox strings, Object protocol) {
            ((NoNetworkProtocol) protocol).parseResponseArguments = List.of(strings, protocol);
            return new HashMap<>(strings.asMap());
        }

        /** Jams the input box and protocol onto {@code protocol.parseArgumentsArguments}. */
        @Override
        public Map<String, Object> parseArguments(AmpBox strings, Object protocol) {
            ((NoNetworkProtocol) protocol).parseArgumentsArguments = List.of(strings, protocol);
            return new HashMap<>(strings.asMap());
        }

        /** Jams the input objects and protocol onto {@code protocol.makeArgumentsArguments}. */
        @Override
        public AmpBox makeArguments(Map<String, ?> objects, Object protocol) {
            ((NoNetworkProtocol) protocol).makeArgumentsArguments = List.of(objects, protocol);
            AmpBox box = new AmpBox();
            if (objects.get("weird") instanceof byte[] bytes) {
                box.put("weird", bytes);
            }
            return box;
        }
    }

    /** An AMP which does not touch the network and responds to MagicSchemaCommand with nothing. */
    static class NoNetworkProtocol extends AMP {
        List<Object> parseArgumentsArguments;
        List<Object> parseResponseArguments;
        List<Object> makeArgumentsArguments;

        /** Returns a Deferred which fires with the original strings. */
        @Override
        public Deferred<AmpBox> sendBoxCommand(String commandName, AmpBox strings, boolean requiresAnswer) {
            return Defer.succeed(strings);
        }

        @Responder(MagicSchemaCommand.class)
        Map<String, Object> magic(Map<String, Object> args) {
            return Map.of();
        }
    }

    private static Object result(Deferred<?> d) {
        Object r = d.result();
        if (r instanceof Failure f) {
            throw f.raiseException();
        }
        return r;
    }

    /** parseResponse parses a map of serialized forms via the response schema. */
    public void test_parseResponse() {
        Object protocol = new Object();
        byte[] result = b("whatever");
        AmpBox strings = new AmpBox().put("weird", result);
        Map<String, Object> parsed = Command.of(ProtocolIncludingCommand.class).parseResponse(strings, protocol);
        assertEqual(List.copyOf(parsed.keySet()), List.of("weird"));
        List<?> weird = (List<?>) parsed.get("weird");
        assertIs(weird.get(0), result);
        assertIs(weird.get(1), protocol);
    }

    /** callRemote on a command overriding parseResponse uses it to get the response. */
    public void test_callRemoteCallsParseResponse() {
        NoNetworkProtocol client = new NoNetworkProtocol();
        byte[] thingy = b("weeoo");
        Deferred<Map<String, Object>> response = client.callRemote(MagicSchemaCommand.class, Map.of("weird", thingy));
        result(response);
        assertEqual(client.parseResponseArguments.get(0), new AmpBox().put("weird", thingy));
        assertIs(client.parseResponseArguments.get(1), client);
    }

    /** parseArguments parses a map of serialized forms via the argument schema. */
    public void test_parseArguments() {
        Object protocol = new Object();
        byte[] result = b("whatever");
        AmpBox strings = new AmpBox().put("weird", result);
        Map<String, Object> parsed = Command.of(ProtocolIncludingCommand.class).parseArguments(strings, protocol);
        List<?> weird = (List<?>) parsed.get("weird");
        assertIs(weird.get(0), result);
        assertIs(weird.get(1), protocol);
    }

    /** A responder of a command overriding parseArguments uses it to get the arguments. */
    public void test_responderCallsParseArguments() throws Exception {
        NoNetworkProtocol protocol = new NoNetworkProtocol();
        BoxResponder responder = protocol.locateResponder(Command.of(MagicSchemaCommand.class).commandName());
        AmpBox argument = new AmpBox().put("weird", b("argument"));
        result((Deferred<?>) responder.respond(argument));
        assertEqual(protocol.parseArgumentsArguments.get(0), argument);
        assertIs(protocol.parseArgumentsArguments.get(1), protocol);
    }

    /** makeArguments serializes a map of objects via the argument schema. */
    public void test_makeArguments() {
        Object protocol = new Object();
        Object argument = new Object();
        String ident = System.identityHashCode(argument) + ":" + System.identityHashCode(protocol);
        assertEqual(Command.of(ProtocolIncludingCommand.class).makeArguments(Map.of("weird", argument), protocol), new AmpBox().put("weird", b(ident)));
    }

    /** makeArguments returns a box of the command's commandType. */
    public void test_makeArgumentsUsesCommandType() {
        AmpBox result = Command.of(ProtocolIncludingCommandWithDifferentCommandType.class)
                .makeArguments(Map.of("weird", b("whatever")), new Object());
        assertIs(result.getClass(), MyBox.class);
    }

    /** callRemote on a command overriding makeArguments uses it. */
    public void test_callRemoteCallsMakeArguments() {
        NoNetworkProtocol client = new NoNetworkProtocol();
        Object argument = new Object();
        result(client.callRemote(MagicSchemaCommand.class, Map.of("weird", argument)));
        assertEqual(client.makeArgumentsArguments.get(0), Map.of("weird", argument));
        assertIs(client.makeArgumentsArguments.get(1), client);
    }

    /** makeArguments raises InvalidSignature for a key that is not an argument's identifier. */
    public void test_extraArgumentsDisallowed() {
        assertRaises(InvalidSignature.class, () -> Command.of(Hello.class)
                .makeArguments(Map.of("hello", b("hello"), "bogusArgument", new Object()), null));
    }

    /** The untransformed wire spelling of a keyword argument ({@code print}) is not allowed. */
    public void test_wireSpellingDisallowed() {
        assertRaises(InvalidSignature.class, () -> Command.of(Hello.class)
                .makeArguments(Map.of("hello", b("required"), "print", "print value"), null));
    }

    /** A command without a commandName is named after its class. */
    public void test_commandNameDefaultsToClassNameAsByteString() {
        class NewCommand extends Command {}
        assertEqual(new NewCommand().commandName(), "NewCommand");
    }

    /** A command name must be a byte string (here: no character above U+00FF). */
    public void test_commandNameMustBeAByteString() {
        class NewCommand extends Command {
            NewCommand() {
                commandName("F\u2603O");
            }
        }
        IllegalArgumentException error = assertRaises(IllegalArgumentException.class, NewCommand::new);
        assertTrue(error.getMessage().contains("byte strings"), error.getMessage());
    }

    /** A command's arguments must have byte string names. */
    public void test_commandArgumentsMustBeNamedWithByteStrings() {
        assertRaises(IllegalArgumentException.class, () -> arg("f\u2603o", new StringArgument()));
    }

    /** A command's response must have byte string names (the same Arg check). */
    public void test_commandResponseMustBeNamedWithByteStrings() {
        class NewCommand extends Command {
            NewCommand() {
                response(arg("f\u2603o", new StringArgument()));
            }
        }
        assertRaises(IllegalArgumentException.class, NewCommand::new);
    }

    /** A command's errors are a map. */
    public void test_commandErrorsIsConvertedToDict() {
        class NewCommand extends Command {
            NewCommand() {
                errors(ArithmeticException.class, "ZDE");
            }
        }
        assertEqual(new NewCommand().errors(), Map.of(ArithmeticException.class, "ZDE"));
    }

    /** A command's errors must map exceptions to byte strings. */
    public void test_commandErrorsMustUseBytesForOnWireRepresentation() {
        class NewCommand extends Command {
            NewCommand() {
                errors(ArithmeticException.class, "f\u2603o");
            }
        }
        assertRaises(IllegalArgumentException.class, NewCommand::new);
    }

    /** A command's fatalErrors are a map. */
    public void test_commandFatalErrorsIsConvertedToDict() {
        class NewCommand extends Command {
            NewCommand() {
                fatalErrors(ArithmeticException.class, "ZDE");
            }
        }
        assertEqual(new NewCommand().fatalErrors(), Map.of(ArithmeticException.class, "ZDE"));
        assertFalse(new NewCommand().errors().containsKey(ArithmeticException.class));
    }

    /** A command's fatalErrors must map exceptions to byte strings. */
    public void test_commandFatalErrorsMustUseBytesForOnWireRepresentation() {
        class NewCommand extends Command {
            NewCommand() {
                fatalErrors(ArithmeticException.class, "f\u2603o");
            }
        }
        assertRaises(IllegalArgumentException.class, NewCommand::new);
    }

}
