package org.netwright.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decimation keeps each bucket's lowest and highest point, so spikes survive, and draws few points. */
class MinMaxDecimationTest {
    private static boolean holds(MinMaxDecimation.Points p, double x, double y) {
        for (int i = 0; i < p.count(); i++) {
            if (p.xs()[i] == x && p.ys()[i] == y) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyBucketKeepsItsMinimumAndMaximum() {
        int n = 200_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            xs[i] = i / 1000.0;
            ys[i] = Math.exp(-i / 50_000.0) + 0.05 * r.nextGaussian() + (r.nextInt(5000) == 0 ? 5 : 0);
        }
        int buckets = 640;
        MinMaxDecimation.Points p = MinMaxDecimation.decimate(xs, ys, n, xs[0], xs[n - 1], buckets);
        assertTrue(p.count() <= 2 * buckets + 4, "at most two points a bucket: " + p.count());
        double width = (xs[n - 1] - xs[0]) / buckets;
        int i = 0;
        for (int b = 0; b < buckets; b++) {
            double end = b == buckets - 1 ? Double.POSITIVE_INFINITY : xs[0] + (b + 1) * width;
            int min = -1;
            int max = -1;
            for (; i < n && xs[i] < end; i++) {
                min = min < 0 || ys[i] < ys[min] ? i : min;
                max = max < 0 || ys[i] > ys[max] ? i : max;
            }
            if (min >= 0) {
                assertTrue(holds(p, xs[min], ys[min]), "bucket " + b + " keeps its minimum");
                assertTrue(holds(p, xs[max], ys[max]), "bucket " + b + " keeps its maximum");
            }
        }
        for (int k = 1; k < p.count(); k++) {
            assertTrue(p.xs()[k] >= p.xs()[k - 1], "in x order");
        }
    }

    @Test
    void aShortCurveIsDrawnWhole() {
        double[] xs = {0, 1, 2, 3};
        double[] ys = {4, 1, 3, 2};
        MinMaxDecimation.Points p = MinMaxDecimation.decimate(xs, ys, 4, 0, 3, 100);
        assertEquals(4, p.count());
        for (int i = 0; i < 4; i++) {
            assertEquals(xs[i], p.xs()[i]);
            assertEquals(ys[i], p.ys()[i]);
        }
    }

    @Test
    void aZoomKeepsTheNeighboursOutsideAndTheEnds() {
        int n = 1000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = i % 7;
        }
        MinMaxDecimation.Points p = MinMaxDecimation.decimate(xs, ys, n, 100.5, 120, 50);
        assertEquals(0, p.xs()[0], "the first point");
        assertEquals(100, p.xs()[1], "the point before the view");
        assertEquals(101, p.xs()[2]);
        assertEquals(121, p.xs()[p.count() - 2], "the point after the view");
        assertEquals(999, p.xs()[p.count() - 1], "the last point");
        assertEquals(4 + 20, p.count());
    }

    @Test
    void aSeriesGrowsPastAMillionAndDrawsAFewThousand() {
        DecimatedSeries s = new DecimatedSeries("loss");
        for (int i = 0; i < 1_000_000; i++) {
            s.add(i / 1000.0, Math.sin(i / 5000.0));
        }
        s.add(0.5, 9);
        s.setBuckets(800);
        assertTrue(s.refreshIfDue(0));
        assertEquals(1_000_001, s.size());
        assertTrue(s.shown().getItemCount() <= 2 * 800 + 4, "drawn: " + s.shown().getItemCount());
        assertEquals(9.0, s.shown().getMaxY(), "the spike added out of order is in place and kept");
        s.add(1001, 0);
        assertEquals(false, s.refreshIfDue(DecimatedSeries.MIN_INTERVAL_NANOS / 2), "not within 100 ms");
        assertTrue(s.refreshIfDue(DecimatedSeries.MIN_INTERVAL_NANOS));
    }

    /** A curve given its points whole holds them, and grows into arrays of its own: the given ones are not written. */
    @Test
    void aCurveGivenItsPointsWholeKeepsThemAndDoesNotWriteThem() {
        double[] xs = {1, 2, 3};
        double[] ys = {9, 8, 7};
        DecimatedSeries curve = new DecimatedSeries("loss");
        curve.setAll(xs, ys);
        assertEquals(3, curve.size());
        curve.add(2.5, 1);
        assertEquals(4, curve.size());
        assertEquals(2.5, curve.x(2));
        assertEquals(1, curve.y(2));
        assertEquals(3, curve.x(3));
        assertEquals(3, xs[2], "the given x array is as it was");
        assertEquals(7, ys[2], "the given y array is as it was");
        curve.refresh();
        assertEquals(4, curve.shown().getItemCount());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> curve.setAll(new double[2], new double[3]));
    }
}
