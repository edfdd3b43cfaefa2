package io.labgate.common.threads;

import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The gateway runs a call on the event loop that received it, as long as everything it needs is in memory. A step
 * that would have to wait — a cache to fill from PostgreSQL, a lease to grant, room in the usage log — throws this
 * there instead ({@link #ifOnEventLoop()}), before it has changed anything, and the step is run again on a virtual
 * thread ({@link #orElseOn}). At steady state no call leaves its event loop.
 */
public final class WouldBlock extends RuntimeException {

    private static final WouldBlock INSTANCE = new WouldBlock();

    private WouldBlock() {
        super("this step must wait and runs on a virtual thread instead", null, false, false);
    }

    /** Call before waiting for anything: on an event loop, throws instead. */
    public static void ifOnEventLoop() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw INSTANCE;
        }
    }

    /**
     * {@code work} here and now, or — when it would have had to wait — again on {@code blocking}, after telling
     * {@code moved}. The work must change nothing before the point where it may throw this.
     */
    public static <T> Uni<T> orElseOn(Executor blocking, Runnable moved, Supplier<T> work) {
        try {
            return Uni.createFrom().item(work.get());
        } catch (WouldBlock mustWait) {
            moved.run();
            return Uni.createFrom().item(work).runSubscriptionOn(blocking);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
