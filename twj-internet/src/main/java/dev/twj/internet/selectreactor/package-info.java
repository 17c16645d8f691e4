/**
 * The reactor on a {@link java.nio.channels.Selector} (epoll on Linux, kqueue on macOS). Port of
 * {@code twisted.internet.selectreactor} and {@code twisted.internet.epollreactor}.
 */
package dev.twj.internet.selectreactor;
