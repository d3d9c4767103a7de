package org.netwright.app.charts;

import java.util.Arrays;
import org.jfree.data.xy.XYSeries;

/**
 * A curve that may grow to millions of points, drawn through a JFreeChart series that holds only what can be seen:
 * every point is kept here in plain arrays, and {@link #refresh} fills {@link #shown()} with
 * {@link MinMaxDecimation} for the chart's width in pixels and its visible x range. Refreshes are the caller's to pace
 * (the loss chart does it at most ten times a second); {@link #refreshIfDue} says whether one is due.
 */
public final class DecimatedSeries {
    /** The least time between two refreshes made by {@link #refreshIfDue}: ten redraws a second at most. */
    public static final long MIN_INTERVAL_NANOS = 100_000_000L;
    private final XYSeries shown;
    private double[] xs = new double[1024];
    private double[] ys = new double[1024];
    private int n;
    private int buckets = 1000;
    private double from = Double.NEGATIVE_INFINITY;
    private double to = Double.POSITIVE_INFINITY;
    private boolean dirty;
    private long lastRefresh = Long.MIN_VALUE;

    /** An empty curve shown as a series named {@code key}. */
    public DecimatedSeries(Comparable<?> key) {
        // Unsorted and with duplicates: the points come sorted from the decimation, and checking costs time.
        shown = new XYSeries(key, false, true);
    }

    /** Adds a point; points come in x order (a step's position), one out of order is put in its place. */
    public void add(double x, double y) {
        if (n == xs.length) {
            xs = Arrays.copyOf(xs, n * 2);
            ys = Arrays.copyOf(ys, n * 2);
        }
        int at = n == 0 || x >= xs[n - 1] ? n : MinMaxDecimation.firstAtOrAfter(xs, n, Math.nextUp(x));
        if (at < n) {
            System.arraycopy(xs, at, xs, at + 1, n - at);
            System.arraycopy(ys, at, ys, at + 1, n - at);
        }
        xs[at] = x;
        ys[at] = y;
        n++;
        dirty = true;
    }

    /**
     * Holds exactly these points (in x order, as {@link #add} keeps them); the arrays are taken, not copied, so a
     * million points read off the UI thread cost it nothing here.
     */
    public void setAll(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("x and y counts differ: " + xs.length + " and " + ys.length);
        }
        this.xs = xs.length == 0 ? new double[1024] : xs;
        this.ys = ys.length == 0 ? new double[1024] : ys;
        n = xs.length;
        dirty = true;
    }

    /** Forgets every point. */
    public void clear() {
        n = 0;
        dirty = true;
    }

    /** How many points the curve holds (not how many are drawn). */
    public int size() {
        return n;
    }

    /** Point {@code i}'s x, in x order. */
    public double x(int i) {
        return xs[i];
    }

    /** Point {@code i}'s y, in x order. */
    public double y(int i) {
        return ys[i];
    }

    /** How many buckets the visible range is cut into: about the chart's width in pixels. */
    public void setBuckets(int buckets) {
        int b = Math.max(1, buckets);
        if (b != this.buckets) {
            this.buckets = b;
            dirty = true;
        }
    }

    /** The x range in view (infinite ends: the whole curve). */
    public void setRange(double from, double to) {
        if (from != this.from || to != this.to) {
            this.from = from;
            this.to = to;
            dirty = true;
        }
    }

    /** True when points, width or range changed since the last refresh. */
    public boolean isDirty() {
        return dirty;
    }

    /** Refreshes when something changed and the last refresh is at least {@link #MIN_INTERVAL_NANOS} old. */
    public boolean refreshIfDue(long nowNanos) {
        if (!dirty || lastRefresh != Long.MIN_VALUE && nowNanos - lastRefresh < MIN_INTERVAL_NANOS) {
            return false;
        }
        lastRefresh = nowNanos;
        refresh();
        return true;
    }

    /** Fills the shown series with the decimated points now, with one change notice. */
    public void refresh() {
        dirty = false;
        double lo = Double.isInfinite(from) && n > 0 ? xs[0] : from;
        double hi = Double.isInfinite(to) && n > 0 ? xs[n - 1] : to;
        MinMaxDecimation.Points p = MinMaxDecimation.decimate(xs, ys, n, lo, hi, buckets);
        shown.setNotify(false);
        shown.clear();
        for (int i = 0; i < p.count(); i++) {
            shown.add(p.xs()[i], p.ys()[i], false);
        }
        shown.setNotify(true);
    }

    /** The series the chart draws. */
    public XYSeries shown() {
        return shown;
    }
}
