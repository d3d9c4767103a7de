package org.netwright.runner.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The range test's sentence says which value each number is: the suggested rate, the rate of the lowest loss. */
class RateSentenceTest {
    @Test
    void theSentenceNamesTheRateOfTheLowestLoss() {
        double[] rates = new double[40];
        double[] losses = new double[40];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = 1e-4 * Math.pow(10, i / 10.0);
            // Flat, then falling, lowest near the end, then up a little.
            losses[i] = i < 10 ? 1.0 : i < 35 ? 1.0 - 0.03 * (i - 10) : 0.25 + 0.05 * (i - 35);
        }
        RateCurve curve = RateCurve.of(rates, losses);
        String s = RateRangeTest.sentence(curve, false, curve.suggested(), 1e-4, 1);
        String low = RateRangeTest.num(rates[curve.lowest().orElseThrow()]);
        assertEquals("Suggested learning rate " + RateRangeTest.num(curve.suggested().orElseThrow())
                + ", where the loss fell fastest; the lowest loss came at a rate of " + low
                + ", and the loss did not explode up to a rate of " + RateRangeTest.num(rates[39]) + ".", s);
    }
}
