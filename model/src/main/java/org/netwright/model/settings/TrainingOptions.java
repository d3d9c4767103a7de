package org.netwright.model.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * The finer training controls beside {@link TrainingSettings}' essentials: optimizer parameters, learning-rate
 * schedule, regularization, gradient clipping, early stopping, weight initialization and device. Zero turns a
 * control off where the text says so.
 *
 * @param momentum       momentum of {@code momentum} and {@code nesterov} (0.9 by default)
 * @param beta1          first-moment decay of Adam and AdamW
 * @param beta2          second-moment decay of Adam and AdamW
 * @param epsilon        the small number that keeps adaptive optimizers from dividing by zero
 * @param weightDecay    decoupled weight decay with {@code adamw}; an L2 term on the gradient with the others; 0 off
 * @param l1             an L1 term on the gradient ({@code l1 * sign(w)}); 0 off
 * @param schedule       the learning-rate schedule, e.g. {@code constant}, {@code cosine},
 *                       {@code warmup:steps=100+cosine}
 * @param clipNorm       largest global gradient norm; 0 off
 * @param clipValue      largest absolute gradient value; 0 off
 * @param patience       early stopping: epochs without improvement of {@code monitor} before the run ends; 0 off
 * @param monitor        the epoch metric early stopping and {@code restoreBest} watch, e.g. {@code val_loss}
 * @param restoreBest    end with the weights of the best epoch by {@code monitor} instead of the last
 * @param initializer    weight initialization: {@code default} (the layers' own), {@code xavier}, {@code he},
 *                       {@code normal}, {@code uniform} or {@code zeros}
 * @param device         {@code auto} (a GPU when the engine sees one), {@code cpu} or {@code gpu}
 */
public record TrainingOptions(double momentum, double beta1, double beta2, double epsilon, double weightDecay,
                              double l1, String schedule, double clipNorm, double clipValue, int patience,
                              String monitor, boolean restoreBest, String initializer, String device) {
    public static final TrainingOptions DEFAULTS = new TrainingOptions(0.9, 0.9, 0.999, 1e-8, 0, 0, "constant", 0, 0,
            0, "val_loss", false, "default", "auto");
    public static final List<String> INITIALIZERS = List.of("default", "xavier", "he", "normal", "uniform", "zeros");
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

    public TrainingOptions {
        schedule = schedule == null || schedule.isBlank() ? "constant" : schedule;
        monitor = monitor == null || monitor.isBlank() ? "val_loss" : monitor;
        initializer = initializer == null || initializer.isBlank() ? "default" : initializer;
        device = device == null || device.isBlank() ? "auto" : device;
    }

    public TrainingOptions withMomentum(double v) {
        return new TrainingOptions(v, beta1, beta2, epsilon, weightDecay, l1, schedule, clipNorm, clipValue, patience,
                monitor, restoreBest, initializer, device);
    }

    public TrainingOptions withBetas(double b1, double b2) {
        return new TrainingOptions(momentum, b1, b2, epsilon, weightDecay, l1, schedule, clipNorm, clipValue, patience,
                monitor, restoreBest, initializer, device);
    }

    public TrainingOptions withEpsilon(double v) {
        return new TrainingOptions(momentum, beta1, beta2, v, weightDecay, l1, schedule, clipNorm, clipValue, patience,
                monitor, restoreBest, initializer, device);
    }

    public TrainingOptions withWeightDecay(double v) {
        return new TrainingOptions(momentum, beta1, beta2, epsilon, v, l1, schedule, clipNorm, clipValue, patience,
                monitor, restoreBest, initializer, device);
    }

    public TrainingOptions withL1(double v) {
        return new TrainingOptions(momentum, beta1, beta2, epsilon, weightDecay, v, schedule, clipNorm, clipValue,
                patience, monitor, restoreBest, initializer, device);
    }

    public TrainingOptions withSchedule(String v) {
        return new TrainingOptions(momentum, beta1, beta2, epsilon, weightDecay, l1, v, clipNorm, clipValue, patience,
                monitor, restoreBest, initializer, device);
    }

    public TrainingOptions withClipNorm(double v) {
        return new TrainingOptions(momentum, beta1, beta2, epsilon, weightDecay, l1, schedule, v, clipValue, patience,
                monitor, restoreBest, initializer, device);
    }

    public TrainingOptions withClipValue(double v) {
        return new TrainingOptions(momentum, beta1, beta2, epsilon, weightDecay, l1, schedule, clipNorm, v, patience,
                monitor, restoreBest, initializer, device);
    }

    public TrainingOptions withEarlyStopping(int p, String m) {
        return new TrainingOptions(momentum, beta1, beta2, epsilon, weightDecay, l1, schedule, clipNorm, clipValue, p,
                m, restoreBest, initializer, device);
    }

    public TrainingOptions withRestoreBest(boolean v) {
        return new TrainingOptions(momentum, beta1, beta2, epsilon, weightDecay, l1, schedule, clipNorm, clipValue,
                patience, monitor, v, initializer, device);
    }

    public TrainingOptions withInitializer(String v) {
        return new TrainingOptions(momentum, beta1, beta2, epsilon, weightDecay, l1, schedule, clipNorm, clipValue,
                patience, monitor, restoreBest, v, device);
    }

    public TrainingOptions withDevice(String v) {
        return new TrainingOptions(momentum, beta1, beta2, epsilon, weightDecay, l1, schedule, clipNorm, clipValue,
                patience, monitor, restoreBest, initializer, v);
    }

    /** Every value out of range, each in one sentence; empty when the options can train. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!(momentum >= 0 && momentum < 1)) {
            out.add("Momentum must be at least 0 and below 1; got " + momentum + ".");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            out.add("Adam's betas must be at least 0 and below 1; got " + beta1 + " and " + beta2 + ".");
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            out.add("Epsilon must be above 0 and below 1; got " + epsilon + ".");
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            out.add("Weight decay must be at least 0 and below 1; got " + weightDecay + ".");
        }
        if (!(l1 >= 0 && l1 < 1)) {
            out.add("The L1 factor must be at least 0 and below 1; got " + l1 + ".");
        }
        if (!(clipNorm >= 0) || !Double.isFinite(clipNorm) || !(clipValue >= 0) || !Double.isFinite(clipValue)) {
            out.add("Gradient clipping limits must be 0 (off) or positive numbers.");
        }
        if (patience < 0 || patience > 100_000) {
            out.add("Early-stopping patience must be between 0 (off) and 100000 epochs; got " + patience + ".");
        }
        if (!INITIALIZERS.contains(initializer)) {
            out.add("Initializer must be one of " + INITIALIZERS + "; got " + initializer + ".");
        }
        if (!DEVICES.contains(device)) {
            out.add("Device must be one of " + DEVICES + "; got " + device + ".");
        }
        return out;
    }
}
