package dev.twj.internet.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.test.test_error.StringificationTests}: the exceptions have useful
 * stringifications, the same text as Twisted's {@code str()}.
 *
 * <p>Rows of Twisted's table not here: ProcessDone and ProcessTerminated (twj has no process
 * support yet), and AlreadyCalled / AlreadyCancelled, which {@code task}'s tests cover.
 */
class StringificationTests {
    private record Row(String output, Supplier<? extends Exception> exception) {}

    private static final List<Row> listOfTests = List.of(
            new Row("An error occurred binding to an interface.", BindError::new),
            new Row("An error occurred binding to an interface: foo.", () -> new BindError("foo")),
            new Row("An error occurred binding to an interface: foo bar.",
                    () -> new BindError("foo", "bar")),
            new Row("Couldn't listen on eth0:4242: Foo.",
                    () -> new CannotListenError("eth0", 4242, new IOException("Foo"))),
            new Row("Message is too long to send.", MessageLengthError::new),
            new Row("Message is too long to send: foo bar.",
                    () -> new MessageLengthError("foo", "bar")),
            new Row("DNS lookup failed.", DNSLookupError::new),
            new Row("DNS lookup failed: foo bar.", () -> new DNSLookupError("foo", "bar")),
            new Row("An error occurred while connecting.", ConnectError::new),
            new Row("An error occurred while connecting: someOsError.",
                    () -> new ConnectError("someOsError", "")),
            new Row("An error occurred while connecting: foo.", () -> new ConnectError(null, "foo")),
            new Row("An error occurred while connecting: someOsError: foo.",
                    () -> new ConnectError("someOsError", "foo")),
            new Row("Couldn't bind.", ConnectBindError::new),
            new Row("Couldn't bind: someOsError.", () -> new ConnectBindError("someOsError", "")),
            new Row("Couldn't bind: someOsError: foo.",
                    () -> new ConnectBindError("someOsError", "foo")),
            new Row("Hostname couldn't be looked up.", UnknownHostError::new),
            new Row("No route to host.", NoRouteError::new),
            new Row("Connection was refused by other side.", ConnectionRefusedError::new),
            new Row("TCP connection timed out.", TCPTimedOutError::new),
            new Row("File used for UNIX socket is no good.", BadFileError::new),
            new Row("Service name given as port is unknown.", ServiceNameUnknownError::new),
            new Row("User aborted connection.", UserError::new),
            new Row("User timeout caused connection failure.", TimeoutError::new),
            new Row("An SSL error occurred.", SSLError::new),
            new Row("Connection to the other side was lost in a non-clean fashion.",
                    ConnectionLost::new),
            new Row("Connection to the other side was lost in a non-clean fashion: foo bar.",
                    () -> new ConnectionLost("foo", "bar")),
            new Row("Connection was closed cleanly.", ConnectionDone::new),
            new Row("Connection was closed cleanly: foo bar.",
                    () -> new ConnectionDone("foo", "bar")),
            new Row("Uh.", ConnectionFdescWentAway::new));

    /** Each exception's message is Twisted's {@code str()} of the same exception. */
    @Test
    public void testThemAll() {
        for (Row row : listOfTests) {
            assertEquals(row.output(), row.exception().get().getMessage(), row.output());
        }
    }
}
