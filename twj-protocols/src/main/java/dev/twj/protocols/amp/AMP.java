package dev.twj.protocols.amp;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.util.HashMap;
import java.util.Map;

/**
 * An AMP connection: a {@link BinaryBoxProtocol} that dispatches boxes with a
 * {@link BoxDispatcher} to responders it locates on itself, as a {@link CommandLocator}
 * ({@link Responder} methods and {@link #register}ed responders) and then as a
 * {@link SimpleStringLocator} ({@code amp_NAME(AmpBox)} methods).
 *
 * <p>Port of {@code twisted.protocols.amp.AMP}. Subclass it, or give it responders:
 *
 * <pre>{@code
 * class Calculator extends AMP {
 *     @Responder(Sum.class)
 *     public Map<String, Object> sum(Map<String, Object> a) {
 *         return Map.of("total", (Long) a.get("a") + (Long) a.get("b"));
 *     }
 * }
 * proto.callRemote(Sum.class, Map.of("a", 1L, "b", 2L)).addCallback(r -> r.get("total"));
 * }</pre>
 *
 * <p>Contract: like every protocol, used from one thread at a time (the reactor's); callbacks
 * of the Deferreds from {@link #callRemote} run on that thread, when the answer arrives. A
 * failure nobody handled (an errback-less command that failed, a responder that threw an
 * undeclared error) is logged and drops the connection ({@link #unhandledError}). An undeclared
 * responder error is answered with code {@code UNKNOWN} in a {@link QuitBox}, closing the
 * connection; a declared one with its code; a fatal declared one with its code in a QuitBox.
 * {@link StartTLS} switches the connection to TLS (its transport must be an
 * {@link dev.twj.internet.interfaces.ITLSTransport}).
 */
public class AMP extends BinaryBoxProtocol implements IBoxReceiver, IResponderLocator, ICommandSender {
    private static final Logger log = new Logger(AMP.class);

    private final BoxDispatcher dispatcher;
    private final Map<String, Responders.Registered> registered = new HashMap<>();
    private IAddress transportPeer;
    private IAddress transportHost;

    /** Creates an AMP that receives its own boxes and locates responders on itself. */
    public AMP() {
        this(null, null);
    }

    /**
     * Creates an AMP with another box receiver or locator; null means this object.
     */
    @SuppressWarnings("this-escape")
    public AMP(IBoxReceiver boxReceiver, IResponderLocator locator) {
        this.boxReceiver = boxReceiver != null ? boxReceiver : this;
        IResponderLocator loc = locator != null ? locator : this;
        this.dispatcher = new BoxDispatcher(name -> loc.locateResponder(name));
    }

    /** Registers {@code responder} for {@code command}; it wins over annotated methods. */
    public void register(Command command, CommandResponder responder) {
        registered.put(command.commandName(), new Responders.Registered(command, responder));
    }

    /** Registers {@code responder} for the shared instance of {@code command}. */
    public void register(Class<? extends Command> command, CommandResponder responder) {
        register(Command.of(command), responder);
    }

    /**
     * Locates a responder, preferring {@link CommandLocator}-style responders (registered, then
     * annotated) to {@link SimpleStringLocator}-style {@code amp_NAME} methods.
     */
    @Override
    public BoxResponder locateResponder(String name) {
        BoxResponder first = Responders.locate(this, registered, name, this);
        if (first != null) {
            return first;
        }
        return SimpleStringLocator.locate(this, name);
    }

    @Override
    public void startReceivingBoxes(IBoxSender sender) {
        dispatcher.startReceivingBoxes(sender);
    }

    @Override
    public void ampBoxReceived(AmpBox box) {
        dispatcher.ampBoxReceived(box);
    }

    @Override
    public void stopReceivingBoxes(Failure reason) {
        dispatcher.stopReceivingBoxes(reason);
    }

    @Override
    public Deferred<AmpBox> sendBoxCommand(String command, AmpBox box, boolean requiresAnswer) {
        return dispatcher.sendBoxCommand(command, box, requiresAnswer);
    }

    /** Fails every outstanding command with {@code reason}. */
    public void failAllOutgoing(Failure reason) {
        dispatcher.failAllOutgoing(reason);
    }

    /** Dispatches a command box to its responder; see {@link BoxDispatcher#dispatchCommand}. */
    public Deferred<Object> dispatchCommand(AmpBox box) {
        return dispatcher.dispatchCommand(box);
    }

    /** The tags of the commands still waiting for an answer. */
    public java.util.List<String> outstandingTags() {
        return dispatcher.outstandingTags();
    }

    /** Logs the connection, then starts receiving boxes. */
    @Override
    public void makeConnection(ITransport transport) {
        transportPeer = transport == null ? null : transport.getPeer();
        transportHost = transport == null ? null : transport.getHost();
        log.info("{cls} connection established (HOST:{host} PEER:{peer})",
                "cls", getClass().getSimpleName(), "host", transportHost, "peer", transportPeer);
        super.makeConnection(transport);
    }

    /** Logs the loss, fails outstanding commands, forgets the transport. */
    @Override
    public void connectionLost(Failure reason) {
        log.info("{cls} connection lost (HOST:{host} PEER:{peer})",
                "cls", getClass().getSimpleName(), "host", transportHost, "peer", transportPeer);
        super.connectionLost(reason);
        transport = null;
    }

    /**
     * The default StartTLS responder: it doesn't specify any certificate or anything (the server
     * side then presents a temporary self-signed certificate). From a security perspective it's
     * little better than a plain-text connection, but it is still a bit better. You probably
     * want to provide your own StartTLS responder.
     */
    @Responder(StartTLS.class)
    Map<String, Object> _defaultStartTLSResponder() {
        return Map.of();
    }

    /** Twisted's repr: {@code <AMP inner <TestProto #0> at 0x1a2b>}. */
    @Override
    public String toString() {
        String innerRepr = innerProtocol != null ? " inner " + innerProtocol : "";
        return "<" + getClass().getSimpleName() + innerRepr + " at 0x"
                + java.lang.Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
