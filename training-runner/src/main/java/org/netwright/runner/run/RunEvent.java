package org.netwright.runner.run;

/**
 * What a training run reports, as immutable values; {@code seconds} counts from the start of the run
 * and a {@code null} metric was not measured (no validation data, or not a classification).
 */
public sealed interface RunEvent {

    /** The run has compiled the graph and is about to take its first step. */
    record Started(long runId, String device, int epochs, int stepsPerEpoch) implements RunEvent {
    }

    /** One optimizer step is done; {@code step} counts from 1 over the whole run. */
    record Step(long step, int epoch, double trainLoss, double lr, double seconds) implements RunEvent {
    }

    /**
     * One epoch is done; {@code trainLoss} is the mean over its steps, {@code metrics} holds the task's validation
     * metrics and loss parts by their JSON names ({@code val_accuracy}, {@code val_r2}, {@code kl}, ...),
     * {@code lr} is the rate at the epoch's last step and {@code epochSeconds} the epoch's own duration.
     */
    record Epoch(int epoch, double trainLoss, Double valLoss, java.util.Map<String, Double> metrics, double lr,
                 double seconds, double epochSeconds) implements RunEvent {
        public Epoch {
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }

        /** The validation accuracy, null when the task has none or there is no validation data. */
        public Double valAccuracy() {
            return metrics.get("val_accuracy");
        }
    }

    /** The run ended by itself ({@code completed}) or when asked to ({@code stopped}). */
    record Finished(String status, FinalMetrics metrics) implements RunEvent {
        public static final String COMPLETED = "completed";
        public static final String STOPPED = "stopped";
    }

    /** The run could not go on: the loss diverged, or the engine refused something. */
    record Failed(String message) implements RunEvent {
    }
}
