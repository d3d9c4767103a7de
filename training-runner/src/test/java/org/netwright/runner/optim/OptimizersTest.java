package org.netwright.runner.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One update on a known gradient against textbook values, and several against a plain-Java reference. */
class OptimizersTest {
    private static final float[] W = {1f, -2f, 0.5f};
    private static final float[] G = {0.5f, -1f, 2f};
    private static final double TOL = 1e-6;

    private static Schedule constant(double lr) {
        return Schedules.parse("constant", lr, 1, 100);
    }

    /** Sets the gradient of {@code w} to exactly {@code g} (the loss is sum(w*g)) and applies one update. */
    private static float[] step(ScheduledOptimizer optimizer, NDArray w, float[] g) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            try (NDArray c = w.getManager().create(g)) {
                collector.backward(w.mul(c).sum());
            }
        }
        try (NDArray grad = w.getGradient()) {
            optimizer.update("w", w, grad);
        }
        return w.toFloatArray();
    }

    private static float[] oneStep(OptimizerConfig config, double lr) {
        try (NDManager nm = NDManager.newBaseManager()) {
            NDArray w = nm.create(W.clone());
            w.setRequiresGradient(true);
            return step(Optimizers.create(config, constant(lr)), w, G);
        }
    }

    private static void assertClose(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOL, "element " + i);
        }
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        // w - 0.1 * g
        assertClose(new double[] {0.95, -1.9, 0.3}, oneStep(OptimizerConfig.of("sgd"), 0.1));
    }

    @Test
    void sgdAddsL2AndL1PenaltiesToTheGradient() {
        // g' = g + 0.1 w + 0.01 sign(w) = [0.61, -1.21, 2.06]; w - 0.1 g'
        OptimizerConfig c = OptimizerConfig.of("sgd").with("weight_decay", 0.1).with("l1", 0.01);
        assertClose(new double[] {0.939, -1.879, 0.294}, oneStep(c, 0.1));
    }

    @Test
    void momentumAccumulatesAVelocity() {
        try (NDManager nm = NDManager.newBaseManager()) {
            NDArray w = nm.create(W.clone());
            w.setRequiresGradient(true);
            ScheduledOptimizer o = Optimizers.create(OptimizerConfig.of("momentum"), constant(0.1));
            // b1 = g: w - 0.1 g; b2 = 0.9 g + g = 1.9 g: in all w - 0.29 g
            assertClose(new double[] {0.95, -1.9, 0.3}, step(o, w, G));
            assertClose(new double[] {0.855, -1.71, -0.08}, step(o, w, G));
        }
    }

    @Test
    void nesterovLooksAhead() {
        try (NDManager nm = NDManager.newBaseManager()) {
            NDArray w = nm.create(W.clone());
            w.setRequiresGradient(true);
            ScheduledOptimizer o = Optimizers.create(OptimizerConfig.of("nesterov"), constant(0.1));
            // b1 = g, w -= 0.1 (g + 0.9 g) = 0.19 g; b2 = 1.9 g, w -= 0.1 (g + 1.71 g) = 0.271 g
            assertClose(new double[] {0.905, -1.81, 0.12}, step(o, w, G));
            assertClose(new double[] {0.7695, -1.539, -0.422}, step(o, w, G));
        }
    }

    @Test
    void adaGradDividesByTheRootOfSummedSquares() {
        try (NDManager nm = NDManager.newBaseManager()) {
            NDArray w = nm.create(W.clone());
            w.setRequiresGradient(true);
            ScheduledOptimizer o = Optimizers.create(OptimizerConfig.of("adagrad"), constant(0.1));
            // s = g^2: w - 0.1 sign(g); s = 2 g^2: w - 0.1 sign(g) / sqrt(2)
            assertClose(new double[] {0.9, -1.9, 0.4}, step(o, w, G));
            double d = 0.1 / Math.sqrt(2);
            assertClose(new double[] {0.9 - d, -1.9 + d, 0.4 - d}, step(o, w, G));
        }
    }

    @Test
    void rmsPropDividesByTheRootOfAMovingAverage() {
        // v = 0.1 g^2, so w - 0.1 g / (sqrt(0.1) |g| + 1e-8)
        assertClose(new double[] {0.6837722539831608, -1.6837722439831617, 0.18377223898316203},
                oneStep(OptimizerConfig.of("rmsprop").with("alpha", 0.9), 0.1));
        assertEquals(0.9, new OptimizerConfig("rmsprop", Map.of("rho", 0.9)).get("alpha"));
    }

    @Test
    void adamFirstStepMovesEachWeightByTheRate() {
        // m^ = g, v^ = g^2: w - 0.1 g / (|g| + 1e-8)
        assertClose(new double[] {0.9, -1.9, 0.4}, oneStep(OptimizerConfig.of("adam"), 0.1));
    }

    @Test
    void adamSecondStepMatchesTheTextbook() {
        try (NDManager nm = NDManager.newBaseManager()) {
            NDArray w = nm.create(new float[] {1f});
            w.setRequiresGradient(true);
            ScheduledOptimizer o = Optimizers.create(OptimizerConfig.of("adam"), constant(0.1));
            assertClose(new double[] {0.900000002}, step(o, w, new float[] {0.5f}));
            // m = 0.195, m^ = 0.195/0.19; v = 0.00249975, v^ = v/0.001999; w = 0.9 - 0.1 m^/(sqrt(v^) + 1e-8)
            assertClose(new double[] {0.8082218909226944}, step(o, w, new float[] {1.5f}));
        }
    }

    @Test
    void adamWDecaysTheWeightsApartFromTheGradient() {
        // w * (1 - 0.1 * 0.1) - 0.1 sign(g)
        assertClose(new double[] {0.89, -1.88, 0.395},
                oneStep(OptimizerConfig.of("adamw").with("weight_decay", 0.1), 0.1));
        assertEquals(0.01, OptimizerConfig.of("adamw").get("weight_decay"));
    }

    @Test
    void theScheduleSetsEachStepsRate() {
        try (NDManager nm = NDManager.newBaseManager()) {
            NDArray w = nm.create(W.clone());
            w.setRequiresGradient(true);
            ScheduledOptimizer o = Optimizers.create(OptimizerConfig.of("sgd"),
                    Schedules.parse("warmup:steps=2", 0.2, 1, 10));
            // step 0 at rate 0.1, step 1 at 0.2: w - 0.3 g
            step(o, w, G);
            assertClose(new double[] {0.85, -1.7, -0.1}, step(o, w, G));
        }
    }

    @Test
    void theGradientIsZeroAfterAnUpdate() {
        try (NDManager nm = NDManager.newBaseManager()) {
            NDArray w = nm.create(W.clone());
            w.setRequiresGradient(true);
            step(Optimizers.create(OptimizerConfig.of("adam"), constant(0.1)), w, G);
            try (NDArray grad = w.getGradient()) {
                assertArrayEquals(new float[] {0, 0, 0}, grad.toFloatArray());
            }
        }
    }

    @Test
    void severalStepsOfEveryRuleMatchAPlainJavaReference() {
        float[][] gradients = {{0.3f, -0.7f, 1.1f}, {-0.2f, 0.4f, 0.9f}, {1.5f, -0.1f, 0.05f}, {0.6f, 0.6f, -2f},
                {-0.8f, 0.2f, 0.3f}, {0.01f, -0.5f, 0.7f}};
        for (String name : OptimizerConfig.names()) {
            OptimizerConfig config = OptimizerConfig.of(name).with("weight_decay", 0.05).with("l1", 0.002);
            Reference reference = new Reference(config, W);
            Schedule schedule = Schedules.parse("warmup:steps=2+cosine", 0.05, 2, gradients.length);
            try (NDManager nm = NDManager.newBaseManager()) {
                NDArray w = nm.create(W.clone());
                w.setRequiresGradient(true);
                ScheduledOptimizer o = Optimizers.create(config, schedule);
                for (int t = 0; t < gradients.length; t++) {
                    float[] actual = step(o, w, gradients[t]);
                    double[] expected = reference.step(gradients[t], schedule.rate(t));
                    for (int i = 0; i < W.length; i++) {
                        assertEquals(expected[i], actual[i], TOL, name + " step " + (t + 1) + " element " + i);
                    }
                }
            }
        }
    }

    @Test
    void badConfigsSayWhatIsWrong() {
        assertTrue(OptimizerConfig.of("adam").problems().isEmpty());
        assertEquals(List.of("Unknown optimizer 'adma'; choose sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw."),
                OptimizerConfig.of("adma").problems());
        assertEquals(List.of("The optimizer 'sgd' has no parameter 'beta1'; it takes weight_decay, l1."),
                OptimizerConfig.of("sgd").with("beta1", 0.9).problems());
        assertEquals(List.of("The momentum of momentum must be at least 0 and below 1, not 1."),
                OptimizerConfig.of("momentum").with("momentum", 1).problems());
        assertEquals(List.of("The epsilon of adam must be above 0, not 0."),
                OptimizerConfig.of("adam").with("epsilon", 0).problems());
        assertEquals(List.of("The weight_decay of adamw must be at least 0, not -0.1."),
                OptimizerConfig.of("adamw").with("weight-decay", -0.1).problems());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create(OptimizerConfig.of("adam").with("beta2", 1.5), constant(0.1)));
        assertEquals("The beta2 of adam must be at least 0 and below 1, not 1.5.", e.getMessage());
    }

    /** The rules written out in double precision, exactly as PyTorch's documentation states them. */
    private static final class Reference {
        final String name;
        final double momentum;
        final double beta1;
        final double beta2;
        final double epsilon;
        final double alpha;
        final double decay;
        final double l1;
        final double[] w;
        final double[] a;
        final double[] b;
        int t;

        Reference(OptimizerConfig c, float[] start) {
            Map<String, Double> d = OptimizerConfig.defaults(c.name());
            name = c.name();
            momentum = d.containsKey("momentum") ? c.get("momentum") : 0;
            beta1 = d.containsKey("beta1") ? c.get("beta1") : 0;
            beta2 = d.containsKey("beta2") ? c.get("beta2") : 0;
            epsilon = d.containsKey("epsilon") ? c.get("epsilon") : 0;
            alpha = d.containsKey("alpha") ? c.get("alpha") : 0;
            decay = c.get("weight_decay");
            l1 = c.get("l1");
            w = new double[start.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = start[i];
            }
            a = new double[w.length];
            b = new double[w.length];
        }

        double[] step(float[] gradient, double lr) {
            t++;
            for (int i = 0; i < w.length; i++) {
                double g = gradient[i] + l1 * Math.signum(w[i]);
                if (name.equals("adamw")) {
                    w[i] *= 1 - lr * decay;
                } else {
                    g += decay * w[i];
                }
                switch (name) {
                    case "sgd" -> w[i] -= lr * g;
                    case "momentum" -> {
                        a[i] = momentum * a[i] + g;
                        w[i] -= lr * a[i];
                    }
                    case "nesterov" -> {
                        a[i] = momentum * a[i] + g;
                        w[i] -= lr * (g + momentum * a[i]);
                    }
                    case "adagrad" -> {
                        a[i] += g * g;
                        w[i] -= lr * g / (Math.sqrt(a[i]) + epsilon);
                    }
                    case "rmsprop" -> {
                        a[i] = alpha * a[i] + (1 - alpha) * g * g;
                        w[i] -= lr * g / (Math.sqrt(a[i]) + epsilon);
                    }
                    case "adam", "adamw" -> {
                        a[i] = beta1 * a[i] + (1 - beta1) * g;
                        b[i] = beta2 * b[i] + (1 - beta2) * g * g;
                        double mHat = a[i] / (1 - Math.pow(beta1, t));
                        double vHat = b[i] / (1 - Math.pow(beta2, t));
                        w[i] -= lr * mHat / (Math.sqrt(vHat) + epsilon);
                    }
                    default -> throw new IllegalStateException(name);
                }
            }
            return w.clone();
        }
    }
}
