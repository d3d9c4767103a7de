package org.netwright.runner.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchedulesTest {
    private static final double TOL = 1e-12;

    @Test
    void constantKeepsTheBaseRate() {
        Schedule s = Schedules.parse("constant", 0.01, 10, 100);
        assertEquals(0.01, s.rate(0), TOL);
        assertEquals(0.01, s.rate(99), TOL);
        assertEquals("constant 0.01", s.describe());
    }

    @Test
    void rangeGrowsByOneFactorPerStepFromBaseToItsEnd() {
        Schedule s = Schedules.parse("range:to=1,steps=7", 1e-6, 3, 100);
        assertEquals(1e-6, s.rate(0), 1e-18);
        assertEquals(1e-5, s.rate(1), 1e-15);
        assertEquals(1e-3, s.rate(3), 1e-13);
        assertEquals(1, s.rate(6), TOL);
        assertEquals(1, s.rate(50), TOL);
        assertEquals(s.rate(2) / s.rate(1), s.rate(5) / s.rate(4), 1e-9);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedules.parse("range:to=1e-7,steps=5", 1e-6, 3,
                100)).getMessage().contains("to"));
        assertThrows(IllegalArgumentException.class, () -> Schedules.parse("range:to=1", 1e-6, 3, 100));
    }

    @Test
    void stepHalvesEveryTwoEpochs() {
        Schedule s = Schedules.parse("step:every=2,gamma=0.5", 0.1, 10, 100);
        assertEquals(0.1, s.rate(0), TOL);
        assertEquals(0.1, s.rate(19), TOL);
        assertEquals(0.05, s.rate(20), TOL);
        assertEquals(0.05, s.rate(39), TOL);
        assertEquals(0.025, s.rate(40), TOL);
    }

    @Test
    void stepDefaultsToGammaOneTenth() {
        assertEquals(0.1, Schedules.parse("step:every=1", 1, 3, 10).rate(3), TOL);
    }

    @Test
    void exponentialMultipliesOncePerEpoch() {
        Schedule s = Schedules.parse("exponential:gamma=0.9", 1, 5, 100);
        assertEquals(1, s.rate(4), TOL);
        assertEquals(0.9, s.rate(5), TOL);
        assertEquals(0.81, s.rate(12), TOL);
    }

    @Test
    void cosineAnnealsToZeroOverTheRun() {
        Schedule s = Schedules.parse("cosine", 1, 2, 4);
        assertArrayEquals(new double[] {1, 0.8535533905932737, 0.5, 0.14644660940672627}, s.preview(4), TOL);
        assertEquals(0, s.rate(4), TOL);
        assertEquals(0, s.rate(1000), TOL);
    }

    @Test
    void cosineStopsAtItsMinimum() {
        Schedule s = Schedules.parse("cosine:min=0.1", 1, 2, 4);
        assertEquals(0.55, s.rate(2), TOL);
        assertEquals(0.1, s.rate(4), TOL);
        assertEquals(0.1 + 0.9 * 0.8535533905932737, Schedules.parse("cosine:min=0.1,steps=4", 1, 1, 99).rate(1), TOL);
    }

    @Test
    void warmupRampsLinearlyThenHandsOver() {
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1, 1}, Schedules.parse("warmup:steps=4", 1, 1, 10).preview(5), TOL);
        Schedule s = Schedules.parse("warmup:steps=2+cosine", 1, 1, 4);
        assertArrayEquals(new double[] {0.5, 0.8535533905932737, 0.5, 0.14644660940672627}, s.preview(4), TOL);
        assertEquals(s.preview(4)[1], Schedules.parse("cosine + warmup:steps=2", 1, 1, 4).rate(1), TOL);
        assertTrue(s.describe().startsWith("linear warm-up over 2 steps, then cosine"), s.describe());
    }

    @Test
    void oneCycleFollowsPyTorchsTwoCosinePhases() {
        // max 1, pct 0.3, 10 steps: peak at step 0.3*10-1 = 2, last step 9; starts at 1/25, ends at 1/25/1e4.
        Schedule s = Schedules.parse("onecycle", 1, 5, 10);
        double[] r = s.preview(11);
        assertEquals(0.04, r[0], TOL);
        assertEquals(0.52, r[1], TOL);
        assertEquals(1, r[2], TOL);
        double last = 4e-6;
        assertEquals(last + (1 - last) / 2 * (1 + Math.cos(Math.PI / 7)), r[3], TOL);
        assertEquals(0.9504846321, r[3], 1e-9);
        assertEquals(last, r[9], TOL);
        assertEquals(last, r[10], TOL);
        assertEquals(0.2 / 10, Schedules.parse("onecycle:max=0.2,pct=0.5,div=10", 1, 5, 10).rate(0), TOL);
        assertEquals(0.2, Schedules.parse("onecycle:max=0.2,pct=0.5,div=10", 1, 5, 10).rate(4), TOL);
    }

    @Test
    void plateauReducesAfterPatienceRunsOutAndRespectsTheMinimum() {
        Schedule s = Schedules.parse("plateau:patience=1,factor=0.5,min=0.2", 1, 3, 30);
        s.epochEnded(1, 1.0);
        s.epochEnded(2, 1.0);
        assertEquals(1, s.rate(6), TOL);
        s.epochEnded(3, 0.99995); // less than the relative threshold 1e-4 better: not an improvement
        assertEquals(0.5, s.rate(9), TOL);
        s.epochEnded(4, 0.5);
        s.epochEnded(5, 0.6);
        assertEquals(0.5, s.rate(15), TOL);
        s.epochEnded(6, 0.6);
        assertEquals(0.25, s.rate(18), TOL);
        s.epochEnded(7, Double.NaN);
        s.epochEnded(8, 0.6);
        assertEquals(0.2, s.rate(24), TOL);
    }

    @Test
    void plateauStateSurvivesSaveAndLoadAndPreviewDoesNotDisturbIt() {
        Schedule s = Schedules.parse("plateau:patience=0,factor=0.5", 1, 1, 10);
        s.epochEnded(1, 2);
        s.epochEnded(2, 3);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, s.preview(3), TOL);
        assertEquals(0.5, s.rate(3), TOL);
        Schedule fresh = Schedules.parse("warmup:steps=1+plateau:patience=0,factor=0.5", 1, 1, 10);
        fresh.loadState(s.saveState());
        assertEquals(0.5, fresh.rate(5), TOL);
        fresh.epochEnded(3, 2.5); // worse than the best (2) so far
        assertEquals(0.25, fresh.rate(5), TOL);
    }

    @Test
    void previewEqualsRateAtEveryStep() {
        Schedule s = Schedules.parse("warmup:steps=3+step:every=1,gamma=0.5", 0.4, 4, 12);
        double[] p = s.preview(12);
        assertEquals(12, p.length);
        for (int i = 0; i < p.length; i++) {
            assertEquals(s.rate(i), p[i], 0);
        }
        assertEquals(0.4 / 3, p[0], TOL);
        assertEquals(0.2, p[4], TOL);
    }

    @Test
    void badSpecsNameTheirBadPart() {
        assertMessage("cosin", "'cosin'");
        assertMessage("step", "every=");
        assertMessage("step:every=x", "'x'");
        assertMessage("step:every=2.5", "whole number");
        assertMessage("step:every=0", "every must be at least 1");
        assertMessage("step:every=2,foo=1", "'foo'");
        assertMessage("exponential", "gamma=");
        assertMessage("exponential:gamma=-1", "gamma must be above 0");
        assertMessage("cosine+step:every=1", "only a warmup");
        assertMessage("warmup:steps=0+cosine", "steps must be at least 1");
        assertMessage("warmup:steps=2+warmup:steps=3", "two warm-up");
        assertMessage("cosine+", "empty part");
        assertMessage("onecycle:pct=1", "pct must be below 1");
        assertMessage("plateau:factor=2", "factor must be");
        assertMessage("step:every", "key=value");
        assertMessage("constant:x=1", "takes none");
        assertMessage("", "empty");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedules.parse("cosine", 0, 1, 1));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    }

    private static void assertMessage(String spec, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedules.parse(spec, 0.1, 10, 100));
        assertTrue(e.getMessage().contains(fragment), spec + " -> " + e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }
}
