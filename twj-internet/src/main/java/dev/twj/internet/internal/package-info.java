/**
 * twj-internet's private code, Twisted's underscore names: not exported by the module. Other
 * packages of twj-internet use it; applications must not.
 */
package dev.twj.internet.internal;
