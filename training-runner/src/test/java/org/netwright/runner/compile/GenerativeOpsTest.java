package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** The VAE sampling block: its statistics, its gradients, the KL helper, and a small VAE-like net that learns. */
class GenerativeOpsTest {
    private static final float[] MU = {1f, -2f, 0.5f};
    private static final float[] LOG_VAR = {0f, (float) Math.log(4), (float) Math.log(0.25)};

    static Stream<LayerCase> cases() {
        return Stream.of(new LayerCase("sampling", Map.of(), List.of(LayerCase.vector(6))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapeAndParamsEqualDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    /** mu and log_var inputs of 3 → sampling. */
    private static GraphBlock sampler() {
        return GraphCompiler.compile(Graph.of(List.of(new Node("mu", "vector_input", Map.of("features", 3), 0, 0),
                        new Node("lv", "vector_input", Map.of("features", 3), 0, 0), new Node("z", "sampling", Map.of(), 0, 0)),
                List.of(Edge.of("mu", "out", "z", "mu"), Edge.of("lv", "out", "z", "log_var"))));
    }

    private static NDArray rows(NDManager m, float[] row, int n) {
        return m.create(row, new Shape(1, row.length)).repeat(0, n);
    }

    @Test
    void trainingSamplesHaveMeanMuAndVarianceExpLogVar() {
        Engine.getInstance().setRandomSeed(3);
        GraphBlock block = sampler();
        int n = 20_000;
        try (NDManager m = NDManager.newBaseManager()) {
            NDList in = new NDList(rows(m, MU, n), rows(m, LOG_VAR, n));
            block.initialize(m, DataType.FLOAT32, in.getShapes());
            NDArray z = block.forward(new ParameterStore(m, false), in, true).singletonOrThrow();
            float[] mean = z.mean(new int[] {0}).toFloatArray();
            float[] variance = z.sub(z.mean(new int[] {0})).square().mean(new int[] {0}).toFloatArray();
            for (int i = 0; i < MU.length; i++) {
                double sigma2 = Math.exp(LOG_VAR[i]);
                // Standard error of the mean is sigma/sqrt(n) ≤ 0.015; of the variance about sigma²·sqrt(2/n) ≈ 1 %.
                assertEquals(MU[i], mean[i], 0.06, "mean of z" + i);
                assertEquals(sigma2, variance[i], 0.05 * sigma2, "variance of z" + i);
            }
        }
    }

    @Test
    void inferencePassesMuThrough() {
        GraphBlock block = sampler();
        try (NDManager m = NDManager.newBaseManager()) {
            NDList in = new NDList(rows(m, MU, 4), rows(m, LOG_VAR, 4));
            block.initialize(m, DataType.FLOAT32, in.getShapes());
            NDArray z = block.forward(new ParameterStore(m, false), in, false).singletonOrThrow();
            assertArrayEquals(in.get(0).toFloatArray(), z.toFloatArray());
        }
    }

    @Test
    void gradientsReachMuAndLogVar() {
        GraphBlock block = sampler();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mu = rows(m, MU, 5);
            NDArray logVar = rows(m, LOG_VAR, 5);
            mu.setRequiresGradient(true);
            logVar.setRequiresGradient(true);
            block.initialize(m, DataType.FLOAT32, mu.getShape(), logVar.getShape());
            NDArray z;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                z = block.forward(new ParameterStore(m, false), new NDList(mu, logVar), true).singletonOrThrow();
                gc.backward(z.sum());
            }
            // dz/dmu = 1; dz/dlog_var = 0.5·exp(0.5·log_var)·eps = 0.5·(z − mu).
            assertTrue(mu.getGradient().allClose(m.ones(mu.getShape())));
            NDArray expected = z.sub(mu).mul(0.5f);
            assertTrue(logVar.getGradient().allClose(expected, 1e-5, 1e-6, false));
            assertTrue(expected.abs().sum().getFloat() > 0, "eps was all zero");
        }
    }

    @Test
    void klDivergenceMatchesTheClosedForm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mu = m.randomNormal(new Shape(4, 3));
            NDArray logVar = m.randomNormal(new Shape(4, 3));
            float[] kl = GenerativeOps.klDivergence(mu, logVar).toFloatArray();
            float[] muV = mu.toFloatArray();
            float[] lvV = logVar.toFloatArray();
            assertEquals(4, kl.length);
            for (int b = 0; b < 4; b++) {
                double sum = 0;
                for (int i = 0; i < 3; i++) {
                    double mv = muV[b * 3 + i];
                    double lv = lvV[b * 3 + i];
                    sum += 1 + lv - mv * mv - Math.exp(lv);
                }
                assertEquals(-0.5 * sum, kl[b], 1e-5);
            }
            // N(0, 1) against itself: nothing to pay.
            assertEquals(0f, GenerativeOps.klDivergence(m.zeros(new Shape(2, 3)), m.zeros(new Shape(2, 3))).sum().getFloat());
        }
    }

    @Test
    void aTinyVariationalAutoencoderLearnsToReconstruct() {
        Engine.getInstance().setRandomSeed(5);
        Graph vae = Graph.of(List.of(new Node("x", "vector_input", Map.of("features", 4), 0, 0),
                        new Node("h", "dense", Map.of("units", 8), 0, 0), new Node("act", "tanh", Map.of(), 0, 0),
                        new Node("mu", "dense", Map.of("units", 2), 0, 0), new Node("lv", "dense", Map.of("units", 2), 0, 0),
                        new Node("z", "sampling", Map.of(), 0, 0), new Node("out", "dense", Map.of("units", 4), 0, 0)),
                List.of(Edge.of("x", "out", "h", "in"), Edge.of("h", "out", "act", "in"), Edge.of("act", "out", "mu", "in"),
                        Edge.of("act", "out", "lv", "in"), Edge.of("mu", "out", "z", "mu"), Edge.of("lv", "out", "z", "log_var"),
                        Edge.of("z", "out", "out", "in")));
        NDArray[] x = new NDArray[1];
        // Points on a 2-D plane inside 4-D, so a 2-D latent can hold them.
        List<Float> losses = LayerTraining.fit(vae, m -> {
            NDArray t = m.randomNormal(new Shape(64, 2));
            x[0] = t.matMul(m.create(new float[] {1, 0.5f, -1, 0, 0, 1, 0.5f, -1}, new Shape(2, 4)));
            return new NDList(x[0]);
        }, m -> x[0], Loss.l2Loss(), 80, 0.03f);
        assertTrue(losses.get(losses.size() - 1) < 0.5f * losses.get(0), losses.get(0) + " -> " + losses.get(losses.size() - 1));
    }
}
