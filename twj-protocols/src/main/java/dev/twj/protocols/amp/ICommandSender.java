package dev.twj.protocols.amp;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import java.util.Map;

/**
 * Something commands can be sent through: {@link BoxDispatcher} and {@link AMP}. Java-only: it
 * names what Twisted's {@code Command._doCommand} needs of its protocol.
 */
public interface ICommandSender {
    /**
     * Sends a command box named {@code command}, adding {@code _command} and (when an answer is
     * required) {@code _ask}. Port of {@code _sendBoxCommand}.
     *
     * @return a Deferred firing with the answer box, or null if no answer is required
     */
    Deferred<AmpBox> sendBoxCommand(String command, AmpBox box, boolean requiresAnswer);

    /**
     * Calls {@code command} on the peer with arguments {@code kw}, keyed by the identifiers of
     * the argument names. Port of {@code callRemote}.
     *
     * @return a Deferred firing with the response map (failing with a declared error,
     *     {@link UnknownRemoteError}, {@link UnhandledCommand} or a connection failure), a
     *     Deferred failing with {@link InvalidSignature} if a required argument is missing, or null
     *     if the command does not require an answer
     * @throws TooLong if a key or value is too long to send
     * @throws ProtocolSwitched if the protocol has switched
     */
    default Deferred<Map<String, Object>> callRemote(Command command, Map<String, ?> kw) {
        try {
            command.checkSignature(kw);
        } catch (InvalidSignature e) {
            return Defer.fail(e);
        }
        return command.doCommand(this, kw);
    }

    /** {@link #callRemote(Command, Map)} with the shared instance of {@code commandType}. */
    default Deferred<Map<String, Object>> callRemote(Class<? extends Command> commandType, Map<String, ?> kw) {
        return callRemote(Command.of(commandType), kw);
    }

    /**
     * Sends a command built from a raw box; a low-level API for messages where the overhead of
     * parsing is too great. Port of {@code callRemoteString}.
     */
    default Deferred<AmpBox> callRemoteString(String command, boolean requiresAnswer, AmpBox kw) {
        return sendBoxCommand(command, new AmpBox(kw.asMap()), requiresAnswer);
    }

    /** {@link #callRemoteString(String, boolean, AmpBox)} requiring an answer. */
    default Deferred<AmpBox> callRemoteString(String command, AmpBox kw) {
        return callRemoteString(command, true, kw);
    }
}
