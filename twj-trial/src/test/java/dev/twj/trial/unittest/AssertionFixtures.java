package dev.twj.trial.unittest;

import java.util.Objects;

/** Helpers of the ported test_assertions.py: MockEquality, ComparisonError and Python's errors. */
final class AssertionFixtures {
    private AssertionFixtures() {}

    /** Equal when the names are equal (Twisted's FancyEqMixin with compareAttributes = name). */
    static final class MockEquality {
        final String name;

        MockEquality(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MockEquality m && Objects.equals(name, m.name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }

        @Override
        public String toString() {
            return "MockEquality(" + name + ")";
        }
    }

    /** An object which raises exceptions from its comparison methods. */
    static final class ComparisonError {
        @Override
        public boolean equals(Object other) {
            throw new ValueError("Comparison is broken");
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Python's ValueError. */
    static class ValueError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ValueError() {}

        ValueError(String message) {
            super(message);
        }
    }

    /** Python's TypeError. */
    static class TypeError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TypeError() {}

        TypeError(String message) {
            super(message);
        }
    }

    /** Python's KeyError. */
    static class KeyError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Python's IOError. */
    static class IOError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
