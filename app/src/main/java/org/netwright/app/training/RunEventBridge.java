package org.netwright.app.training;

import org.netwright.model.run.RunEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Moves run events from the reader thread to the UI thread in batches, at most one batch per
 * interval: a fast run sends hundreds of steps a second, and one UI update per step would
 * starve the editor. Every event arrives, in order; only the number of hand-overs is limited.
 */
public final class RunEventBridge implements Consumer<RunEvent> {
    /** About 20 UI updates a second at most. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-event-bridge");
        t.setDaemon(true);
        return t;
    });

    private final Consumer<List<RunEvent>> target;
    private final Executor uiExecutor;
    private final long intervalNanos;
    private final Queue<RunEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean terminalPending = new AtomicBoolean();
    private long lastHandOver;

    public RunEventBridge(Consumer<List<RunEvent>> target, Executor uiExecutor, Duration interval) {
        this.target = target;
        this.uiExecutor = uiExecutor;
        this.intervalNanos = interval.toNanos();
        this.lastHandOver = System.nanoTime() - intervalNanos;
    }

    /** A bridge onto the JavaFX application thread with the default interval. */
    public static RunEventBridge toFxThread(Consumer<List<RunEvent>> target) {
        return new RunEventBridge(target, Platform::runLater, DEFAULT_INTERVAL);
    }

    @Override
    public void accept(RunEvent event) {
        pending.add(event);
        if (event.isTerminal()) {
            terminalPending.set(true);
        }
        if (scheduled.compareAndSet(false, true)) {
            TIMER.execute(this::handOver);
        }
    }

    /** Runs only on the single timer thread, so hand-overs never overlap and lastHandOver needs no lock. */
    private void handOver() {
        long early = lastHandOver + intervalNanos - System.nanoTime();
        if (early > 0 && !terminalPending.get()) {
            TIMER.schedule(this::handOver, early, TimeUnit.NANOSECONDS);
            return;
        }
        // Clear the flag before draining: an event added after this line schedules its own hand-over,
        // one added before it is drained here, so none is left behind.
        scheduled.set(false);
        terminalPending.set(false);
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent e = pending.poll(); e != null; e = pending.poll()) {
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            lastHandOver = System.nanoTime();
            List<RunEvent> events = List.copyOf(batch);
            uiExecutor.execute(() -> target.accept(events));
        }
    }
}
