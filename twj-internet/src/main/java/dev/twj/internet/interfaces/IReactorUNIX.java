package dev.twj.internet.interfaces;

/**
 * A reactor that makes and accepts UNIX-domain socket connections. Port of
 * {@code twisted.internet.interfaces.IReactorUNIX}.
 */
public interface IReactorUNIX {
    /**
     * Connects a client protocol to a UNIX socket at {@code address}.
     *
     * @param timeout seconds to wait before giving up
     * @param checkPID if true, checks for a stale lock file next to the socket, as Twisted does
     */
    IConnector connectUNIX(
            String address, IProtocolFactory factory, double timeout, boolean checkPID);

    /**
     * Listens on a UNIX socket at {@code address}.
     *
     * @param backlog the size of the listen queue
     * @param mode the permissions of the socket file, e.g. {@code 0666}
     * @param wantPID if true, creates a pid lock file next to the socket
     * @throws RuntimeException {@code CannotListenError} if the socket cannot be bound
     */
    IListeningPort listenUNIX(
            String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID);
}
