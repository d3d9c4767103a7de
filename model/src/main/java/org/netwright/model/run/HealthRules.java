package org.netwright.model.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a run's measurements are unhealthy, as pure functions of the numbers (the runner measures, these decide),
 * so the thresholds live in one place and are tested without training.
 */
public final class HealthRules {
    /** A layer whose gradient norm is below this fraction of the largest layer's is said to have vanishing gradients. */
    public static final double VANISHING_RATIO = 1e-4;
    /** A layer gradient norm above this is exploding. */
    public static final double EXPLODING_NORM = 1e3;
    /** ... and so is one that grew by this factor since the first measurement. */
    public static final double EXPLODING_GROWTH = 1e3;
    /** A ReLU layer with at least this fraction of zero outputs on a batch is mostly dead. */
    public static final double DEAD_FRACTION = 0.9;
    /** Overfitting needs the validation loss to rise (and the training loss to fall) over this many epochs in a row. */
    public static final int OVERFIT_EPOCHS = 3;

    private HealthRules() {
    }

    /**
     * Warnings about gradients: a layer whose norm is below {@link #VANISHING_RATIO} of the largest layer's
     * (vanishing), or above {@link #EXPLODING_NORM}, or {@link #EXPLODING_GROWTH} times its norm in {@code first}
     * (exploding). {@code norms} maps node ids to norms in the graph's order; {@code first} holds each layer's first
     * measured norm (may be empty).
     */
    public static List<RunWarning> gradients(Map<String, Double> norms, Map<String, Double> first) {
        List<RunWarning> out = new ArrayList<>();
        String largest = null;
        double max = 0;
        for (Map.Entry<String, Double> e : norms.entrySet()) {
            if (Double.isFinite(e.getValue()) && e.getValue() > max) {
                max = e.getValue();
                largest = e.getKey();
            }
        }
        if (largest == null) {
            return out;
        }
        for (Map.Entry<String, Double> e : norms.entrySet()) {
            String node = e.getKey();
            double norm = e.getValue();
            if (!Double.isFinite(norm)) {
                continue;
            }
            if (norm < VANISHING_RATIO * max) {
                out.add(new RunWarning(RunWarning.VANISHING_GRADIENTS, node, String.format(Locale.ROOT,
                        "Vanishing gradients: %s's gradient norm is %.2g, %.1g of the largest (%s, %.2g), so it"
                                + " barely learns; ReLU-like activations, normalization, residual connections or fewer"
                                + " layers help.", node, norm, norm / max, largest, max)));
            }
            Double before = first.get(node);
            boolean grew = before != null && before > 0 && norm > EXPLODING_GROWTH * before && norm > 1;
            if (norm > EXPLODING_NORM || grew) {
                out.add(new RunWarning(RunWarning.EXPLODING_GRADIENTS, node, String.format(Locale.ROOT,
                        "Exploding gradients: %s's gradient norm is %.3g%s; a smaller learning rate, gradient"
                                + " clipping (clip norm) or normalization keep updates in bounds.", node, norm,
                        grew ? String.format(Locale.ROOT, ", %.0f times its first (%.2g)", norm / before, before)
                                : "")));
            }
        }
        return out;
    }

    /** A warning for each ReLU layer whose fraction of zero outputs on a batch is at least {@link #DEAD_FRACTION}. */
    public static List<RunWarning> deadRelu(Map<String, Double> zeroFractions) {
        List<RunWarning> out = new ArrayList<>();
        zeroFractions.forEach((node, f) -> {
            if (f != null && f >= DEAD_FRACTION) {
                out.add(new RunWarning(RunWarning.DEAD_RELU, node, String.format(Locale.ROOT,
                        "Dead ReLUs: %.0f %% of %s's outputs are zero on a training batch, so few of its units"
                                + " pass gradients; a smaller learning rate, Leaky ReLU or another initializer help.",
                        100 * f, node)));
            }
        });
        return out;
    }

    /**
     * An overfitting warning when, over the last {@link #OVERFIT_EPOCHS} epochs, the validation loss rose at every
     * epoch while the training loss fell at every epoch; the lists hold one value per epoch, oldest first (NaN or
     * null where not measured, which never counts).
     */
    public static Optional<RunWarning> overfitting(List<Double> trainLosses, List<Double> valLosses) {
        int n = Math.min(trainLosses.size(), valLosses.size());
        if (n < OVERFIT_EPOCHS) {
            return Optional.empty();
        }
        for (int i = n - OVERFIT_EPOCHS + 1; i < n; i++) {
            Double t0 = trainLosses.get(i - 1);
            Double t1 = trainLosses.get(i);
            Double v0 = valLosses.get(i - 1);
            Double v1 = valLosses.get(i);
            if (!finite(t0) || !finite(t1) || !finite(v0) || !finite(v1) || !(t1 < t0) || !(v1 > v0)) {
                return Optional.empty();
            }
        }
        double vFrom = valLosses.get(n - OVERFIT_EPOCHS);
        double vTo = valLosses.get(n - 1);
        return Optional.of(new RunWarning(RunWarning.OVERFITTING, null, String.format(Locale.ROOT,
                "Overfitting: the validation loss rose for %d epochs (%.4g to %.4g) while the training loss fell;"
                        + " early stopping, dropout, weight decay or more data help.", OVERFIT_EPOCHS - 1, vFrom,
                vTo)));
    }

    private static boolean finite(Double d) {
        return d != null && Double.isFinite(d);
    }
}
