package org.netwright.runner.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clipping known gradients: [3, 4] and [12] have the global norm 13. */
class GradientClippingTest {
    private NDManager nm;
    private Parameter a;
    private Parameter b;
    private Parameter frozen;

    @BeforeEach
    void setUp() {
        nm = NDManager.newBaseManager();
        a = parameter("a", new float[] {3, 4});
        b = parameter("b", new float[] {12});
        frozen = parameter("frozen", new float[] {100});
        frozen.freeze(true);
    }

    @AfterEach
    void tearDown() {
        nm.close();
    }

    /** A parameter whose gradient is exactly {@code gradient} (the loss is sum(w * gradient)). */
    private Parameter parameter(String name, float[] gradient) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optInitializer(Initializer.ONES).optShape(new ai.djl.ndarray.types.Shape(gradient.length)).build();
        p.initialize(nm, DataType.FLOAT32);
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            c.backward(p.getArray().mul(nm.create(gradient)).sum());
        }
        return p;
    }

    private static float[] gradient(Parameter p) {
        try (NDArray g = p.getArray().getGradient()) {
            return g.toFloatArray();
        }
    }

    @Test
    void globalNormScalesEveryGradientByTheSameFactor() {
        assertEquals(13, GradientClipping.clipByGlobalNorm(List.of(a, b, frozen), 6.5), 1e-6);
        double scale = 6.5 / (13 + 1e-6);
        assertArrayEquals(new float[] {(float) (3 * scale), (float) (4 * scale)}, gradient(a), 1e-6f);
        assertArrayEquals(new float[] {(float) (12 * scale)}, gradient(b), 1e-6f);
        assertEquals(6.5, GradientClipping.globalNorm(List.of(a, b)), 1e-5);
    }

    @Test
    void globalNormBelowTheLimitLeavesGradientsAlone() {
        assertEquals(13, GradientClipping.clipByGlobalNorm(List.of(a, b), 20), 1e-6);
        assertArrayEquals(new float[] {3, 4}, gradient(a));
        assertArrayEquals(new float[] {12}, gradient(b));
    }

    @Test
    void valueClippingBoundsEachElementOnBothSides() {
        Parameter c = parameter("c", new float[] {-7, 0.5f, 2});
        assertEquals(Math.sqrt(49 + 0.25 + 4), GradientClipping.clipByValue(List.of(c), 1), 1e-6);
        assertArrayEquals(new float[] {-1, 0.5f, 1}, gradient(c));
    }

    @Test
    void aLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(List.of(a), 0));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByValue(List.of(a), -1));
    }
}
