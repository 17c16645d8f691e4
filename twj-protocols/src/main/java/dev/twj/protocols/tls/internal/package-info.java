/**
 * twj-protocols' private TLS code: the service through which the reactor reaches
 * {@link dev.twj.protocols.tls.TLSMemoryBIOProtocol}. Not exported.
 */
package dev.twj.protocols.tls.internal;
