package dev.twj.internet.testing;

import dev.twj.internet.interfaces.IPushProducer;

/**
 * An {@link IPushProducer} implementation which produces nothing but enforces preconditions on
 * its state transition methods. Port of {@code twisted.test.test_iosim.StrictPushProducer}; a
 * broken precondition throws IllegalStateException where Twisted raises ValueError.
 */
final class StrictPushProducer implements IPushProducer {
    String state = "running";

    @Override
    public void stopProducing() {
        if (state.equals("stopped")) {
            throw new IllegalStateException("Cannot stop already-stopped IPushProducer");
        }
        state = "stopped";
    }

    @Override
    public void pauseProducing() {
        if (!state.equals("running")) {
            throw new IllegalStateException("Cannot pause " + state + " IPushProducer");
        }
        state = "paused";
    }

    @Override
    public void resumeProducing() {
        if (!state.equals("paused")) {
            throw new IllegalStateException("Cannot resume " + state + " IPushProducer");
        }
        state = "running";
    }
}
