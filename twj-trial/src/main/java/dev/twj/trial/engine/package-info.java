/**
 * The JUnit Platform engine that finds and runs trial test cases, so that Maven Surefire, Gradle
 * and IDEs run them beside JUnit Jupiter tests. Not exported: the platform finds it as a service.
 */
package dev.twj.trial.engine;
