package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;

/** The seasonal_series, noisy_digits and moon_points generators: fields, shapes, order and seeds. */
class FieldGeneratorsTest {

    @Test
    void seasonalWindowsAreConsecutiveStretchesOfOneSeriesInTimeOrder() {
        Samples s = Generators.generateSamples(DataRecipe.generator("seasonal_series",
                Map.of("samples", 50, "steps", 8, "horizon", 3)), 1);
        assertEquals(List.of(DataField.values("window", Shape.of(8, 1)), DataField.values("target", Shape.of(3))),
                s.fields());
        assertTrue(s.ordered());
        float[] w = s.require("window").values();
        float[] y = s.require("target").values();
        for (int i = 0; i + 1 < 50; i++) {
            // window i+1 is window i shifted by one step, and its last value is the first target of window i
            for (int k = 0; k + 1 < 8; k++) {
                assertEquals(w[i * 8 + k + 1], w[(i + 1) * 8 + k]);
            }
            assertEquals(y[i * 3], w[(i + 1) * 8 + 7]);
        }
        assertEquals(40, s.split(0.0, 0.2, 3).train().size());
        assertArrayEquals(w, Generators.generateSamples(DataRecipe.generator("seasonal_series",
                Map.of("samples", 50, "steps", 8, "horizon", 3)), 1).require("window").values());
        assertThrows(IllegalArgumentException.class, () -> SeasonalSeries.generate(10, 0, 3, 12, 0, 0.1, 1));
    }

    @Test
    void noisyDigitsPairNoisyInputWithTheCleanImage() {
        Samples s = Generators.generateSamples(DataRecipe.generator("noisy_digits", Map.of("samples", 20)), 2);
        assertEquals(List.of("noisy", "clean"), s.fields().stream().map(DataField::name).toList());
        assertEquals(Shape.of(1, 16, 16), s.fields().get(0).shape());
        float[] clean = s.require("clean").values();
        float[] noisy = s.require("noisy").values();
        assertArrayEquals(SegmentDigits.generate(20, 16, 2).features(), clean);
        double sq = 0;
        for (int i = 0; i < clean.length; i++) {
            assertTrue(noisy[i] >= 0 && noisy[i] <= 1);
            sq += (noisy[i] - clean[i]) * (double) (noisy[i] - clean[i]);
        }
        double mse = sq / clean.length;
        assertTrue(mse > 0.02 && mse < 0.09, "noise 0.3 clamped to [0, 1]: " + mse);
    }

    @Test
    void moonPointsAreTheTwoMoonsScaledWithoutLabels() {
        Samples s = Generators.generateSamples(DataRecipe.generator("moon_points", Map.of("samples", 30, "scale", 2)), 4);
        assertEquals(List.of(DataField.values("point", Shape.of(2))), s.fields());
        float[] moons = TwoMoons.generate(30, 0.1, 4).features();
        float[] points = s.require("point").values();
        for (int i = 0; i < moons.length; i++) {
            assertEquals(2 * moons[i], points[i], 1e-6);
        }
    }
}
