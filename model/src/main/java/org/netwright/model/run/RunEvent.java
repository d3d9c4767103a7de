package org.netwright.model.run;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a training run reports, as immutable values: the runner emits them, {@link RunEventJson} writes and reads
 * them as one JSON line each, and the app draws them. {@code seconds} counts from the start of the run; a
 * {@code null} or NaN number was not measured (no validation data, not a classification, too early to tell).
 */
public sealed interface RunEvent {

    /** True for the events after which the run says nothing more. */
    default boolean isTerminal() {
        return this instanceof Finished || this instanceof Failed || this instanceof Crashed;
    }

    /** The run has compiled the graph and is about to take its first step; {@code device} is {@code cpu} or {@code gpu(0)}. */
    record Started(long runId, String device, int epochs, int stepsPerEpoch, String note) implements RunEvent {
        public Started {
            note = note == null ? "" : note;
        }

        /** A start with nothing to say about the device. */
        public Started(long runId, String device, int epochs, int stepsPerEpoch) {
            this(runId, device, epochs, stepsPerEpoch, "");
        }
    }

    /**
     * One optimizer step is done; {@code step} counts from 1 over the whole run, {@code epoch} from 1, {@code lr} is
     * the rate the step used; {@code stepsPerSecond} over the last few steps and {@code etaSeconds} (the time the
     * remaining steps take at that rate, validation not counted) are NaN until measured.
     */
    record Step(long step, int epoch, double trainLoss, double lr, double seconds, double stepsPerSecond,
                double etaSeconds) implements RunEvent {
        /** A step without a measured speed. */
        public Step(long step, int epoch, double trainLoss, double lr, double seconds) {
            this(step, epoch, trainLoss, lr, seconds, Double.NaN, Double.NaN);
        }
    }

    /**
     * One epoch is done; {@code trainLoss} is the mean over its steps, {@code valLoss} null without validation data,
     * {@code metrics} holds the task's validation metrics and loss parts by their JSON names ({@code val_accuracy},
     * {@code val_r2}, {@code kl}, ...), {@code lr} is the rate at the epoch's last step and {@code epochSeconds} the
     * epoch's own duration. {@code gradNorms} is each layer's gradient norm (node id to the L2 norm of all its
     * parameters' gradients) at the epoch's last step, in the graph's order; {@code deadRelu} each ReLU layer's
     * fraction of zero outputs on a training batch; {@code warnings} what looked unhealthy; {@code activations} each
     * layer's output statistics on that same batch (node id to mean, std and fraction of zeros), in the order the
     * network runs.
     */
    record Epoch(int epoch, double trainLoss, Double valLoss, Map<String, Double> metrics, double lr,
                 double seconds, double epochSeconds, Map<String, Double> gradNorms, Map<String, Double> deadRelu,
                 List<RunWarning> warnings, Map<String, ActivationStats> activations) implements RunEvent {
        public Epoch {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            gradNorms = Collections.unmodifiableMap(new LinkedHashMap<>(gradNorms));
            deadRelu = Collections.unmodifiableMap(new LinkedHashMap<>(deadRelu));
            warnings = List.copyOf(warnings);
            activations = Collections.unmodifiableMap(new LinkedHashMap<>(activations));
        }

        /** An epoch with health measurements but no activation statistics. */
        public Epoch(int epoch, double trainLoss, Double valLoss, Map<String, Double> metrics, double lr,
                     double seconds, double epochSeconds, Map<String, Double> gradNorms, Map<String, Double> deadRelu,
                     List<RunWarning> warnings) {
            this(epoch, trainLoss, valLoss, metrics, lr, seconds, epochSeconds, gradNorms, deadRelu, warnings,
                    Map.of());
        }

        /** An epoch without health measurements. */
        public Epoch(int epoch, double trainLoss, Double valLoss, Map<String, Double> metrics, double lr,
                     double seconds, double epochSeconds) {
            this(epoch, trainLoss, valLoss, metrics, lr, seconds, epochSeconds, Map.of(), Map.of(), List.of(),
                    Map.of());
        }

        /** The validation accuracy, null when the task has none or there is no validation data. */
        public Double valAccuracy() {
            return metrics.get("val_accuracy");
        }

        /** The same epoch with its health measurements and warnings. */
        public Epoch withHealth(Map<String, Double> norms, Map<String, Double> dead, List<RunWarning> found) {
            return new Epoch(epoch, trainLoss, valLoss, metrics, lr, seconds, epochSeconds, norms, dead, found,
                    activations);
        }

        /** The same epoch with its layers' activation statistics. */
        public Epoch withActivations(Map<String, ActivationStats> stats) {
            return new Epoch(epoch, trainLoss, valLoss, metrics, lr, seconds, epochSeconds, gradNorms, deadRelu,
                    warnings, stats);
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
                    && Arrays.equals(s.sampleShape, sampleShape) && Arrays.equals(s.values, values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(epoch, rows, cols, Arrays.hashCode(sampleShape), Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return "Samples[epoch=" + epoch + ", rows=" + rows + ", cols=" + cols + ", sampleShape="
                    + Arrays.toString(sampleShape) + ", values=" + values.length + "]";
        }
    }

    /** The run ended by itself ({@code completed}) or when asked to ({@code stopped}). */
    record Finished(String status, FinalMetrics metrics) implements RunEvent {
        public static final String COMPLETED = "completed";
        public static final String STOPPED = "stopped";
    }

    /**
     * The run could not go on: the loss diverged, or the engine refused something. {@code node} names the layer
     * at fault when one is known (the first whose output was not finite), else null.
     */
    record Failed(String message, String node) implements RunEvent {
        public static final String STATUS = "failed";

        public Failed(String message) {
            this(message, null);
        }
    }

    /**
     * The run's process ended without a {@link Finished} or {@link Failed} event (a crash, a kill, out of memory);
     * never sent by the run itself: whoever watches the process says so.
     */
    record Crashed(int exitCode, String lastErrorLine) implements RunEvent {
    }
}
