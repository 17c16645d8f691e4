package dev.twj.logger;

import dev.twj.python.failure.Failure;

/**
 * The success, or lack thereof, of code run by {@link Logger#failuresHandled}. Port of
 * {@code twisted.logger._logger.Operation}.
 */
public interface Operation {
    /**
     * Did the operation succeed? True iff the code completed without throwing; false while the
     * code is running and false if it threw.
     */
    boolean succeeded();

    /** The failure of the code if it threw, else null. */
    Failure failure();

    /**
     * Did the operation fail? True iff the code threw; false while the code is running and false
     * if it completed without error.
     */
    boolean failed();
}
