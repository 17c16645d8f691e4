package dev.twj.protocols.amp;

/**
 * An application object which can look up appropriate responder methods for AMP commands.
 * Port of {@code twisted.protocols.amp.IResponderLocator}.
 */
public interface IResponderLocator {
    /**
     * Locates a responder for the command named {@code name} (the name from the wire).
     *
     * @return a responder that takes the box and returns an {@link AmpBox} or a
     *     {@code Deferred} firing one, or null if no responder can be found
     */
    BoxResponder locateResponder(String name);
}
