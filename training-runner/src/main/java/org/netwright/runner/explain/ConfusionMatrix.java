package org.netwright.runner.explain;

import java.util.Arrays;

/**
 * Counts of predictions against true classes: {@code counts[true][predicted]}, with per-class precision (of the
 * samples predicted as the class, the share that are it) and recall (of the samples of the class, the share found).
 */
public record ConfusionMatrix(long[][] counts) {
    public ConfusionMatrix {
        int k = counts.length;
        long[][] copy = new long[k][];
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new IllegalArgumentException("A confusion matrix is square; row " + i + " has " + counts[i].length
                        + " columns for " + k + " classes.");
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** The matrix of {@code classes} classes from true and predicted class ids, sample by sample. */
    public static ConfusionMatrix of(int classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("Each sample needs a true and a predicted class; got " + truth.length
                    + " and " + predicted.length + ".");
        }
        long[][] c = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("Sample " + i + " has a class outside 0.." + (classes - 1) + ".");
            }
            c[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(c);
    }

    /** The predicted classes of scores laid sample after sample, {@code classes} each: the highest score's index. */
    public static int[] argMax(float[] scores, int classes) {
        int[] out = new int[scores.length / classes];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (scores[i * classes + k] > scores[i * classes + best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public int classes() {
        return counts.length;
    }

    /** How many samples of class {@code k} there are (its row's sum). */
    public long count(int k) {
        return Arrays.stream(counts[k]).sum();
    }

    /** Of the samples predicted as {@code k}, the share that are {@code k}; NaN when none was predicted so. */
    public double precision(int k) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[k];
        }
        return predicted == 0 ? Double.NaN : (double) counts[k][k] / predicted;
    }

    /** Of the samples of class {@code k}, the share predicted as {@code k}; NaN when there are none. */
    public double recall(int k) {
        long n = count(k);
        return n == 0 ? Double.NaN : (double) counts[k][k] / n;
    }

    /** The share of all samples predicted right. */
    public double accuracy() {
        long all = 0;
        long right = 0;
        for (int i = 0; i < counts.length; i++) {
            all += count(i);
            right += counts[i][i];
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }
}
