package dev.twj.internet.task;

/** The exception the ported tests of {@code twisted.test.test_task} raise on purpose. */
final class TestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TestException() {
        super();
    }

    TestException(String message) {
        super(message);
    }
}
