package org.netwright.templates.data;

import java.util.List;
import java.util.Random;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;

/**
 * A forecasting set: one long series {@code y(t) = trend·t + sin(2πt/period) + 0.5·sin(4πt/period + 1) + noise}
 * cut into overlapping windows, in time order. Each sample holds the field {@code window} (the last {@code steps}
 * values, shaped steps×1) and the field {@code target} (the next {@code horizon} values); window {@code i} starts
 * at time {@code i}, so the last samples are the latest stretch of the series.
 */
public final class SeasonalSeries {
    public static final int DEFAULT_STEPS = 24;
    public static final int DEFAULT_HORIZON = 6;
    public static final int DEFAULT_PERIOD = 12;

    private SeasonalSeries() {
    }

    /** The noise-free series at time {@code t}. */
    public static double value(double t, int period, double trend) {
        double phase = 2 * Math.PI * t / period;
        return trend * t + Math.sin(phase) + 0.5 * Math.sin(2 * phase + 1);
    }

    /**
     * {@code samples} windows of {@code steps} values with the {@code horizon} values that follow, from one series
     * with a season of {@code period} steps, a {@code trend} per step and Gaussian noise of deviation {@code noise}.
     */
    public static Samples generate(int samples, int steps, int horizon, int period, double trend, double noise,
                                   long seed) {
        if (samples < 1 || samples > 1_000_000) {
            throw new IllegalArgumentException("The seasonal_series generator makes 1 to 1000000 windows; got " + samples);
        }
        if (steps < 1 || horizon < 1 || period < 2) {
            throw new IllegalArgumentException("The seasonal_series generator needs steps and horizon of at least 1 and"
                    + " a period of at least 2; got steps " + steps + ", horizon " + horizon + ", period " + period);
        }
        Random r = new Random(seed);
        int length = samples + steps + horizon - 1;
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = value(t, period, trend) + noise * r.nextGaussian();
        }
        float[] windows = new float[samples * steps];
        float[] targets = new float[samples * horizon];
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < steps; k++) {
                windows[i * steps + k] = (float) y[i + k];
            }
            for (int k = 0; k < horizon; k++) {
                targets[i * horizon + k] = (float) y[i + steps + k];
            }
        }
        return new Samples(List.of(new Samples.Column(DataField.values("window", Shape.of(steps, 1)), windows),
                new Samples.Column(DataField.values("target", Shape.of(horizon)), targets)), samples, true);
    }
}
