package dev.twj.internet.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Port of {@code twisted.internet.test.test_error.ConnectionAbortedTests}. */
class ConnectionAbortedTests {
    /** The default message points to ITCPTransport.abortConnection(). */
    @Test
    public void test_str() {
        assertEquals(
                "Connection was aborted locally using ITCPTransport.abortConnection.",
                new ConnectionAborted().getMessage());
    }

    /** Any arguments passed to ConnectionAborted are included in its message. */
    @Test
    public void test_strArgs() {
        assertEquals(
                "Connection was aborted locally using ITCPTransport.abortConnection: foo bar.",
                new ConnectionAborted("foo", "bar").getMessage());
    }
}
