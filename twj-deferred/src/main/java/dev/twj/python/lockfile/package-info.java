/**
 * FilesystemLock, a mutex between processes made of a symbolic link whose target is the owner's
 * pid. Port of {@code twisted.python.lockfile}.
 */
package dev.twj.python.lockfile;
