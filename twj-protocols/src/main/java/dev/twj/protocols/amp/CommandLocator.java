package dev.twj.protocols.amp;

import java.util.HashMap;
import java.util.Map;

/**
 * A collection of responders to AMP {@link Command}s: the methods of a subclass annotated with
 * {@link Responder}, and responders given to {@link #register}.
 *
 * <p>Port of {@code twisted.protocols.amp.CommandLocator}. Twisted's deprecated
 * {@code lookupFunction} is not ported.
 */
public class CommandLocator implements IResponderLocator {
    private final Map<String, Responders.Registered> registered = new HashMap<>();

    /** Creates a locator whose responders are its annotated methods. */
    public CommandLocator() {}

    /** Registers {@code responder} for {@code command}; it wins over an annotated method. */
    public void register(Command command, CommandResponder responder) {
        registered.put(command.commandName(), new Responders.Registered(command, responder));
    }

    /** Registers {@code responder} for the shared instance of {@code command}. */
    public void register(Class<? extends Command> command, CommandResponder responder) {
        register(Command.of(command), responder);
    }

    /**
     * Locates the responder of the command named {@code name}, wrapped with the command's
     * serialization: it takes the box and returns a Deferred of the answer box.
     */
    @Override
    public BoxResponder locateResponder(String name) {
        return Responders.locate(this, registered, name, this);
    }
}
