package org.netwright.runner.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.runner.explain.Trained.edge;
import static org.netwright.runner.explain.Trained.node;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.initializer.NormalInitializer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Graph;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;

/** Attributions of small untrained networks against what arithmetic says they must be. */
class AttributionArithmeticTest {

    /** Random weights for {@code graph}, in the checkpoint format. */
    static byte[] randomWeights(Graph graph) {
        GraphBlock block = GraphCompiler.compile(graph);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            block.setInitializer(new NormalInitializer(0.5f), p -> true);
            var in = org.netwright.model.task.NetworkEnds.of(graph).inputs().get(0).shape();
            block.initialize(m, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(in.withBatch(1)));
            return Checkpoints.save(block);
        }
    }

    static Graph linear() {
        return Graph.of(List.of(node("x", "vector_input", Map.of("features", 5)), node("out", "dense",
                Map.of("units", 3))), List.of(edge("x", "out")));
    }

    static Graph mlp() {
        return Graph.of(List.of(node("x", "vector_input", Map.of("features", 6)),
                        node("h", "dense", Map.of("units", 16)), node("act", "tanh", Map.of()),
                        node("out", "dense", Map.of("units", 4))),
                List.of(edge("x", "h"), edge("h", "act"), edge("act", "out")));
    }

    @Test
    void aLinearNetworksSaliencyIsItsWeightRowAndIntegratedGradientsAreInputTimesWeight() {
        Graph g = linear();
        try (TrainedNetwork net = TrainedNetwork.open(g, "out", true, randomWeights(g))) {
            float[] w = net.weight("out", "weight");
            float[] x = {0.5f, -1f, 2f, 0.25f, -0.75f};
            Attribution s = Attributions.saliency(net, x, 1);
            Attribution ig = Attributions.integratedGradients(net, x, 1, null, 8);
            for (int i = 0; i < 5; i++) {
                // DJL's linear weight is units×features.
                assertEquals(w[5 + i], s.values()[i], 1e-5);
                assertEquals(x[i] * w[5 + i], ig.values()[i], 1e-5);
            }
            Attribution smooth = Attributions.smoothGrad(net, x, 1, 4, 0.2, 7);
            assertEquals(w[5 + 2], smooth.values()[2], 1e-5);
        }
    }

    @Test
    void integratedGradientsOfANonLinearNetworkSumToTheScoreChange() {
        Graph g = mlp();
        try (TrainedNetwork net = TrainedNetwork.open(g, "out", true, randomWeights(g))) {
            float[] x = {1f, -0.5f, 0.3f, 2f, -1.2f, 0.7f};
            float[] base = new float[6];
            for (int k = 0; k < 4; k++) {
                Attribution ig = Attributions.integratedGradients(net, x, k, base, 64);
                double change = Attributions.score(net, x, x, k) - Attributions.score(net, x, base, k);
                assertEquals(change, ig.sum(), Math.abs(change) * 0.05 + 1e-6, "class " + k);
            }
        }
    }

    @Test
    void gradCamGivesANonNegativeMapShapedLikeTheImageAndNamesBadLayers() {
        Graph g = Graph.of(List.of(node("image", "image_input", Map.of("channels", 2, "height", 8, "width", 8)),
                        node("conv", "conv2d", Map.of("filters", 4, "kernel", 3)), node("act", "relu", Map.of()),
                        node("flat", "flatten", Map.of()), node("out", "dense", Map.of("units", 3))),
                List.of(edge("image", "conv"), edge("conv", "act"), edge("act", "flat"), edge("flat", "out")));
        try (TrainedNetwork net = TrainedNetwork.open(g, "out", true, randomWeights(g))) {
            float[] x = new float[128];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(i * 0.37);
            }
            Attribution cam = Attributions.of(Attributions.GRADCAM, net, x, 2, null);
            assertEquals(128, cam.values().length);
            float max = 0;
            for (float v : cam.values()) {
                assertTrue(v >= 0 && v <= 1.0001f, "Grad-CAM is scaled to 0..1: " + v);
                max = Math.max(max, v);
            }
            assertEquals(cam.values()[5], cam.values()[64 + 5], "every channel gets the same map");
            Inspections.Maps maps = Inspections.featureMaps(net, x, "conv");
            assertEquals(org.netwright.model.shape.Shape.of(4, 8, 8), maps.shape());
            assertEquals(4 * 2 * 3 * 3, Inspections.filters(net, "conv").values().length);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Attributions.of(Attributions.GRADCAM, net, x, 0, "flat"));
            assertTrue(e.getMessage().contains("feature maps"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Attributions.of(Attributions.GRADCAM, net, x, 0, "nope"));
        }
    }

    @Test
    void bilinearResizeKeepsAConstantMapAndItsCorners() {
        float[] big = GradCam.resize(new float[] {1, 1, 1, 1}, 2, 2, 5, 7);
        for (float v : big) {
            assertEquals(1f, v, 1e-6);
        }
        float[] ramp = GradCam.resize(new float[] {0, 1}, 1, 2, 1, 4);
        assertEquals(0f, ramp[0], 1e-6);
        assertEquals(1f, ramp[3], 1e-6);
        assertTrue(ramp[1] > 0 && ramp[1] < ramp[2]);
    }

    @Test
    void nearestTokensAreRankedByCosineSimilarity() {
        Graph g = Graph.of(List.of(node("t", "token_input", Map.of("length", 4, "vocabulary", 6, "padding_id", -1)),
                        node("embed", "embedding", Map.of("vocabulary", 6, "dimension", 3)),
                        node("flat", "flatten", Map.of()), node("out", "dense", Map.of("units", 2))),
                List.of(edge("t", "embed"), edge("embed", "flat"), edge("flat", "out")));
        try (TrainedNetwork net = TrainedNetwork.open(g, "out", true, randomWeights(g))) {
            float[] e = net.weight("embed", "weight");
            List<Inspections.Neighbour> near = Inspections.nearestTokens(net, "embed", 2, 5);
            assertEquals(5, near.size());
            for (Inspections.Neighbour n : near) {
                double dot = 0;
                double a = 0;
                double b = 0;
                for (int j = 0; j < 3; j++) {
                    dot += e[n.token() * 3 + j] * e[2 * 3 + j];
                    a += e[n.token() * 3 + j] * e[n.token() * 3 + j];
                    b += e[2 * 3 + j] * e[2 * 3 + j];
                }
                assertEquals(dot / Math.sqrt(a * b), n.similarity(), 1e-5);
            }
            for (int i = 1; i < near.size(); i++) {
                assertTrue(near.get(i - 1).similarity() >= near.get(i).similarity());
            }
            // Token attributions: one number per token, and integrated gradients still add up.
            float[] ids = {1, 4, 2, 0};
            Attribution ig = Attributions.integratedGradients(net, ids, 1, null, 32);
            assertEquals(4, ig.values().length);
            float[] entries = net.entryValues(ids);
            double change = Attributions.score(net, ids, entries, 1) - Attributions.score(net, ids,
                    new float[entries.length], 1);
            assertEquals(change, ig.sum(), Math.abs(change) * 0.05 + 1e-5);
        }
    }
}
