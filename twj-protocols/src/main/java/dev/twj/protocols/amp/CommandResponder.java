package dev.twj.protocols.amp;

import java.util.Map;

/**
 * A high-level responder registered explicitly with {@link CommandLocator#register} or
 * {@link AMP#register}: takes the parsed arguments and returns the response map, a
 * {@code Deferred} of it, or (for a {@link ProtocolSwitchCommand}) the protocol to switch to.
 */
@FunctionalInterface
public interface CommandResponder {
    /** Responds to a command with arguments {@code args}. */
    Object respond(Map<String, Object> args) throws Exception;
}
