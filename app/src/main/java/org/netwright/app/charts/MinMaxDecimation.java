package org.netwright.app.charts;

import java.util.Arrays;

/**
 * Fewer points for drawing a long curve without losing its shape: the x range in view is cut into buckets (about one
 * per pixel across the chart) and each bucket keeps only its lowest and highest point, in the order they came, so
 * spikes stay visible. A pure function over points sorted by x.
 */
public final class MinMaxDecimation {
    private MinMaxDecimation() {
    }

    /** Points to draw, {@code count} of them at the start of {@code xs} and {@code ys}. */
    public record Points(double[] xs, double[] ys, int count) {
    }

    /**
     * The first {@code n} points ({@code xs} ascending) reduced for {@code buckets} buckets over {@code from..to}: every
     * point in range when there are at most two per bucket, else each bucket's lowest and highest point. The nearest
     * point outside each end is kept so the line enters and leaves the view, and so are the very first and last
     * points, so an automatic axis range still spans the whole curve.
     */
    public static Points decimate(double[] xs, double[] ys, int n, double from, double to, int buckets) {
        if (n == 0) {
            return new Points(new double[0], new double[0], 0);
        }
        int b = Math.max(1, buckets);
        int lo = firstAtOrAfter(xs, n, from);
        int hi = firstAtOrAfter(xs, n, Math.nextUp(to)) - 1;
        double[] ox = new double[2 * b + 4];
        double[] oy = new double[2 * b + 4];
        int[] count = {0};
        // Before the range: the first point, and the one just before the range.
        emit(0, lo > 0 ? lo - 1 : -1, xs, ys, ox, oy, count);
        if (hi - lo + 1 <= 2 * b) {
            for (int i = lo; i <= hi; i++) {
                add(i, xs, ys, ox, oy, count);
            }
        } else {
            double width = (to - from) / b;
            int i = lo;
            for (int bucket = 0; bucket < b && i <= hi; bucket++) {
                double end = bucket == b - 1 ? Double.POSITIVE_INFINITY : from + (bucket + 1) * width;
                int min = -1;
                int max = -1;
                for (; i <= hi && xs[i] < end; i++) {
                    if (min < 0 || ys[i] < ys[min]) {
                        min = i;
                    }
                    if (max < 0 || ys[i] > ys[max]) {
                        max = i;
                    }
                }
                if (min >= 0) {
                    emit(Math.min(min, max), Math.max(min, max), xs, ys, ox, oy, count);
                }
            }
        }
        // After the range: the point just after it, and the last point.
        emit(hi + 1 < n ? hi + 1 : -1, n - 1, xs, ys, ox, oy, count);
        return new Points(ox, oy, count[0]);
    }

    /** Adds points {@code a} then {@code b} (-1: none), each once and never behind the last one added. */
    private static void emit(int a, int b, double[] xs, double[] ys, double[] ox, double[] oy, int[] count) {
        if (a >= 0) {
            add(a, xs, ys, ox, oy, count);
        }
        if (b >= 0 && b != a) {
            add(b, xs, ys, ox, oy, count);
        }
    }

    private static void add(int i, double[] xs, double[] ys, double[] ox, double[] oy, int[] count) {
        int c = count[0];
        if (c > 0 && (xs[i] < ox[c - 1] || xs[i] == ox[c - 1] && ys[i] == oy[c - 1])) {
            return;
        }
        if (c == ox.length) {
            return;
        }
        ox[c] = xs[i];
        oy[c] = ys[i];
        count[0] = c + 1;
    }

    /** The index of the first of the {@code n} ascending {@code xs} that is at least {@code x} ({@code n} if none). */
    static int firstAtOrAfter(double[] xs, int n, double x) {
        int i = Arrays.binarySearch(xs, 0, n, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && xs[i - 1] == x) {
            i--;
        }
        return i;
    }
}
