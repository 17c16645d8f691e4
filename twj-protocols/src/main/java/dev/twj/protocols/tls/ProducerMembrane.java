package dev.twj.protocols.tls;

import dev.twj.internet.interfaces.IPushProducer;

/**
 * Stands between a producer and the transport, so that pauses from the transport and from the
 * TLS layer (writes blocked on a read) merge: a second pause or resume is not passed on. Port of
 * {@code twisted.protocols.tls._ProducerMembrane}.
 */
final class ProducerMembrane implements IPushProducer {
    final IPushProducer producer;
    boolean producerPaused;

    ProducerMembrane(IPushProducer producer) {
        this.producer = producer;
    }

    @Override
    public void pauseProducing() {
        if (producerPaused) {
            return;
        }
        producerPaused = true;
        producer.pauseProducing();
    }

    @Override
    public void resumeProducing() {
        if (!producerPaused) {
            return;
        }
        producerPaused = false;
        producer.resumeProducing();
    }

    @Override
    public void stopProducing() {
        producer.stopProducing();
    }

    @Override
    public String toString() {
        return "ProducerMembrane{" + producer + (producerPaused ? ", paused}" : "}");
    }
}
