package dev.twj.protocols.amp;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dispatches {@code _ask}, {@code _answer} and {@code _error} boxes, incoming and outgoing, to
 * their destinations.
 *
 * <p>Port of {@code twisted.protocols.amp.BoxDispatcher}. Outgoing commands become Deferreds and
 * boxes, with the state needed to fire those Deferreds when {@code _answer} boxes come back;
 * incoming {@code _answer} and {@code _error} boxes fire or fail them. Incoming {@code _ask}
 * boxes are dispatched to the responders of {@link #locator}.
 *
 * <p>Contract: not thread-safe; used from the protocol's thread. {@link #ampBoxReceived}
 * throws {@link NoEmptyBoxes} for a box with none of {@code _answer}, {@code _error},
 * {@code _command}, and {@link MalformedAmpBox} for an answer or error to an unknown tag or an
 * error box without its code (Twisted: {@code KeyError}); {@link BinaryBoxProtocol} turns those
 * into a logged error and a closed connection.
 */
public class BoxDispatcher implements IBoxReceiver, ICommandSender {
    private static final Logger log = new Logger(BoxDispatcher.class);

    /** The protocol-level errors, by code: {@code UNHANDLED} becomes {@link UnhandledCommand}. */
    public static final Map<String, Class<? extends AmpError>> PROTOCOL_ERRORS =
            Map.of(Amp.UNHANDLED_ERROR_CODE, UnhandledCommand.class);

    private Failure failAllReason;
    private Map<String, Deferred<AmpBox>> outstandingRequests = new HashMap<>();
    private long counter;
    // The last command name received, as bytes and as a String: a connection mostly receives
    // the same few commands, and a hit saves decoding (and hashing) the name again.
    private byte[] lastCommandBytes;
    private String lastCommand;

    /** Sends command responses; set by {@link #startReceivingBoxes}. */
    public IBoxSender boxSender;

    /** Locates a responder for each command received. */
    public IResponderLocator locator;

    /** Creates a dispatcher dispatching commands to the responders of {@code locator}. */
    public BoxDispatcher(IResponderLocator locator) {
        this.locator = locator;
    }

    /** {@code boxSender} is going to start calling {@link #ampBoxReceived}; responses go to it. */
    @Override
    public void startReceivingBoxes(IBoxSender boxSender) {
        this.boxSender = boxSender;
    }

    /** No further boxes will be received here: fails every outstanding command with {@code reason}. */
    @Override
    public void stopReceivingBoxes(Failure reason) {
        failAllOutgoing(reason);
    }

    /** Fails every outstanding request with {@code reason}; no request can be sent afterwards. */
    public void failAllOutgoing(Failure reason) {
        failAllReason = reason;
        Map<String, Deferred<AmpBox>> or = outstandingRequests;
        outstandingRequests = null;
        if (or != null) {
            for (Deferred<AmpBox> d : new ArrayList<>(or.values())) {
                d.errback(reason);
            }
        }
    }

    /** Generates protocol-local serial numbers for {@code _ask} keys: lowercase hex from 1. */
    protected String nextTag() {
        counter += 1;
        return Long.toHexString(counter);
    }

    @Override
    public Deferred<AmpBox> sendBoxCommand(String command, AmpBox box, boolean requiresAnswer) {
        if (failAllReason != null) {
            return requiresAnswer ? Defer.fail(failAllReason) : null;
        }
        box.put(Amp.COMMAND, Amp.latin1(command));
        String tag = nextTag();
        if (requiresAnswer) {
            box.put(Amp.ASK, Amp.latin1(tag));
        }
        box.sendTo(boxSender);
        if (requiresAnswer) {
            Deferred<AmpBox> result = new Deferred<>();
            outstandingRequests.put(tag, result);
            return result;
        }
        return null;
    }

    /**
     * A terminal errback: application code has had its chance to handle {@code failure}; hands it
     * to the box sender, which logs it and drops the connection.
     */
    public void unhandledError(Failure failure) {
        boxSender.unhandledError(failure);
    }

    private Deferred<AmpBox> popRequest(String key, AmpBox box) {
        byte[] tag = box.get(key);
        Deferred<AmpBox> question = outstandingRequests == null ? null : outstandingRequests.remove(Amp.latin1(tag));
        if (question == null) {
            throw new MalformedAmpBox("no outstanding request with tag " + Amp.bytesRepr(tag) + ": " + box);
        }
        return question;
    }

    private void answerReceived(AmpBox box) {
        Deferred<AmpBox> question = popRequest(Amp.ANSWER, box);
        question.addErrback(f -> {
            unhandledError(f);
            return null;
        });
        question.callback(box);
    }

    private void errorReceived(AmpBox box) {
        byte[] code = box.get(Amp.ERROR_CODE);
        byte[] desc = box.get(Amp.ERROR_DESCRIPTION);
        if (code == null || desc == null) {
            throw new MalformedAmpBox("error box lacks _error_code or _error_description: " + box);
        }
        Deferred<AmpBox> question = popRequest(Amp.ERROR, box);
        question.addErrback(f -> {
            unhandledError(f);
            return null;
        });
        String errorCode = Amp.latin1(code);
        String description = new String(desc, StandardCharsets.UTF_8);
        Throwable exc;
        if (PROTOCOL_ERRORS.containsKey(errorCode)) {
            exc = new UnhandledCommand(errorCode, description);
        } else {
            exc = new RemoteAmpError(errorCode, description);
        }
        question.errback(new Failure(exc));
    }

    private void commandReceived(AmpBox box) {
        Deferred<Object> deferred = dispatchCommand(box);
        if (box.containsKey(Amp.ASK)) {
            byte[] ask = box.get(Amp.ASK);
            deferred.<Object>addCallbacks(answerBox -> {
                if (!(answerBox instanceof AmpBox b)) {
                    throw new BadLocalReturn("responder for " + Amp.bytesRepr(box.get(Amp.COMMAND))
                            + " returned " + answerBox + ", not an AmpBox",
                            new Failure(new IllegalArgumentException(String.valueOf(answerBox))));
                }
                b.put(Amp.ANSWER, ask);
                return b;
            }, error -> {
                AmpBox errorBox;
                byte[] code;
                byte[] desc;
                if (error.check(RemoteAmpError.class) != null) {
                    RemoteAmpError rae = (RemoteAmpError) error.value();
                    code = Amp.latin1(rae.errorCode);
                    desc = rae.description.getBytes(StandardCharsets.UTF_8);
                    errorBox = rae.fatal ? new QuitBox() : new AmpBox();
                } else {
                    errorBox = new QuitBox();
                    log.failure("while receiving response to command", error);
                    code = Amp.latin1(Amp.UNKNOWN_ERROR_CODE);
                    desc = "Unknown Error".getBytes(StandardCharsets.US_ASCII);
                }
                errorBox.put(Amp.ERROR, ask);
                errorBox.put(Amp.ERROR_DESCRIPTION, desc);
                errorBox.put(Amp.ERROR_CODE, code);
                return errorBox;
            }).addCallback(b -> {
                safeEmit((AmpBox) b);
                return null;
            }).addErrback(f -> {
                unhandledError(f);
                return null;
            });
        } else {
            deferred.addErrback(f -> {
                unhandledError(f);
                return null;
            });
        }
    }

    /**
     * A box was received: a command, or an answer to a command sent earlier, or an error.
     *
     * @throws NoEmptyBoxes if the box has none of {@code _answer}, {@code _error}, {@code _command}
     * @throws MalformedAmpBox if it answers an unknown tag or lacks an error's keys
     */
    @Override
    public void ampBoxReceived(AmpBox box) {
        if (box.containsKey(Amp.ANSWER)) {
            answerReceived(box);
        } else if (box.containsKey(Amp.ERROR)) {
            errorReceived(box);
        } else if (box.containsKey(Amp.COMMAND)) {
            commandReceived(box);
        } else {
            throw new NoEmptyBoxes(box.toString());
        }
    }

    /** Emits a box, ignoring {@link ProtocolSwitched} and {@link ConnectionLost}, which cannot be usefully handled. */
    private void safeEmit(AmpBox aBox) {
        try {
            aBox.sendTo(boxSender);
        } catch (ProtocolSwitched | ConnectionLost e) {
            // Nothing useful to do.
        }
    }

    /**
     * A box with a {@code _command} key was received: dispatches it to its responder.
     *
     * @return a Deferred of the responder's answer box, failing with a {@link RemoteAmpError}
     *     of code {@code UNHANDLED} if there is no responder
     */
    public Deferred<Object> dispatchCommand(AmpBox box) {
        byte[] cmdBytes = box.get(Amp.COMMAND);
        String cmd;
        if (cmdBytes != null && Arrays.equals(cmdBytes, lastCommandBytes)) {
            cmd = lastCommand;
        } else {
            cmd = Amp.latin1(cmdBytes);
            lastCommandBytes = cmdBytes.clone();
            lastCommand = cmd;
        }
        BoxResponder responder = locator.locateResponder(cmd);
        if (responder == null) {
            String description = "Unhandled Command: " + Amp.bytesRepr(box.get(Amp.COMMAND));
            return Defer.fail(new RemoteAmpError(Amp.UNHANDLED_ERROR_CODE, description, false,
                    new Failure(new UnhandledCommand())));
        }
        return Defer.maybeDeferred(() -> responder.respond(box));
    }

    /** The tags of the commands still waiting for an answer: for tests. */
    public List<String> outstandingTags() {
        return outstandingRequests == null ? List.of() : List.copyOf(outstandingRequests.keySet());
    }
}
