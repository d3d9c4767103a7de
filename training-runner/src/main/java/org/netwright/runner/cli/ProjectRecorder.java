package org.netwright.runner.cli;

import org.netwright.model.run.ActivationRecords;
import org.netwright.model.run.RunEventJson;
import org.netwright.model.run.RunEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.run.RunListener;

/**
 * Records a run in its project file from a writer thread: the training thread only queues step metrics
 * and checkpoints, and the writer flushes the points in one batch every half second, so a slow disk never
 * slows a step. An epoch's metrics and the run's end are different: they are committed before this
 * listener returns, and the train command adds it before the listeners that print, so an epoch (or a
 * final line) is printed only once it is in the file and survives a kill.
 */
final class ProjectRecorder implements RunListener, AutoCloseable {
    private static final long FLUSH_MILLIS = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ProjectStore store;
    private final ScheduledExecutorService writer;
    private final ConcurrentLinkedQueue<MetricPoint> pending = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RuntimeException> firstError = new AtomicReference<>();
    private final long runId;
    private long lastStep;
    private double lastSeconds;

    /** Opens a run in the store (status running) and starts the writer. */
    ProjectRecorder(ProjectStore store, String settingsJson, String device) {
        this.store = store;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netwright-project-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            this.runId = writer.submit(() -> store.startRun(settingsJson, device)).get();
        } catch (ExecutionException e) {
            writer.shutdownNow();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
            throw new IllegalStateException("Interrupted while starting the run record", e);
        }
        writer.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    long runId() {
        return runId;
    }

    @Override
    public void step(RunEvent.Step e) {
        lastStep = e.step();
        lastSeconds = e.seconds();
        pending.add(new MetricPoint(e.step(), e.epoch(), "train/loss", e.trainLoss(), e.seconds()));
    }

    @Override
    public void epoch(RunEvent.Epoch e) {
        lastSeconds = e.seconds();
        if (e.valLoss() != null) {
            pending.add(new MetricPoint(lastStep, e.epoch(), "validate/loss", e.valLoss(), e.seconds()));
        }
        // val_accuracy -> validate/accuracy; loss parts such as kl or d_loss -> train/kl, train/d_loss.
        e.metrics().forEach((k, v) -> pending.add(new MetricPoint(lastStep, e.epoch(),
                k.startsWith("val_") ? "validate/" + k.substring(4) : "train/" + k, v, e.seconds())));
        pending.add(new MetricPoint(lastStep, e.epoch(), "lr", e.lr(), e.seconds()));
        // Per-layer health, kept so a stored run's gradient history can be drawn again.
        e.gradNorms().forEach((node, v) -> pending.add(new MetricPoint(lastStep, e.epoch(), "grad_norm/" + node, v,
                e.seconds())));
        e.deadRelu().forEach((node, v) -> pending.add(new MetricPoint(lastStep, e.epoch(), "dead_relu/" + node, v,
                e.seconds())));
        // Each layer's output statistics too, so a reopened run lists them as the live one did.
        pending.addAll(ActivationRecords.points(lastStep, e.epoch(), e.seconds(), e.activations()));
        await(this::flush);
    }

    @Override
    public void checkpoint(int epoch, byte[] weights) {
        submit(() -> {
            flush();
            store.saveCheckpoint(runId, epoch, weights);
        });
    }

    @Override
    public void finished(RunEvent.Finished e) {
        var m = e.metrics();
        m.values().forEach((k, v) -> {
            if (k.startsWith("test_") && v != null && Double.isFinite(v)) {
                pending.add(new MetricPoint(m.steps(), m.epochs(), "test/" + k.substring(5), v, lastSeconds));
            }
        });
        String finalJson = RunEventJson.finalFields(m).toString();
        await(() -> {
            flush();
            store.finishRun(runId, e.status(), finalJson);
        });
    }

    @Override
    public void failed(RunEvent.Failed e) {
        ObjectNode json = MAPPER.createObjectNode().put("message", e.message());
        await(() -> {
            flush();
            store.finishRun(runId, "failed", json.toString());
        });
    }

    /** Waits for every queued write; returns the first write error, if any. */
    @Override
    public void close() {
        submit(this::flush);
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                firstError.compareAndSet(null, new IllegalStateException("Writing the run to the project file timed out."));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeException error = firstError.get();
        if (error != null) {
            throw error;
        }
    }

    /**
     * Runs work on the writer thread after everything queued before it and waits for it; a write error is kept
     * for {@link #close} like any other, so the run goes on and the command reports it at the end.
     */
    private void await(Runnable work) {
        try {
            writer.submit(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    firstError.compareAndSet(null, e);
                }
            }).get();
        } catch (ExecutionException e) {
            firstError.compareAndSet(null, new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            firstError.compareAndSet(null, new IllegalStateException("The run's record was closed before it ended."));
        }
    }

    private void submit(Runnable work) {
        writer.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                firstError.compareAndSet(null, e);
            }
        });
    }

    /** Writes every queued point in one batch; runs on the writer thread only. */
    private void flush() {
        List<MetricPoint> batch = new ArrayList<>();
        MetricPoint p;
        while ((p = pending.poll()) != null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.appendMetrics(runId, batch);
        } catch (RuntimeException e) {
            firstError.compareAndSet(null, e);
        }
    }
}
