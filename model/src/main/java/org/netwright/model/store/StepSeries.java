package org.netwright.model.store;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One metric key's points of a run (say every step's {@code train/loss}) as columns: step, epoch, value and seconds,
 * in the order written. A run of a million steps is read into four arrays instead of a million {@link MetricPoint}s,
 * which is what lets a reopened project draw such a run within a second. Immutable: the arrays are never handed out.
 */
public final class StepSeries {
    private final String key;
    private final long[] steps;
    private final int[] epochs;
    private final double[] values;
    private final double[] seconds;
    private final int size;

    private StepSeries(String key, long[] steps, int[] epochs, double[] values, double[] seconds, int size) {
        this.key = key;
        this.steps = steps;
        this.epochs = epochs;
        this.values = values;
        this.seconds = seconds;
        this.size = size;
    }

    /** No points of {@code key}. */
    public static StepSeries empty(String key) {
        return new StepSeries(key, new long[0], new int[0], new double[0], new double[0], 0);
    }

    /** The points of {@code points} whose key is {@code key}, in their order. */
    public static StepSeries of(String key, List<MetricPoint> points) {
        Builder b = new Builder(key);
        for (MetricPoint p : points) {
            if (p.key().equals(key)) {
                b.add(p.step(), p.epoch(), p.value(), p.seconds());
            }
        }
        return b.build();
    }

    /** The key every point has. */
    public String key() {
        return key;
    }

    /** How many points. */
    public int size() {
        return size;
    }

    /** Point {@code i}'s step. */
    public long step(int i) {
        return steps[check(i)];
    }

    /** Point {@code i}'s epoch. */
    public int epoch(int i) {
        return epochs[check(i)];
    }

    /** Point {@code i}'s value (NaN where the run stored none: a diverged loss). */
    public double value(int i) {
        return values[check(i)];
    }

    /** Point {@code i}'s seconds since its run started (NaN when read without them: {@link ProjectStore#curve}). */
    public double seconds(int i) {
        return seconds[check(i)];
    }

    /** Point {@code i} as a {@link MetricPoint}. */
    public MetricPoint point(int i) {
        return new MetricPoint(step(i), epoch(i), key, value(i), seconds(i));
    }

    /** The points whose epoch passes {@code keep}, in order. */
    public StepSeries whereEpoch(IntPredicate keep) {
        Builder b = new Builder(key);
        for (int i = 0; i < size; i++) {
            if (keep.test(epochs[i])) {
                b.add(steps[i], epochs[i], values[i], seconds[i]);
            }
        }
        return b.build();
    }

    /** Every point with its step {@code by} lower. */
    public StepSeries stepsLowered(long by) {
        if (by == 0) {
            return this;
        }
        long[] moved = new long[size];
        for (int i = 0; i < size; i++) {
            moved[i] = steps[i] - by;
        }
        return new StepSeries(key, moved, epochs, values, seconds, size);
    }

    /** This series' points followed by {@code later}'s (same key). */
    public StepSeries then(StepSeries later) {
        if (later.size == 0) {
            return this;
        }
        if (size == 0) {
            return later;
        }
        Builder b = new Builder(key);
        for (StepSeries s : List.of(this, later)) {
            for (int i = 0; i < s.size; i++) {
                b.add(s.steps[i], s.epochs[i], s.values[i], s.seconds[i]);
            }
        }
        return b.build();
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("point " + i + " of " + size);
        }
        return i;
    }

    @Override
    public String toString() {
        return "StepSeries[" + key + ", " + size + " points]";
    }

    /** Collects a series point by point, in order; the store's reader and {@link #of} use it. */
    public static final class Builder {
        private final String key;
        private long[] steps = new long[1024];
        private int[] epochs = new int[1024];
        private double[] values = new double[1024];
        private double[] seconds = new double[1024];
        private int size;

        /** An empty series of {@code key}. */
        public Builder(String key) {
            this.key = key;
        }

        /** Appends a point. */
        public Builder add(long step, int epoch, double value, double secs) {
            if (size == steps.length) {
                int more = size * 2;
                steps = Arrays.copyOf(steps, more);
                epochs = Arrays.copyOf(epochs, more);
                values = Arrays.copyOf(values, more);
                seconds = Arrays.copyOf(seconds, more);
            }
            steps[size] = step;
            epochs[size] = epoch;
            values[size] = value;
            seconds[size] = secs;
            size++;
            return this;
        }

        /** The series collected; the builder is not to be used after. */
        public StepSeries build() {
            return new StepSeries(key, steps, epochs, values, seconds, size);
        }
    }
}
