package org.netwright.runner.run;

import ai.djl.ndarray.NDManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Makes the next training step's data (a batch, a GAN's noise and samples) on a background thread while a step runs,
 * so the trainer does not wait for it. Steps are made one at a time and in order, whichever thread makes them, so a
 * task's random streams are drawn as without prefetching; whichever thread claims a step first makes it (on a busy
 * machine the trainer then never waits for a thread that has not had a core yet). Also counts how long the trainer
 * waited.
 *
 * @param <T> one step's data
 */
final class StepPrefetcher<T> implements AutoCloseable {
    /** Makes the data of the samples {@code order[from..to)} in {@code manager}, drawing from the task's streams. */
    interface Maker<T> {
        T make(NDManager manager, int[] order, int from, int to);
    }

    private final String threadName;
    private final Maker<T> maker;
    private final BiConsumer<T, NDManager> attach;
    private final Supplier<byte[]> streams;
    private Ahead<T> ahead;
    private ExecutorService thread;
    private long blockedNanos;
    private long prefetchedSteps;

    /**
     * A prefetcher whose thread is called {@code threadName}, making data with {@code maker}; {@code attach} moves
     * made data into a step's scope; {@code streams} gives the task's stream state, read before each step made ahead
     * so that {@link #streamState} can give the state as of the last step taken.
     */
    StepPrefetcher(String threadName, Maker<T> maker, BiConsumer<T, NDManager> attach, Supplier<byte[]> streams) {
        this.threadName = threadName;
        this.maker = maker;
        this.attach = attach;
        this.streams = streams;
    }

    /** A step's data made ahead, and the streams' state from before it was drawn. */
    private record Made<T>(T data, byte[] streamsBefore) {
    }

    /** A step's data being made ahead, in its own manager until a step takes it. */
    private record Ahead<T>(int[] order, int from, int to, NDManager manager, Future<Made<T>> made,
                            AtomicBoolean claimed) {
        boolean is(int[] o, int f, int t) {
            return order == o && from == f && to == t;
        }

        Made<T> await() {
            try {
                return made.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a batch", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    private Made<T> made(NDManager manager, int[] order, int from, int to) {
        byte[] before = streams.get();
        return new Made<>(maker.make(manager, order, from, to), before);
    }

    /**
     * The data of step {@code order[from..to)} in {@code scope}: the one made ahead when it is that step, else made
     * now on this thread. A step made ahead that is not the one asked for is still drawn (and dropped), as the
     * background thread would have drawn it, so the streams move the same however the threads were scheduled.
     */
    T take(NDManager scope, int[] order, int from, int to) {
        T data = null;
        Ahead<T> p = ahead;
        ahead = null;
        if (p != null && !p.claimed().compareAndSet(false, true)) {
            // Begun (or done) on the thread: wait for it.
            long blockedFrom = System.nanoTime();
            Made<T> ready = p.await();
            blockedNanos += System.nanoTime() - blockedFrom;
            if (p.is(order, from, to)) {
                attach.accept(ready.data(), scope);
                data = ready.data();
                prefetchedSteps++;
            }
        } else if (p != null && !p.is(order, from, to)) {
            maker.make(p.manager(), p.order(), p.from(), p.to());
        }
        if (p != null) {
            p.manager().close();
        }
        if (data == null) {
            long blockedFrom = System.nanoTime();
            data = maker.make(scope, order, from, to);
            blockedNanos += System.nanoTime() - blockedFrom;
        }
        return data;
    }

    /** Starts making step {@code order[from..to)} on the background thread, in a sub-manager of {@code parent}. */
    void startNext(NDManager parent, int[] order, int from, int to) {
        NDManager pm = parent.newSubManager();
        AtomicBoolean claimed = new AtomicBoolean();
        Future<Made<T>> f = thread().submit(() -> claimed.compareAndSet(false, true) ? made(pm, order, from, to)
                : null);
        ahead = new Ahead<>(order, from, to, pm, f, claimed);
    }

    /**
     * The task's stream state as of the last step taken: when the next step's data was already drawn ahead (a stop
     * inside an epoch; at an epoch's end nothing is ahead), the state from before that draw.
     */
    byte[] streamState() {
        Ahead<T> p = ahead;
        if (p == null) {
            return streams.get();
        }
        if (p.claimed().compareAndSet(false, true)) {
            // Not begun: made here instead, as the thread would have, so the streams move as they would.
            p = new Ahead<>(p.order(), p.from(), p.to(), p.manager(),
                    CompletableFuture.completedFuture(made(p.manager(), p.order(), p.from(), p.to())),
                    new AtomicBoolean(true));
            ahead = p;
        }
        return p.await().streamsBefore();
    }

    /** Time the trainer spent making its data or blocked until the thread had it. */
    long blockedNanos() {
        return blockedNanos;
    }

    /** Steps whose data was made ahead. */
    long prefetchedSteps() {
        return prefetchedSteps;
    }

    private ExecutorService thread() {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
        return thread;
    }

    /** Waits for any step being made, frees what was made ahead and ends the thread. */
    @Override
    public void close() {
        Ahead<T> p = ahead;
        ahead = null;
        if (p != null) {
            if (!p.claimed().compareAndSet(false, true)) {
                try {
                    p.await();
                } catch (RuntimeException e) {
                    // The run is over; data it will never use failing to be made changes nothing.
                }
            }
            p.manager().close();
        }
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
