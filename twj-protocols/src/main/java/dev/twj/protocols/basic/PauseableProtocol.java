package dev.twj.protocols.basic;

import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.protocol.Protocol;

/**
 * The pausing shared by {@link LineReceiver} and {@link IntNStringReceiver}: Twisted's
 * {@code basic._PauseableMixin}. While {@link #paused}, the receiver buffers what arrives and
 * delivers nothing; the transport, if it is a producer, is paused, resumed and stopped with it.
 */
abstract class PauseableProtocol extends Protocol implements IPushProducer {
    /** True while delivery is paused (Twisted's {@code paused} attribute). */
    public boolean paused;

    PauseableProtocol() {}

    /** Pauses delivery, and pauses the transport if it is a push producer. */
    @Override
    public void pauseProducing() {
        paused = true;
        if (transport instanceof IPushProducer producer) {
            producer.pauseProducing();
        }
    }

    /** Resumes the transport if it is a push producer, then delivers what was buffered. */
    @Override
    public void resumeProducing() {
        paused = false;
        if (transport instanceof IPushProducer producer) {
            producer.resumeProducing();
        }
        dataReceived(ReceiveBuffer.EMPTY);
    }

    /** Stops delivery for good, and stops the transport if it is a producer. */
    @Override
    public void stopProducing() {
        paused = true;
        if (transport instanceof IProducer producer) {
            producer.stopProducing();
        }
    }
}
