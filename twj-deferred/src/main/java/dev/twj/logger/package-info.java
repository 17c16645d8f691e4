/**
 * Structured logging: events are maps, formatted lazily from {@code {name}} fields, and published
 * to observers. Port of the core of {@code twisted.logger}.
 */
package dev.twj.logger;
