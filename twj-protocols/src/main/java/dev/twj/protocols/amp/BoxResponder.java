package dev.twj.protocols.amp;

/**
 * A low-level responder: takes the received box of a command and returns the answer box, or a
 * {@code Deferred} that fires with it, or throws. What {@link IResponderLocator#locateResponder}
 * returns; Twisted's one-argument callable.
 */
@FunctionalInterface
public interface BoxResponder {
    /** Handles {@code box}; returns an {@link AmpBox} or a {@code Deferred} of one. */
    Object respond(AmpBox box) throws Exception;
}
