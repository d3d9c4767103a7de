package org.netwright.runner.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statistics of each initializer on a layer of 256 x 784 weights (200,704 values). */
class InitializersTest {
    private static final Shape LAYER = new Shape(256, 784);

    private static float[] draw(String name, Map<String, Double> params, Shape shape) {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager nm = NDManager.newBaseManager()) {
            return Initializers.of(name, params).initialize(nm, shape, DataType.FLOAT32).toFloatArray();
        }
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void zerosAreZero() {
        float[] v = draw("zeros", Map.of(), LAYER);
        assertEquals(200_704, v.length);
        assertEquals(0, maxAbs(v));
    }

    @Test
    void uniformStaysWithinItsScaleAndFillsIt() {
        float[] v = draw("uniform", Map.of("scale", 0.2), LAYER);
        assertTrue(maxAbs(v) <= 0.2, "max " + maxAbs(v));
        assertTrue(maxAbs(v) > 0.199, "max " + maxAbs(v));
        assertEquals(0.2 / Math.sqrt(3), std(v), 0.02 * 0.2 / Math.sqrt(3));
    }

    @Test
    void xavierIsUniformWithinGlorotsBound() {
        double bound = Math.sqrt(6.0 / (784 + 256));
        float[] v = draw("xavier", Map.of(), LAYER);
        assertTrue(maxAbs(v) <= bound + 1e-7 && maxAbs(v) > 0.99 * bound, "max " + maxAbs(v) + " bound " + bound);
        assertEquals(bound / Math.sqrt(3), std(v), 0.02 * bound / Math.sqrt(3));
        // a 3x3 convolution 16 -> 8: fans 16*9 and 8*9
        float[] conv = draw("xavier", Map.of("gain", 2.0), new Shape(8, 16, 3, 3));
        assertTrue(maxAbs(conv) <= 2 * Math.sqrt(6.0 / (144 + 72)) + 1e-7, "max " + maxAbs(conv));
    }

    @Test
    void heHasStdRootTwoOverFanIn() {
        float[] v = draw("he", Map.of(), LAYER);
        double expected = Math.sqrt(2.0 / 784);
        assertEquals(expected, std(v), 0.1 * expected);
        assertEquals(expected, std(v), 0.02 * expected);
        assertEquals(0, mean(v), 0.01 * expected);
    }

    @Test
    void normalHasTheAskedStd() {
        float[] v = draw("normal", Map.of("std", 0.05), LAYER);
        assertEquals(0.05, std(v), 0.001);
        assertEquals(0.01, std(draw("normal", Map.of(), LAYER)), 0.0002);
    }

    @Test
    void badNamesAndParametersAreRefused() {
        assertEquals("Unknown initializer 'glorot'; choose xavier, he, normal, uniform, zeros.",
                assertThrows(IllegalArgumentException.class, () -> Initializers.of("glorot", Map.of())).getMessage());
        assertEquals("The initializer 'he' has no parameter 'std'.",
                assertThrows(IllegalArgumentException.class, () -> Initializers.of("he", Map.of("std", 1.0))).getMessage());
        assertEquals("The std of the initializer 'normal' must be a positive number, not -1.0.",
                assertThrows(IllegalArgumentException.class, () -> Initializers.of("normal", Map.of("std", -1.0)))
                        .getMessage());
    }
}
