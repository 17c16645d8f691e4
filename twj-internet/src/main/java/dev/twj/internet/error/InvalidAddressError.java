package dev.twj.internet.error;

/**
 * An invalid address was specified: neither IPv4 nor IPv6, or expected one and got the other.
 * Port of {@code twisted.internet.error.InvalidAddressError}, a {@code ValueError} in Twisted.
 */
public class InvalidAddressError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String address;

    /**
     * Creates the error.
     *
     * @param address the address that was given
     * @param message why it is invalid
     */
    public InvalidAddressError(String address, String message) {
        super(message + ": " + address);
        this.address = address;
    }

    /** Returns the address that was given. */
    public String address() {
        return address;
    }
}
