package org.netwright.runner.check;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The learning-rate range test's curve as pure arithmetic: the loss of each step against the rate it used, smoothed
 * with a bias-corrected exponential moving average, where it diverged, and the suggested rate: the one where the
 * smoothed loss fell fastest against the logarithm of the rate, before its minimum.
 */
public record RateCurve(double[] rates, double[] losses, double[] smoothed) {
    /** How much of the previous average each step keeps. */
    public static final double SMOOTHING = 0.9;
    /** The smoothed loss diverged when it exceeds its lowest value so far by this factor. */
    public static final double DIVERGED_FACTOR = 4;
    /** Steps too early to judge: the average still leans on its first values. */
    static final int SETTLE_STEPS = 5;

    public RateCurve {
        if (rates.length != losses.length || smoothed.length != losses.length) {
            throw new IllegalArgumentException("A rate curve needs as many rates as losses; got " + rates.length
                    + " and " + losses.length + ".");
        }
    }

    /** The curve of raw losses at their rates, smoothed here. */
    public static RateCurve of(double[] rates, double[] losses) {
        return new RateCurve(rates.clone(), losses.clone(), smooth(losses));
    }

    /** Bias-corrected exponential moving average with {@link #SMOOTHING}; a non-finite loss makes the rest infinite. */
    static double[] smooth(double[] losses) {
        double[] out = new double[losses.length];
        double avg = 0;
        for (int i = 0; i < losses.length; i++) {
            if (!Double.isFinite(losses[i]) || !Double.isFinite(avg)) {
                avg = Double.POSITIVE_INFINITY;
                out[i] = avg;
                continue;
            }
            avg = SMOOTHING * avg + (1 - SMOOTHING) * losses[i];
            out[i] = avg / (1 - Math.pow(SMOOTHING, i + 1));
        }
        return out;
    }

    /** Whether a smoothed loss at step {@code i} has diverged, given the lowest smoothed loss before it. */
    public static boolean diverged(double smoothedLoss, double lowest, int i) {
        return !Double.isFinite(smoothedLoss) || i >= SETTLE_STEPS && smoothedLoss > DIVERGED_FACTOR * lowest;
    }

    /** The step of the lowest smoothed loss, empty for an empty curve. */
    public OptionalInt lowest() {
        int best = -1;
        for (int i = 0; i < smoothed.length; i++) {
            if (Double.isFinite(smoothed[i]) && (best < 0 || smoothed[i] < smoothed[best])) {
                best = i;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /**
     * The suggested learning rate: where the smoothed loss falls fastest against log(rate) up to its lowest point,
     * the slope taken over a window of a twentieth of the curve on each side; empty when the loss never fell.
     */
    public OptionalDouble suggested() {
        OptionalInt low = lowest();
        if (low.isEmpty()) {
            return OptionalDouble.empty();
        }
        int n = low.getAsInt() + 1;
        int w = Math.max(1, smoothed.length / 20);
        double steepest = 0;
        int at = -1;
        for (int i = SETTLE_STEPS; i < n; i++) {
            int a = Math.max(SETTLE_STEPS - 1, i - w);
            int b = Math.min(n - 1, i + w);
            if (b <= a || rates[b] <= rates[a]) {
                continue;
            }
            double slope = (smoothed[b] - smoothed[a]) / (Math.log(rates[b]) - Math.log(rates[a]));
            if (slope < steepest) {
                steepest = slope;
                at = i;
            }
        }
        return at < 0 ? OptionalDouble.empty() : OptionalDouble.of(rates[at]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateCurve c && Arrays.equals(rates, c.rates) && Arrays.equals(losses, c.losses);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rates) + Arrays.hashCode(losses);
    }

    @Override
    public String toString() {
        return "RateCurve" + Arrays.toString(rates) + Arrays.toString(losses);
    }
}
