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

    /**
     * A grid of samples a generative run drew after an epoch from noise fixed for the whole run, so epochs compare:
     * {@code rows}×{@code cols} samples of {@code sampleShape} each (e.g. {1, 16, 16} for grey images, {2} for
     * points), one after another in {@code values}; a conditional GAN gives one row per class.
     */
    record Samples(int epoch, int rows, int cols, int[] sampleShape, float[] values) implements RunEvent {
        /** The most samples one event holds, so event lines stay small. */
        public static final int MAX = 64;

        public Samples {
            sampleShape = sampleShape.clone();
            values = values.clone();
            long size = 1;
            for (int d : sampleShape) {
                size *= d;
            }
            if (rows < 1 || cols < 1 || rows * cols > MAX || values.length != rows * cols * size) {
                throw new IllegalArgumentException("A sample grid holds 1 to " + MAX + " samples of its shape; got "
                        + rows + "×" + cols + " with " + values.length + " values.");
            }
        }

        @Override
        public int[] sampleShape() {
            return sampleShape.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Samples s && s.epoch == epoch && s.rows == rows && s.cols == cols
                    && java.util.Arrays.equals(s.sampleShape, sampleShape) && java.util.Arrays.equals(s.values, values);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(epoch, rows, cols, java.util.Arrays.hashCode(sampleShape),
                    java.util.Arrays.hashCode(values));
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
