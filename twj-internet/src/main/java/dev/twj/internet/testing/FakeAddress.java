package dev.twj.internet.testing;

import dev.twj.internet.interfaces.IAddress;

/**
 * The default address type for the host and peer of {@link FakeTransport} connections. Port of
 * {@code twisted.test.iosim.FakeAddress}.
 *
 * <p>As in Twisted it has no state, and two instances are equal only if they are the same
 * object (so it is a class, not a record: an empty record would equal every other).
 */
public final class FakeAddress implements IAddress {
    /** Creates a new address, distinct from every other. */
    public FakeAddress() {}

    @Override
    public String toString() {
        return "FakeAddress@" + Integer.toHexString(System.identityHashCode(this));
    }
}
