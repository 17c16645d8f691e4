/**
 * twj-trial: trial for Java, with a JUnit Platform engine and a command line.
 */
module dev.twj.trial {
    requires transitive dev.twj.internet;
}
