package org.netwright.runner.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each loss on tiny arrays against values computed by hand (the comments give the arithmetic). */
class LossesTest {
    private static final double TOL = 1e-6;
    private static final float[] LOGITS = {2f, 1f, 0f, 0.5f, -1f, 3f};
    private NDManager nm;

    @BeforeEach
    void open() {
        nm = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        nm.close();
    }

    private double loss(String name, Map<String, Double> params, NDArray labels, NDArray predictions) {
        Loss loss = Losses.create(name, params);
        return loss.evaluate(new NDList(labels), new NDList(predictions)).getFloat();
    }

    private NDArray logits() {
        return nm.create(LOGITS, new Shape(2, 3));
    }

    @Test
    void mseIsTheTrueMeanOfSquaredErrors() {
        // (0 + 4 + 9) / 3
        assertEquals(13.0 / 3, loss("mse", Map.of(), nm.create(new float[] {1, 0, 0}), nm.create(new float[] {1, 2, 3})), TOL);
    }

    @Test
    void mseGradientIsTwiceTheErrorOverN() {
        NDArray p = nm.create(new float[] {1, 2, 3});
        p.setRequiresGradient(true);
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            c.backward(Losses.create("mse", Map.of()).evaluate(new NDList(nm.create(new float[] {1, 0, 0})), new NDList(p)));
        }
        assertArrayEquals(new float[] {0, 4f / 3, 2f}, p.getGradient().toFloatArray(), 1e-6f);
    }

    @Test
    void maeIsTheMeanAbsoluteError() {
        // (0 + 2 + 3) / 3; a target shaped N x 1 against N predictions is reshaped
        assertEquals(5.0 / 3, loss("mae", Map.of(), nm.create(new float[] {1, 0, 0}, new Shape(3, 1)),
                nm.create(new float[] {1, 2, 3})), TOL);
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        // errors 0.5, 2, 3 with delta 1: 0.125, 1 * (2 - 0.5), 1 * (3 - 0.5)
        NDArray y = nm.create(new float[] {1, 0, 0});
        assertEquals((0.125 + 1.5 + 2.5) / 3, loss("huber", Map.of(), y, nm.create(new float[] {1.5f, 2, 3})), TOL);
        // delta 2: 0.125, 2 (= 4/2), 2 * (3 - 1)
        assertEquals((0.125 + 2 + 4) / 3, loss("huber", Map.of("delta", 2.0), y, nm.create(new float[] {1.5f, 2, 3})), TOL);
    }

    @Test
    void binaryCrossEntropyOnLogits() {
        // z=0,y=1: log 2; z=2,y=0: 2 + log(1+e^-2); z=-1,y=1: 1 + log(1+e^-1)
        double expected = (Math.log(2) + 2 + Math.log1p(Math.exp(-2)) + 1 + Math.log1p(Math.exp(-1))) / 3;
        assertEquals(expected, loss("bce_with_logits", Map.of(), nm.create(new float[] {1, 0, 1}),
                nm.create(new float[] {0, 2, -1})), TOL);
        assertEquals(1.3777789597070471, expected, 1e-12);
    }

    @Test
    void crossEntropyWithAndWithoutLabelSmoothing() {
        // rows [2,1,0] class 0 and [0.5,-1,3] class 2: mean of -log_softmax at the class
        double lse1 = Math.log(Math.exp(2) + Math.exp(1) + 1);
        double lse2 = Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(3));
        double nll = ((lse1 - 2) + (lse2 - 3)) / 2;
        NDArray k = nm.create(new float[] {0, 2});
        assertEquals(nll, loss("cross_entropy", Map.of(), k, logits()), TOL);
        assertEquals(0.2516401469293814, nll, 1e-12);
        // smoothing 0.1 over 3 classes: 0.9 * nll + 0.1 * mean over classes of -log_softmax
        double uniform = ((3 * lse1 - 3) + (3 * lse2 - 2.5)) / 3 / 2;
        assertEquals(0.9 * nll + 0.1 * uniform, loss("cross_entropy", Map.of("label_smoothing", 0.1), k, logits()), TOL);
        assertEquals(0.40997348026271474, 0.9 * nll + 0.1 * uniform, 1e-12);
        // integer class ids, shaped N x 1, give the same
        assertEquals(nll, loss("cross_entropy", Map.of(), nm.create(new int[] {0, 2}, new Shape(2, 1)), logits()), TOL);
    }

    @Test
    void focalDownWeightsEasySamples() {
        double p1 = Math.exp(2 - Math.log(Math.exp(2) + Math.exp(1) + 1));
        double p2 = Math.exp(3 - Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(3)));
        double focal = (-(1 - p1) * (1 - p1) * Math.log(p1) - (1 - p2) * (1 - p2) * Math.log(p2)) / 2;
        NDArray k = nm.create(new float[] {0, 2});
        assertEquals(focal, loss("focal", Map.of(), k, logits()), TOL);
        assertEquals(0.023237131988830227, focal, 1e-12);
        assertEquals(0.25 * focal, loss("focal", Map.of("alpha", 0.25), k, logits()), TOL);
        assertEquals(0.2516401469293814, loss("focal", Map.of("gamma", 0.0), k, logits()), TOL);
    }

    @Test
    void klOfTargetDistributionAgainstPredictedLogSoftmax() {
        // rows: y = [0.5, 0.5, 0] and [0.1, 0.2, 0.7]; sum y (log y - log_softmax(z)), 0 log 0 = 0, mean over rows
        NDArray y = nm.create(new float[] {0.5f, 0.5f, 0f, 0.1f, 0.2f, 0.7f}, new Shape(2, 3));
        assertEquals(0.2791572803777401, loss("kl", Map.of(), y, logits()), TOL);
        // a prediction equal to the target costs nothing
        NDArray same = nm.create(new float[] {0.1f, 0.2f, 0.7f}).log().reshape(1, 3);
        assertEquals(0, loss("kl", Map.of(), nm.create(new float[] {0.1f, 0.2f, 0.7f}, new Shape(1, 3)), same), TOL);
    }

    @Test
    void badNamesAndParametersAreRefused() {
        assertEquals("Unknown loss 'msee'; choose mse, mae, huber, bce_with_logits, cross_entropy, focal, kl.",
                assertThrows(IllegalArgumentException.class, () -> Losses.create("msee", Map.of())).getMessage());
        assertEquals("The loss 'mse' has no parameter 'delta'.",
                assertThrows(IllegalArgumentException.class, () -> Losses.create("mse", Map.of("delta", 1.0))).getMessage());
        assertEquals("The delta of the loss 'huber' must be above 0, not 0.",
                assertThrows(IllegalArgumentException.class, () -> Losses.create("huber", Map.of("delta", 0.0))).getMessage());
        assertEquals("The label_smoothing of the loss 'cross_entropy' must be at least 0 and below 1, not 1.",
                assertThrows(IllegalArgumentException.class,
                        () -> Losses.create("cross_entropy", Map.of("label_smoothing", 1.0))).getMessage());
        NDArray wrong = nm.create(new float[] {0, 1, 2});
        assertThrows(IllegalArgumentException.class, () -> loss("cross_entropy", Map.of(), wrong, logits()));
    }
}
