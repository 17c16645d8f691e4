package dev.twj.protocols.amp;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.python.failure.Failure;
import java.util.Map;

/**
 * Switches from AMP to a different protocol mid-connection: AMP can serve as the
 * connection-startup negotiation phase.
 *
 * <p>Port of {@code twisted.protocols.amp.ProtocolSwitchCommand}. The responder returns the
 * protocol to switch to (or a Deferred of it); the answer box is the last AMP traffic from that
 * side. The caller constructs the command with the factory of its own new protocol (Twisted's
 * positional {@code _protoToSwitchToFactory}):
 *
 * <pre>{@code
 * amp.callRemote(new SwitchToFoo(fooFactory), Map.of("name", ...));
 * }</pre>
 *
 * <p>The sending protocol is locked (no AMP traffic) until the answer arrives; then it switches,
 * or on an error unlocks and tells the factory {@code clientConnectionFailed}. Subclasses need a
 * no-argument constructor too, used to name the command in a {@link Responder}.
 */
public abstract class ProtocolSwitchCommand extends Command {
    private final ClientFactory protoToSwitchToFactory;

    /** Creates the command as responders see it, without a factory. */
    protected ProtocolSwitchCommand() {
        this(null);
    }

    /** Creates the command to call, with the factory of the protocol to switch to. */
    protected ProtocolSwitchCommand(ClientFactory protoToSwitchToFactory) {
        this.protoToSwitchToFactory = protoToSwitchToFactory;
    }

    /** Returns the box that, once sent, switches the responding side to {@code innerProto}. */
    @Override
    public AmpBox makeResponse(Object innerProto, Object proto) {
        if (!(innerProto instanceof IProtocol p)) {
            throw new IllegalArgumentException("a responder of " + commandName()
                    + " must return the IProtocol to switch to, got " + innerProto);
        }
        return new SwitchBox(p);
    }

    @Override
    public Deferred<Map<String, Object>> doCommand(ICommandSender proto, Map<String, ?> kw) {
        if (protoToSwitchToFactory == null) {
            throw new IllegalStateException(commandName() + " must be constructed with the factory of the protocol to switch to");
        }
        if (!(proto instanceof BinaryBoxProtocol bp)) {
            throw new IllegalArgumentException("protocol switching needs a BinaryBoxProtocol, got " + proto);
        }
        Deferred<Map<String, Object>> d = super.doCommand(proto, kw);
        bp._lockForSwitch();
        return d.addCallbacks(ign -> {
            IProtocol innerProto = protoToSwitchToFactory.buildProtocol(bp.transport.getPeer());
            bp._switchTo(innerProto, protoToSwitchToFactory);
            return ign;
        }, f -> {
            bp._unlockFromSwitch();
            protoToSwitchToFactory.clientConnectionFailed(null, new Failure(new ConnectionLost()));
            throw f.raiseException();
        });
    }

    /** The answer box of a switch: after it is sent, the protocol switches. Port of {@code _SwitchBox}. */
    static final class SwitchBox extends AmpBox {
        final IProtocol innerProto;

        SwitchBox(IProtocol innerProto) {
            this.innerProto = innerProto;
        }

        @Override
        protected AmpBox newEmpty() {
            return new SwitchBox(innerProto);
        }

        @Override
        public void sendTo(IBoxSender proto) {
            super.sendTo(proto);
            BinaryBoxProtocol bp = (BinaryBoxProtocol) proto;
            bp._lockForSwitch();
            bp._switchTo(innerProto);
        }

        @Override
        public String toString() {
            return "_SwitchBox(" + innerProto + ", **" + entriesRepr() + ")";
        }
    }
}
