package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.netwright.runner.compile.Chains.assertLossFalls;
import static org.netwright.runner.compile.Chains.chain;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Reshape, permute, the three norms and embedding: shapes and counts agree with DJL, values with the equations, and each learns. */
class CoreFamilyTest {
    private static final Node TOKENS = LayerCase.input("tokens", "token_input", Map.of("length", 6, "vocabulary", 10));

    static Stream<LayerCase> cases() {
        Node vec = LayerCase.vector(12);
        Node img = LayerCase.image(4, 5, 6);
        Node seq = LayerCase.input("seq", "sequence_input", Map.of("steps", 4, "features", 6));
        return Stream.of(
                new LayerCase("reshape", Map.of("target", "2,-1"), List.of(vec)),
                new LayerCase("reshape", Map.of("target", "3,2,2"), List.of(vec)),
                new LayerCase("reshape", Map.of("target", "-1"), List.of(img)),
                new LayerCase("permute", Map.of("order", "1,0"), List.of(seq)),
                new LayerCase("permute", Map.of("order", "2,0,1"), List.of(img)),
                new LayerCase("batch_norm", Map.of(), List.of(vec)),
                new LayerCase("batch_norm", Map.of("momentum", 0.2, "epsilon", 1e-3), List.of(seq)),
                new LayerCase("batch_norm", Map.of(), List.of(img)),
                new LayerCase("layer_norm", Map.of(), List.of(seq)),
                new LayerCase("layer_norm", Map.of("epsilon", 1e-6), List.of(img)),
                new LayerCase("group_norm", Map.of("groups", 2), List.of(img)),
                new LayerCase("group_norm", Map.of("groups", 4), List.of(seq)),
                new LayerCase("embedding", Map.of("vocabulary", 10, "dimension", 3), List.of(TOKENS)),
                new LayerCase("embedding", Map.of("vocabulary", 10, "dimension", 5, "padding_id", 0, "trainable", false),
                        List.of(TOKENS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapeAndParamsEqualDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    private static NDArray runOne(GraphBlock block, NDManager m, NDArray x, boolean training) {
        block.initialize(m, DataType.FLOAT32, x.getShape());
        return block.forward(new ParameterStore(m, false), new NDList(x), training).singletonOrThrow();
    }

    private static Graph single(Node input, String type, Map<String, Object> params) {
        return chain(input, node("layer", type, params));
    }

    @Test
    void groupNormEqualsItsEquation() {
        int c = 6;
        int groups = 3;
        GraphBlock block = GraphCompiler.compile(single(LayerCase.image(c, 3, 4), "group_norm",
                Map.of("groups", groups, "epsilon", 1e-5)));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(0, 2, new Shape(2, c, 3, 4), DataType.FLOAT32).add(1);
            runOne(block, m, x, false);
            Block norm = block.weightedNodes().get("layer");
            float[] gamma = {0.5f, 1.5f, -1f, 2f, 0.25f, 3f};
            float[] beta = {0.1f, -0.2f, 0.3f, 0f, 1f, -1f};
            norm.getParameters().get("weight").getArray().set(gamma);
            norm.getParameters().get("bias").getArray().set(beta);
            float[] out = runOne(block, m, x, false).toFloatArray();
            float[] in = x.toFloatArray();
            int perGroup = c / groups * 12;
            for (int n = 0; n < 2; n++) {
                for (int g = 0; g < groups; g++) {
                    int start = (n * c * 12) + g * perGroup;
                    double mean = 0;
                    for (int i = 0; i < perGroup; i++) {
                        mean += in[start + i];
                    }
                    mean /= perGroup;
                    double var = 0;
                    for (int i = 0; i < perGroup; i++) {
                        var += (in[start + i] - mean) * (in[start + i] - mean);
                    }
                    var /= perGroup;
                    for (int i = 0; i < perGroup; i++) {
                        int channel = (start + i) / 12 % c;
                        double expected = (in[start + i] - mean) / Math.sqrt(var + 1e-5) * gamma[channel] + beta[channel];
                        assertEquals(expected, out[start + i], 1e-5, "value " + (start + i));
                    }
                }
            }
        }
    }

    @Test
    void batchNormMomentumIsTheWeightOfTheNewBatchAsInPyTorch() {
        GraphBlock block = GraphCompiler.compile(single(LayerCase.vector(3), "batch_norm", Map.of("momentum", 0.25)));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 5, 6, 7}).reshape(2, 3);
            runOne(block, m, x, true);
            NDArray running = block.weightedNodes().get("layer").getParameters().get("runningMean").getArray();
            // Running mean starts at 0; one batch with means (3, 4, 5) moves it a quarter of the way.
            assertArrayEquals(new float[] {0.75f, 1f, 1.25f}, running.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void embeddingRowsOfThePaddingIdAreZeroAndOthersAreLookedUp() {
        GraphBlock block = GraphCompiler.compile(single(TOKENS, "embedding",
                Map.of("vocabulary", 10, "dimension", 2, "padding_id", 0)));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray ids = m.create(new float[] {3, 0, 9, 3, 1, 0}).reshape(1, 6);
            NDArray out = runOne(block, m, ids, false);
            NDArray table = block.weightedNodes().get("layer").getParameters().get("weight").getArray();
            assertArrayEquals(new long[] {1, 6, 2}, out.getShape().getShape());
            assertArrayEquals(table.get(3).toFloatArray(), out.get(0, 0).toFloatArray());
            assertArrayEquals(new float[] {0, 0}, out.get(0, 1).toFloatArray(), 0f);
            assertArrayEquals(table.get(9).toFloatArray(), out.get(0, 2).toFloatArray());
        }
    }

    @Test
    void permuteMovesValuesToTheirNewAxes() {
        GraphBlock block = GraphCompiler.compile(single(LayerCase.image(2, 3, 4), "permute", Map.of("order", "2,0,1")));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(24f).reshape(1, 2, 3, 4);
            NDArray out = runOne(block, m, x, false);
            assertArrayEquals(new long[] {1, 4, 2, 3}, out.getShape().getShape());
            // out[w][c][h] = x[c][h][w]
            assertEquals(x.getFloat(0, 1, 2, 3), out.getFloat(0, 3, 1, 2));
            assertEquals(x.getFloat(0, 0, 1, 2), out.getFloat(0, 2, 0, 1));
        }
    }

    @Test
    void reshapeAndPermuteTakePartInTraining() {
        Graph g = chain(LayerCase.vector(6), node("d1", "dense", Map.of("units", 12)),
                node("r", "reshape", Map.of("target", "3,-1")), node("p", "permute", Map.of("order", "1,0")),
                node("d2", "dense", Map.of("units", 2)), node("f", "flatten", Map.of()));
        assertLossFalls(g, m -> new NDList(m.randomNormal(new Shape(16, 6))), m -> m.randomNormal(new Shape(16, 8)),
                Loss.l2Loss(), 0.03f);
    }

    @Test
    void batchNormTrains() {
        Graph g = chain(LayerCase.image(2, 4, 4), node("c", "conv2d", Map.of("filters", 3, "kernel", 3)),
                node("bn", "batch_norm", Map.of()), node("f", "flatten", Map.of()), node("d", "dense", Map.of("units", 3)));
        assertLossFalls(g, m -> new NDList(m.randomNormal(new Shape(8, 2, 4, 4))), m -> m.arange(8f).mod(3),
                Loss.softmaxCrossEntropyLoss(), 0.03f);
    }

    @Test
    void layerNormTrains() {
        Graph g = chain(LayerCase.input("seq", "sequence_input", Map.of("steps", 4, "features", 3)),
                node("d", "dense", Map.of("units", 5)), node("ln", "layer_norm", Map.of()),
                node("out", "dense", Map.of("units", 2)));
        assertLossFalls(g, m -> new NDList(m.randomNormal(new Shape(8, 4, 3))), m -> m.randomNormal(new Shape(8, 4, 2)),
                Loss.l2Loss(), 0.03f);
    }

    @Test
    void groupNormTrains() {
        Graph g = chain(LayerCase.image(1, 5, 5), node("c", "conv2d", Map.of("filters", 4, "kernel", 3)),
                node("gn", "group_norm", Map.of("groups", 2)), node("r", "relu", Map.of()),
                node("f", "flatten", Map.of()), node("d", "dense", Map.of("units", 3)));
        assertLossFalls(g, m -> new NDList(m.randomNormal(new Shape(6, 1, 5, 5))), m -> m.arange(6f).mod(3),
                Loss.softmaxCrossEntropyLoss(), 0.03f);
    }

    @Test
    void aFrozenEmbeddingAsksForNoGradientWhileTheRestLearns() {
        Graph g = chain(TOKENS, node("e", "embedding", Map.of("vocabulary", 10, "dimension", 3, "trainable", false)),
                node("f", "flatten", Map.of()), node("d", "dense", Map.of("units", 1)));
        GraphBlock probe = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            probe.initialize(m, DataType.FLOAT32, new Shape(1, 6));
            assertFalse(probe.weightedNodes().get("e").getParameters().get("weight").requiresGradient());
        }
        assertLossFalls(g, m -> new NDList(m.randomInteger(0, 10, new Shape(16, 6), DataType.INT32)
                .toType(DataType.FLOAT32, false)), m -> m.randomNormal(new Shape(16, 1)), Loss.l2Loss(), 0.05f);
    }
}
