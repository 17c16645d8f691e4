/**
 * Resource limiting policies: protocol and factory wrappers that throttle, time out, count, log
 * or spew the traffic of the protocols they wrap. Port of {@code twisted.protocols.policies}.
 */
package dev.twj.protocols.policies;
