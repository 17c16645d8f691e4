package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.norm;
import static dev.twj.protocols.amp.AmpTestSupport.dict;

import dev.twj.internet.defer.Deferred;
import dev.twj.protocols.amp.AmpFixtures.Hello;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Port of {@code CommandDispatchTests}: the BoxDispatcher converts AMP boxes into commands and
 * responses.
 */
class CommandDispatchTests extends SynchronousTestCase {
    /** A fake implementation of the interface implied by CommandLocator. */
    static final class FakeLocator implements IResponderLocator {
        final Map<String, BoxResponder> commands = new HashMap<>();

        @Override
        public BoxResponder locateResponder(String commandName) {
            return commands.get(commandName);
        }
    }

    /** A fake implementation of the 'box sender' interface implied by AMP. */
    static final class FakeSender implements IBoxSender {
        final List<AmpBox> sentBoxes = new ArrayList<>();
        final List<Failure> unhandledErrors = new ArrayList<>();
        int expectedErrors = 0;

        /** Expect one error, so that the test doesn't fail. */
        void expectError() {
            expectedErrors += 1;
        }

        @Override
        public void sendBox(AmpBox box) {
            sentBoxes.add(box);
        }

        @Override
        public void unhandledError(Failure failure) {
            expectedErrors -= 1;
            if (expectedErrors < 0) {
                throw failure.raiseException();
            }
            unhandledErrors.add(failure);
        }
    }

    FakeLocator locator;
    FakeSender sender;
    BoxDispatcher dispatcher;

    void setUp() {
        locator = new FakeLocator();
        sender = new FakeSender();
        dispatcher = new BoxDispatcher(locator);
        dispatcher.startReceivingBoxes(sender);
    }

    /** ampBoxReceived should locate the appropriate command in its responder lookup. */
    public void test_receivedAsk() {
        List<AmpBox> received = new ArrayList<>();
        BoxResponder thunk = box -> {
            received.add(box);
            return AmpBox.of("hello", "goodbye");
        };
        AmpBox input = AmpBox.of("_command", "hello", "_ask", "test-command-id", "hello", "world");
        locator.commands.put("hello", thunk);
        dispatcher.ampBoxReceived(input);
        assertEqual(received, List.of(input));
    }

    /** The dispatcher should relay its unhandled errors in responding to boxes to its boxSender. */
    public void test_sendUnhandledError() {
        RuntimeException err = new RuntimeException("something went wrong, oh no");
        sender.expectError();
        dispatcher.unhandledError(new Failure(err));
        assertEqual(sender.unhandledErrors.size(), 1);
        assertIs(sender.unhandledErrors.get(0).value(), err);
    }

    /** Errors during serialization ought to be relayed to the sender's unhandledError method. */
    public void test_unhandledSerializationError() {
        RuntimeException err = new RuntimeException("something undefined went wrong");
        BoxResponder thunk = result -> new AmpBox() {
            @Override
            public void sendTo(IBoxSender proto) {
                throw err;
            }
        };
        locator.commands.put("hello", thunk);
        AmpBox input = AmpBox.of("_command", "hello", "_ask", "test-command-id", "hello", "world");
        sender.expectError();
        dispatcher.ampBoxReceived(input);
        assertEqual(sender.unhandledErrors.size(), 1);
        assertIs(sender.unhandledErrors.get(0).value(), err);
    }

    /**
     * callRemote should emit a properly formatted '_ask' box and record an outstanding Deferred,
     * fired with the response de-serialized when the '_answer' box is received.
     */
    public void test_callRemote() {
        Deferred<Map<String, Object>> d = dispatcher.callRemote(Hello.class, Map.of("hello", AmpTestSupport.b("world")));
        assertEqual(sender.sentBoxes, List.of(AmpBox.of("_command", "hello", "_ask", "1", "hello", "world")));
        List<Object> answers = new ArrayList<>();
        d.addCallback(answers::add);
        assertEqual(answers, List.of());
        dispatcher.ampBoxReceived(AmpBox.of("hello", "yay", "print", "ignored", "_answer", "1"));
        assertEqual(norm(answers), norm(List.of(dict("hello", AmpTestSupport.b("yay"), "Print", "ignored"))));
    }

    /**
     * Verify that {@code callResult} completes with a null result and that an unhandled error
     * has been logged.
     */
    private void localCallbackErrorLoggingTest(Deferred<?> callResult) {
        List<Object> finalResult = new ArrayList<>();
        callResult.addBoth(finalResult::add);
        assertEqual(sender.unhandledErrors.size(), 1);
        assertIsInstance(sender.unhandledErrors.get(0).value(), ArithmeticException.class);
        assertEqual(finalResult, Arrays.asList((Object) null));
    }

    /**
     * If the last callback on the Deferred returned by callRemote fails, the failure is passed
     * to the sender's unhandledError method.
     */
    public void test_callRemoteSuccessLocalCallbackErrorLogging() {
        sender.expectError();
        int zero = 0;
        Deferred<Object> callResult = dispatcher.callRemote(Hello.class, Map.of("hello", AmpTestSupport.b("world")))
                .addCallback(result -> 1 / zero);
        dispatcher.ampBoxReceived(AmpBox.of("hello", "yay", "print", "ignored", "_answer", "1"));
        localCallbackErrorLoggingTest(callResult);
    }

    /** Like the above, but for the case where the Deferred returned by callRemote fails. */
    public void test_callRemoteErrorLocalCallbackErrorLogging() {
        sender.expectError();
        int zero = 0;
        Deferred<Map<String, Object>> callResult = dispatcher.callRemote(Hello.class, Map.of("hello", AmpTestSupport.b("world")))
                .addErrback(result -> {
                    System.out.println(1 / zero);
                    return null;
                });
        dispatcher.ampBoxReceived(AmpBox.of("_error", "1", "_error_code", "bugs", "_error_description", "stuff"));
        localCallbackErrorLoggingTest(callResult);
    }
}
