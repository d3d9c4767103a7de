package org.netwright.app.training;

import java.util.Map;

/**
 * One thing a training run reported, as the app sees it: parsed from the child's event lines,
 * or {@link Crashed} when the child ended without saying how. Immutable, so it may cross threads.
 */
public sealed interface RunEvent {

    /** True for the events after which the run says nothing more. */
    default boolean isTerminal() {
        return this instanceof Finished || this instanceof Failed || this instanceof Crashed;
    }

    /** The run began; {@code device} is e.g. {@code cpu} or {@code gpu}. */
    record Started(long runId, String device, int epochs, int stepsPerEpoch) implements RunEvent {
    }

    /** One optimizer step; {@code step} counts from 1 over the whole run, {@code epoch} from 1. */
    record Step(long step, int epoch, double trainLoss, double learningRate, double seconds) implements RunEvent {
    }

    /**
     * One finished epoch; losses are NaN when the run has no validation data. {@code metrics} holds the task's
     * validation metrics and loss parts by their JSON names ({@code val_accuracy}, {@code val_r2}, {@code kl},
     * {@code d_loss}, ...).
     */
    record Epoch(int epoch, double trainLoss, double valLoss, Map<String, Double> metrics, double learningRate,
                 double seconds) implements RunEvent {
        public Epoch {
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }

        /** The validation accuracy, NaN when the task has none. */
        public double valAccuracy() {
            return metrics.getOrDefault("val_accuracy", Double.NaN);
        }
    }

    /**
     * Samples a generative run drew after {@code epoch} from its fixed noise: {@code rows}×{@code cols} samples of
     * {@code sampleShape} each, one after another in {@code values}.
     */
    record Samples(int epoch, int rows, int cols, int[] sampleShape, float[] values) implements RunEvent {
        public Samples {
            sampleShape = sampleShape.clone();
            values = values.clone();
        }

        @Override
        public int[] sampleShape() {
            return sampleShape.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        /** How many numbers one sample holds. */
        public int sampleSize() {
            int size = 1;
            for (int d : sampleShape) {
                size *= d;
            }
            return size;
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

    /** The run ended normally; {@code status} is {@code completed} or {@code stopped}. */
    record Finished(String status, Map<String, Object> finalValues) implements RunEvent {
        public Finished {
            finalValues = Map.copyOf(finalValues);
        }
    }

    /** The run refused or gave up, with the reason it stated. */
    record Failed(String message) implements RunEvent {
    }

    /** The child process ended without a {@link Finished} or {@link Failed} event. */
    record Crashed(int exitCode, String lastErrorLine) implements RunEvent {
    }
}
