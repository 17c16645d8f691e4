package dev.twj.internet.error;

/**
 * Raised by {@code startListening} when the port cannot listen. Port of
 * {@code twisted.internet.error.CannotListenError}.
 */
public class CannotListenError extends BindError {
    private static final long serialVersionUID = 1L;

    private final String interface_;
    private final int port;

    /**
     * Creates the error.
     *
     * @param interface_ the interface asked for, {@code ""} for any
     * @param port the port asked for
     * @param socketError why the socket could not listen
     */
    public CannotListenError(String interface_, int port, Throwable socketError) {
        super(socketError);
        this.interface_ = interface_ == null ? "" : interface_;
        this.port = port;
    }

    /** Returns the interface asked for, {@code ""} for any. */
    public String interface_() {
        return interface_;
    }

    /** Returns the port asked for. */
    public int port() {
        return port;
    }

    /** Returns the socket error, or null. */
    public Throwable socketError() {
        return getCause();
    }

    /** Twisted's text: {@code "Couldn't listen on any:80: Permission denied."}. */
    @Override
    public String getMessage() {
        String iface = interface_.isEmpty() ? "any" : interface_;
        Throwable e = getCause();
        return "Couldn't listen on " + iface + ":" + port + ": " + (e == null ? "None" : e.getMessage()) + ".";
    }
}
