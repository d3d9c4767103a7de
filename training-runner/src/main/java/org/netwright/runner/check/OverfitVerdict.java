package org.netwright.runner.check;

import java.util.List;
import java.util.Locale;

/**
 * Whether a network memorised one batch, judged from its loss on that batch after each step: a healthy network drives
 * it near zero ({@link #NEAR_ZERO_SHARE} of where it started, or below {@link #NEAR_ZERO}); one that does not has a
 * fault worth finding before a long run. {@code sentence} says which, with figures and what to look at.
 */
public record OverfitVerdict(boolean memorised, double first, double last, double best, int steps, int batch,
                             String sentence) {
    /** The share of the first loss that counts as "near zero". */
    public static final double NEAR_ZERO_SHARE = 0.05;
    /** A loss this low counts as near zero whatever it started from. */
    public static final double NEAR_ZERO = 0.01;
    /** The final loss is the lowest of this many last measurements (Adam's steps wobble near a minimum). */
    static final int LAST_WINDOW = 5;

    /**
     * Judges the losses measured after each step. {@code frozen} names layers that do not train, {@code noGradient}
     * trainable layers whose gradient was zero at the last step, {@code failure} the run's own message when it failed
     * (a loss that became NaN), else null.
     */
    public static OverfitVerdict judge(double[] losses, int batch, List<String> frozen, List<String> noGradient,
                                       String failure) {
        int n = losses.length;
        String items = batch + " item" + (batch == 1 ? "" : "s");
        if (n == 0) {
            String why = failure == null ? "it did not train a single step." : failure;
            String hint = frozen.isEmpty() ? "" : (why.endsWith(".") ? " " : ". ") + "Frozen layers do not learn: "
                    + String.join(", ", frozen) + ".";
            return new OverfitVerdict(false, Double.NaN, Double.NaN, Double.NaN, 0, batch,
                    "Not healthy: the network could not be trained on one batch of " + items + ": " + why + hint);
        }
        double first = losses[0];
        double best = Double.POSITIVE_INFINITY;
        for (double l : losses) {
            best = Math.min(best, l);
        }
        double last = Double.POSITIVE_INFINITY;
        for (int i = Math.max(0, n - LAST_WINDOW); i < n; i++) {
            last = Math.min(last, losses[i]);
        }
        boolean finite = failure == null && Double.isFinite(last);
        boolean memorised = finite && (last <= NEAR_ZERO || last <= NEAR_ZERO_SHARE * first);
        String path = "its loss on the batch went from " + num(first) + " to " + num(last) + " in " + n + " step"
                + (n == 1 ? "" : "s");
        if (memorised) {
            return new OverfitVerdict(true, first, last, best, n, batch, "Healthy: the network memorised one batch"
                    + " of " + items + " (" + path + "), as a network that can learn does.");
        }
        StringBuilder s = new StringBuilder("Not healthy: the network could not memorise one batch of " + items + " (");
        if (failure != null) {
            s.append("after ").append(n).append(" step").append(n == 1 ? "" : "s").append(", ").append(failure
                    .endsWith(".") ? failure.substring(0, failure.length() - 1) : failure).append(")");
        } else {
            s.append(path).append("; a healthy network takes it near zero)");
        }
        s.append(". ");
        if (!noGradient.isEmpty()) {
            s.append("No gradient reached ").append(String.join(", ", noGradient))
                    .append(": a path to the loss is cut or dead (a ReLU that outputs only zeros, a detached part). ");
        }
        if (!frozen.isEmpty()) {
            s.append("Frozen layers do not learn: ").append(String.join(", ", frozen)).append(". ");
        }
        s.append("Look for an activation that squashes the output before the loss (a sigmoid or tanh before"
                + " cross-entropy), a loss that does not fit the output, or a learning rate far too small or too"
                + " large.");
        return new OverfitVerdict(false, first, last, best, n, batch, s.toString());
    }

    /** A loss as the sentences show it: four significant digits. */
    static String num(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.4g", x) : String.valueOf(x);
    }
}
