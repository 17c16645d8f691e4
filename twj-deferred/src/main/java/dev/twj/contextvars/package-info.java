/**
 * A port of Python's {@code contextvars} module: variables whose value belongs to the current
 * {@link dev.twj.contextvars.Context}, which inlineCallbacks captures when a body starts and
 * re-enters on every step. Python's standard-library module name is kept, under {@code dev.twj}.
 */
package dev.twj.contextvars;
