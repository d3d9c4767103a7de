package org.netwright.runner.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The range test's smoothing, divergence and suggestion on curves whose answer is known. */
class RateCurveTest {

    /** Rates from 1e-6 to 1 over {@code n} steps. */
    private static double[] rates(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = 1e-6 * Math.pow(1e6, (double) i / (n - 1));
        }
        return r;
    }

    @Test
    void smoothingIsBiasCorrected() {
        double[] s = RateCurve.smooth(new double[] {2, 2, 2, Double.NaN, 1});
        assertEquals(2, s[0], 1e-12);
        assertEquals(2, s[2], 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, s[3]);
        assertEquals(Double.POSITIVE_INFINITY, s[4]);
    }

    @Test
    void suggestsTheSteepestFallBeforeTheMinimum() {
        int n = 100;
        double[] r = rates(n);
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            double x = Math.log10(r[i]);
            // A sigmoid step down centred at 1e-3 (steepest there), then a rise after 1e-1.
            loss[i] = 1 - 0.9 / (1 + Math.exp(-4 * (x + 3))) + (x > -1 ? 5 * (x + 1) * (x + 1) : 0);
        }
        RateCurve c = RateCurve.of(r, loss);
        double suggested = c.suggested().orElseThrow();
        // The moving average lags by a few steps, so the steepest smoothed fall sits a little after 1e-3.
        assertTrue(suggested > 5e-4 && suggested < 1e-2, "suggested " + suggested);
        double lowest = r[c.lowest().orElseThrow()];
        assertTrue(lowest > 1e-2 && lowest < 0.5, "lowest " + lowest);
    }

    @Test
    void aFlatOrRisingCurveSuggestsNothing() {
        double[] r = rates(40);
        double[] loss = new double[40];
        for (int i = 0; i < 40; i++) {
            loss[i] = 1 + i * 0.01;
        }
        assertTrue(RateCurve.of(r, loss).suggested().isEmpty());
    }

    @Test
    void divergenceIsFourTimesTheLowestAfterSettling() {
        assertFalse(RateCurve.diverged(5, 1, 2));
        assertTrue(RateCurve.diverged(5, 1, 10));
        assertFalse(RateCurve.diverged(3.9, 1, 10));
        assertTrue(RateCurve.diverged(Double.NaN, 1, 0));
    }
}
