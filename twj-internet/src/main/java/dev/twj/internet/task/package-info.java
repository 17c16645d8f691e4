/**
 * Scheduling utilities: {@link dev.twj.internet.task.Clock}, {@link dev.twj.internet.task.LoopingCall},
 * {@link dev.twj.internet.task.Cooperator} and the module functions of {@link dev.twj.internet.task.Task}.
 * Port of {@code twisted.internet.task}.
 */
package dev.twj.internet.task;
