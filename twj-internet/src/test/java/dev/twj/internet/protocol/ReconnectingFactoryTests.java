package dev.twj.internet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.task.Clock;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.test.test_factories.ReconnectingFactoryTests}.
 *
 * <p>Not ported: {@code test_serializeUnused}, {@code test_serializeWithClock},
 * {@code test_deserializationResetsParameters} test pickling ({@code __getstate__}); twj's
 * factories are not {@code Serializable}.
 */
class ReconnectingFactoryTests {
    /** A fake connector class, to be used to mock connections failed or lost. */
    static class FakeConnector implements IConnector {
        @Override
        public void stopConnecting() {}

        @Override
        public void connect() {}

        @Override
        public void disconnect() {}

        @Override
        public IAddress getDestination() {
            return null;
        }
    }

    /**
     * If a ReconnectingClientFactory has stopTrying called while it is connected, it does not
     * subsequently attempt to reconnect if the connection is later lost.
     */
    @Test
    public void test_stopTryingWhenConnected() {
        class NoConnectConnector extends FakeConnector {
            @Override
            public void stopConnecting() {
                throw new RuntimeException("Shouldn't be called, we're connected.");
            }

            @Override
            public void connect() {
                throw new RuntimeException("Shouldn't be reconnecting.");
            }
        }
        ReconnectingClientFactory c = new ReconnectingClientFactory();
        c.protocol = Protocol::new;
        // Let's pretend we've connected:
        c.buildProtocol(null);
        // Now we stop trying, then disconnect:
        c.stopTrying();
        c.clientConnectionLost(new NoConnectConnector(), null);
        assertFalse(c.continueTrying);
    }

    /**
     * Calling stopTrying on a ReconnectingClientFactory doesn't attempt a retry on any active
     * connector.
     */
    @Test
    public void test_stopTryingDoesNotReconnect() {
        ReconnectingClientFactory f = new ReconnectingClientFactory();
        class FactoryAwareFakeConnector extends FakeConnector {
            boolean attemptedRetry;

            /** Behave as though an ongoing connection attempt has now failed. */
            @Override
            public void stopConnecting() {
                f.clientConnectionFailed(this, null);
            }

            /** Record an attempt to reconnect, since this is what we are trying to avoid. */
            @Override
            public void connect() {
                attemptedRetry = true;
            }
        }
        Clock clock = new Clock();
        f.clock = clock;
        // simulate an active connection - stopConnecting on this connector should
        // be triggered when we call stopTrying
        FactoryAwareFakeConnector connector = new FactoryAwareFakeConnector();
        f.connector = connector;
        f.stopTrying();
        // make sure we never attempted to retry
        assertFalse(connector.attemptedRetry);
        assertEquals(0, clock.getDelayedCalls().size());
    }

    /**
     * The clock used by ReconnectingClientFactory can be parametrized, so that one can cleanly
     * test reconnections.
     */
    @Test
    public void test_parametrizedClock() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        factory.clock = clock;
        factory.clientConnectionLost(new FakeConnector(), null);
        assertEquals(1, clock.getDelayedCalls().size());
    }

}
