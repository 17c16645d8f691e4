package dev.twj.internet.task;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A Python generator for the tests: {@code body} is called with 0, 1, 2... for each element and
 * returns what the generator yields, or {@link #DONE} where the generator returns. Like a
 * generator, it runs its body only when asked for the next element ({@code hasNext()} runs it and
 * keeps the element for {@code next()}), and is finished for good once the body returns
 * {@code DONE} or throws.
 */
final class Gen<T> implements Iterator<T> {
    /** Returned by a body where the Python generator would return. */
    static final Object DONE = new Object() {
        @Override
        public String toString() {
            return "DONE";
        }
    };

    /** The generator's code between two yields. */
    @FunctionalInterface
    interface Body {
        Object step(int i) throws Exception;
    }

    private final Body body;
    private int index;
    private boolean finished;
    private boolean ready;
    private Object element;

    private Gen(Body body) {
        this.body = body;
    }

    /** Returns a generator running {@code body}. */
    static <T> Gen<T> of(Body body) {
        return new Gen<>(body);
    }

    @Override
    public boolean hasNext() {
        if (finished) {
            return false;
        }
        if (!ready) {
            Object e;
            try {
                e = body.step(index++);
            } catch (RuntimeException | Error x) {
                finished = true;
                throw x;
            } catch (Exception x) {
                finished = true;
                throw new RuntimeException(x);
            }
            if (e == DONE) {
                finished = true;
                return false;
            }
            element = e;
            ready = true;
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ready = false;
        T e = (T) element;
        element = null;
        return e;
    }

    @Override
    public String toString() {
        return "Gen@" + Integer.toHexString(System.identityHashCode(this)) + "{step " + index + "}";
    }
}
