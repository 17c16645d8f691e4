package dev.twj.protocols.policies;

import dev.twj.internet.Reactor;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.protocol.Protocol;
import dev.twj.logger.Logger;
import java.util.ArrayList;

/**
 * Throttles bandwidth and number of connections. Port of
 * {@code twisted.protocols.policies.ThrottlingFactory}.
 *
 * <p>Write bandwidth will only be throttled if there is a push producer registered. Every second
 * (on {@link #callLater}'s clock) the factory compares the bytes read and written during the last
 * second with {@link #readLimit} and {@link #writeLimit}; above a limit, it pauses all its
 * connections for the fraction of a second that the excess takes.
 *
 * <p>Difference from Twisted: Twisted's {@code callLater} always uses the global reactor; here it
 * uses {@link #clock} when set, else the global reactor ({@link Reactor#reactor()}). Tests set
 * {@code clock} to a {@code task.Clock} or override {@link #callLater}.
 */
public class ThrottlingFactory extends WrappingFactory {
    private static final Logger log = new Logger(ThrottlingFactory.class);

    /** The number of connections open. */
    public int connectionCount;

    /** The most connections allowed at once; {@link #buildProtocol} returns null beyond. */
    public int maxConnectionCount;

    /** The most bytes to read per second, or null for no limit. */
    public final Long readLimit;

    /** The most bytes to write per second, or null for no limit. */
    public final Long writeLimit;

    /** The bytes read in the current second. */
    public long readThisSecond;

    /** The bytes written in the current second. */
    public long writtenThisSecond;

    /** The pending call ending the read throttling, or null. */
    public IDelayedCall unthrottleReadsID;

    /** The pending read bandwidth check, or null. */
    public IDelayedCall checkReadBandwidthID;

    /** The pending call ending the write throttling, or null. */
    public IDelayedCall unthrottleWritesID;

    /** The pending write bandwidth check, or null. */
    public IDelayedCall checkWriteBandwidthID;

    /** The clock that schedules the checks, or null for the global reactor. */
    public IReactorTime clock;

    /** Creates a factory with no connection or bandwidth limit. */
    public ThrottlingFactory(IProtocolFactory wrappedFactory) {
        this(wrappedFactory, Integer.MAX_VALUE, null, null);
    }

    /** Creates a factory allowing {@code maxConnectionCount} connections at once. */
    public ThrottlingFactory(IProtocolFactory wrappedFactory, int maxConnectionCount) {
        this(wrappedFactory, maxConnectionCount, null, null);
    }

    /**
     * Creates a factory.
     *
     * @param maxConnectionCount the most connections allowed at once
     * @param readLimit the most bytes to read per second, or null
     * @param writeLimit the most bytes to write per second, or null
     */
    public ThrottlingFactory(
            IProtocolFactory wrappedFactory, int maxConnectionCount, Long readLimit, Long writeLimit) {
        super(wrappedFactory);
        this.maxConnectionCount = maxConnectionCount;
        this.readLimit = readLimit;
        this.writeLimit = writeLimit;
    }

    /**
     * Calls {@code func} after {@code period} seconds on {@link #clock}, or on the global reactor
     * when no clock is set. Override or set {@code clock} for tests.
     */
    public IDelayedCall callLater(double period, Runnable func) {
        IReactorTime c = clock != null ? clock : Reactor.reactor();
        return c.callLater(period, func);
    }

    /** Called by protocol to tell us more bytes were written. */
    public void registerWritten(long length) {
        writtenThisSecond += length;
    }

    /** Called by protocol to tell us more bytes were read. */
    public void registerRead(long length) {
        readThisSecond += length;
    }

    /** Checks if we've passed bandwidth limits. */
    public void checkReadBandwidth() {
        if (readThisSecond > readLimit) {
            throttleReads();
            double throttleTime = ((double) readThisSecond / readLimit) - 1.0;
            unthrottleReadsID = callLater(throttleTime, this::unthrottleReads);
        }
        readThisSecond = 0;
        checkReadBandwidthID = callLater(1, this::checkReadBandwidth);
    }

    /** Checks if we've passed the write bandwidth limit. */
    public void checkWriteBandwidth() {
        if (writtenThisSecond > writeLimit) {
            throttleWrites();
            double throttleTime = ((double) writtenThisSecond / writeLimit) - 1.0;
            unthrottleWritesID = callLater(throttleTime, this::unthrottleWrites);
        }
        // reset for next round
        writtenThisSecond = 0;
        checkWriteBandwidthID = callLater(1, this::checkWriteBandwidth);
    }

    /** Throttles reads on all protocols. */
    public void throttleReads() {
        log.info("Throttling reads on {factory}", "factory", this);
        for (ProtocolWrapper p : new ArrayList<>(protocols.keySet())) {
            ((ThrottlingProtocol) p).throttleReads();
        }
    }

    /** Stops throttling reads on all protocols. */
    public void unthrottleReads() {
        unthrottleReadsID = null;
        log.info("Stopped throttling reads on {factory}", "factory", this);
        for (ProtocolWrapper p : new ArrayList<>(protocols.keySet())) {
            ((ThrottlingProtocol) p).unthrottleReads();
        }
    }

    /** Throttles writes on all protocols. */
    public void throttleWrites() {
        log.info("Throttling writes on {factory}", "factory", this);
        for (ProtocolWrapper p : new ArrayList<>(protocols.keySet())) {
            ((ThrottlingProtocol) p).throttleWrites();
        }
    }

    /** Stops throttling writes on all protocols. */
    public void unthrottleWrites() {
        unthrottleWritesID = null;
        log.info("Stopped throttling writes on {factory}", "factory", this);
        for (ProtocolWrapper p : new ArrayList<>(protocols.keySet())) {
            ((ThrottlingProtocol) p).unthrottleWrites();
        }
    }

    /**
     * Starts the bandwidth checks with the first connection, and wraps the protocol unless
     * {@link #maxConnectionCount} connections are open, when it logs and returns null.
     */
    @Override
    public Protocol buildProtocol(IAddress addr) {
        if (connectionCount == 0) {
            if (readLimit != null) {
                checkReadBandwidth();
            }
            if (writeLimit != null) {
                checkWriteBandwidth();
            }
        }
        if (connectionCount < maxConnectionCount) {
            connectionCount++;
            return super.buildProtocol(addr);
        } else {
            log.info("Max connection count reached!");
            return null;
        }
    }

    /** Wraps the protocol in a {@link ThrottlingProtocol}. */
    @Override
    protected Protocol wrapProtocol(IProtocol wrappedProtocol) {
        return new ThrottlingProtocol(this, wrappedProtocol);
    }

    /** Unregisters {@code p}, and cancels the bandwidth checks with the last connection. */
    @Override
    public void unregisterProtocol(ProtocolWrapper p) {
        super.unregisterProtocol(p);
        connectionCount--;
        if (connectionCount == 0) {
            if (unthrottleReadsID != null) {
                unthrottleReadsID.cancel();
            }
            if (checkReadBandwidthID != null) {
                checkReadBandwidthID.cancel();
            }
            if (unthrottleWritesID != null) {
                unthrottleWritesID.cancel();
            }
            if (checkWriteBandwidthID != null) {
                checkWriteBandwidthID.cancel();
            }
        }
    }
}
