package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;

class SineWavesTest {

    @Test
    void sameSeedGivesSameDataAndAnotherSeedOtherData() {
        Dataset a = SineWaves.generate(90, 20, 0.1, 7);
        assertArrayEquals(a.features(), SineWaves.generate(90, 20, 0.1, 7).features());
        assertArrayEquals(a.labels(), SineWaves.generate(90, 20, 0.1, 7).labels());
        assertFalse(Arrays.equals(a.features(), SineWaves.generate(90, 20, 0.1, 8).features()));
    }

    @Test
    void samplesAreSequencesOfOneFeatureInThreeBalancedClasses() {
        Dataset d = SineWaves.generate(301, 25, 0.1, 1);
        assertEquals(Shape.of(25, 1), d.sampleShape());
        assertArrayEquals(new int[] {101, 100, 100}, d.classCounts());
    }

    @Test
    void withoutNoiseHigherClassesCrossZeroMoreOften() {
        Dataset d = SineWaves.generate(300, 40, 0.0, 3);
        double[] crossings = new double[3];
        for (int i = 0; i < d.size(); i++) {
            int count = 0;
            for (int t = 1; t < 40; t++) {
                float a = d.features()[i * 40 + t - 1];
                float b = d.features()[i * 40 + t];
                assertTrue(Math.abs(b) <= 1.0f);
                if ((a < 0) != (b < 0)) {
                    count++;
                }
            }
            crossings[d.labels()[i]] += count / 100.0;
        }
        // k + 1 cycles cross zero about 2(k + 1) times.
        assertEquals(2, crossings[0], 0.5);
        assertEquals(4, crossings[1], 0.5);
        assertEquals(6, crossings[2], 0.5);
    }

    @Test
    void generatorsMakeItByNameWithItsOptions() {
        Dataset d = Generators.generate(DataRecipe.generator("sine_waves",
                Map.of("samples", 30, "length", 12, "noise", 0.0)), 5);
        assertEquals(30, d.size());
        assertEquals(Shape.of(12, 1), d.sampleShape());
        assertTrue(Generators.NAMES.contains("sine_waves"));
    }

    @Test
    void tooShortSequencesAreRefusedSayingTheMinimum() {
        var e = assertThrows(IllegalArgumentException.class, () -> SineWaves.generate(30, 5, 0.1, 1));
        assertEquals("Sine waves needs sequences of at least 8 steps; got 5", e.getMessage());
    }
}
