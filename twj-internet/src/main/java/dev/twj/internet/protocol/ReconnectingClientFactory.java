package dev.twj.internet.protocol;

import dev.twj.internet.Reactor;
import dev.twj.internet.error.NotConnectingError;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * A factory which reconnects its clients with an exponential back-off. Port of
 * {@code twisted.internet.protocol.ReconnectingClientFactory}, with Twisted's defaults:
 * the delay starts at {@link #initialDelay} 1 second, grows by {@link #factor} e per attempt up to
 * {@link #maxDelay} 3600 seconds, and is spread by a normal variate with a relative standard
 * deviation of {@link #jitter} 0.1196.
 *
 * <p>Clients should call {@link #resetDelay} after they have connected successfully.
 *
 * <p>As in Twisted, when {@link #clock} is unset reconnections are scheduled on the global
 * reactor ({@link dev.twj.internet.Reactor#reactor()}, which installs the default reactor if none
 * is installed yet).
 */
public class ReconnectingClientFactory extends ClientFactory {
    /** Maximum number of seconds between connection attempts. */
    public double maxDelay = 3600;

    /** Delay for the first reconnection attempt. */
    public double initialDelay = 1.0;

    /** A multiplicative factor by which the delay grows: e. */
    public double factor = Math.E;

    /** Relative standard deviation of the randomness added to each delay, against stampedes. */
    public double jitter = 0.119626565582;

    /** The current delay. */
    public double delay = initialDelay;

    /** Consecutive unsuccessful attempts so far. */
    public int retries;

    /** Maximum number of consecutive unsuccessful attempts, or null for no maximum. */
    public Integer maxRetries;

    /** The connector of the last attempt. */
    public IConnector connector;

    /**
     * The clock reconnections are scheduled on; tests set a {@code Clock}. When null (the
     * default) the global reactor, {@link Reactor#reactor()}, is used, as Twisted defaults to
     * {@code twisted.internet.reactor}.
     */
    public IReactorTime clock;

    /** The source of the jitter; tests may replace it. */
    public RandomGenerator random = new Random();

    /** False after {@link #stopTrying}. */
    public boolean continueTrying = true;

    private IDelayedCall callID;
    private final Logger log = new Logger(getClass());

    /** Creates a factory; set {@link #protocol} or override {@link #buildProtocol}. */
    public ReconnectingClientFactory() {}

    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {
        if (continueTrying) {
            this.connector = connector;
            retry();
        }
    }

    @Override
    public void clientConnectionLost(IConnector connector, Failure reason) {
        if (continueTrying) {
            this.connector = connector;
            retry();
        }
    }

    /** Has the last connector connect again, after a suitable delay. */
    public void retry() {
        retry(null);
    }

    /**
     * Has {@code connector} connect again, after a suitable delay.
     *
     * @param connector the connector, or null for the last one
     * @throws IllegalArgumentException if there is no connector to retry
     */
    public void retry(IConnector connector) {
        if (!continueTrying) {
            if (noisy) {
                log.info("Abandoning {connector} on explicit request", "connector", connector);
            }
            return;
        }
        if (connector == null) {
            if (this.connector == null) {
                throw new IllegalArgumentException("no connector to retry");
            }
            connector = this.connector;
        }
        retries++;
        if (maxRetries != null && retries > maxRetries) {
            if (noisy) {
                log.info("Abandoning {connector} after {retries} retries.",
                        "connector", connector, "retries", retries);
            }
            return;
        }
        delay = Math.min(delay * factor, maxDelay);
        if (jitter != 0) {
            delay = delay + random.nextGaussian() * delay * jitter;
        }
        if (noisy) {
            log.info("{connector} will retry in {delay} seconds",
                    "connector", connector, "delay", (long) delay);
        }
        IReactorTime scheduler = clock != null ? clock : Reactor.reactor();
        IConnector target = connector;
        callID = scheduler.callLater(delay, () -> {
            callID = null;
            target.connect();
        });
    }

    /** Puts a stop to any attempt to reconnect in progress. */
    public void stopTrying() {
        if (callID != null) {
            callID.cancel();
            callID = null;
        }
        continueTrying = false;
        if (connector != null) {
            try {
                connector.stopConnecting();
            } catch (NotConnectingError e) {
                // As in Twisted: nothing to stop.
            }
        }
    }

    /** Call after a successful connection: resets the delay and the retry counter. */
    public void resetDelay() {
        delay = initialDelay;
        retries = 0;
        callID = null;
        continueTrying = true;
    }
}
